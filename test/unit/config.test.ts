import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RULES, resolveConfig } from '../../server/src/core';
import { analyzeText, covered, findingsOf, fixAll } from '../support/fixtures';

const text = '同志们：\n认真贯彻落实X中央决策部署,请XX同志发言。更多资料+微信:\n';

describe('config: severities', () => {
  test('every rule has its default severity', () => {
    const severities = Object.fromEntries(
      [...new Set(analyzeText(text).findings.map((f) => `${f.rule}=${f.severity}`))].map((e) => e.split('=')),
    );
    assert.deepEqual(severities, {
      placeholder: 'warning',
      'halfwidth-punctuation': 'warning',
      'template-placeholder': 'information',
      watermark: 'warning',
    });
  });

  test('a rule set to error reports errors', () => {
    const findings = findingsOf('placeholder', text, { rules: { placeholder: 'error' } });
    assert.deepEqual(
      findings.map((finding) => finding.severity),
      ['error'],
    );
  });

  test('a rule set to off reports nothing, and fix-all leaves its residue', () => {
    const settings = { rules: { watermark: 'off', 'halfwidth-punctuation': 'hint' } } as const;
    const rules = analyzeText(text, settings).findings.map(
      (finding) => `${finding.rule}:${finding.severity}`,
    );
    assert.ok(!rules.some((rule) => rule.startsWith('watermark')));
    assert.ok(rules.includes('halfwidth-punctuation:hint'));
    // The ad stays, and is then text like any other: its colon is in Chinese text.
    assert.equal(
      fixAll(text, undefined, settings),
      '同志们：\n认真贯彻落实党中央决策部署，请XX同志发言。更多资料+微信：\n',
    );
  });

  test('unknown rules and severities are reported, and the defaults stay', () => {
    const config = resolveConfig({ rules: { wartermark: 'off', placeholder: 'loud' } }, RULES);
    assert.deepEqual(config.problems, [
      'rules: unknown rule "wartermark"',
      'rules.placeholder: expected one of error, warning, information, hint, off',
    ]);
    assert.equal(config.severities.get('placeholder'), 'warning');
  });
});

describe('config: extra watermark phrases', () => {
  test('a literal phrase is found even with blanks or zero-width characters inside it', () => {
    const doc = '同志们：\n今天开会。内部资 料请勿外传\n明天继续。内部\u200B资料请勿外传\n';
    const settings = { watermarkPhrases: ['内部资料请勿外传'] };
    const findings = findingsOf('watermark', doc, settings);
    assert.deepEqual(covered(doc, findings), ['内部资 料请勿外传', '内部\u200B资料请勿外传']);
    assert.equal(
      findings[0]!.message,
      'Watermark “内部资料请勿外传” (from your watermark phrases): remove it.',
    );
    assert.equal(fixAll(doc, undefined, settings), '同志们：\n今天开会。\n明天继续。\n');
  });

  test('a phrase filling a line removes the line', () => {
    const doc = '同志们：\n今天开会。\n内部资料\n明天继续。\n';
    assert.equal(
      fixAll(doc, undefined, { watermarkPhrases: ['内部资料'] }),
      '同志们：\n今天开会。\n明天继续。\n',
    );
  });

  test('/.../ is a regular expression, /.../i ignores case', () => {
    const doc = '同志们：\n今天开会。本站编号WK-2023-0815\n明天继续。wk-2024-0001\n';
    assert.deepEqual(
      covered(doc, findingsOf('watermark', doc, { watermarkPhrases: ['/WK-\\d{4}-\\d{4}/'] })),
      ['WK-2023-0815'],
    );
    assert.equal(findingsOf('watermark', doc, { watermarkPhrases: ['/WK-\\d{4}-\\d{4}/i'] }).length, 2);
  });

  test('/.../ matches as if the zero-width characters were not there', () => {
    const doc = '同志们：\n今天开会。本站编号WK-20\u200B23-0815\n';
    const findings = findingsOf('watermark', doc, { watermarkPhrases: ['/WK-\\d{4}-\\d{4}/'] });
    assert.deepEqual(covered(doc, findings), ['WK-20\u200B23-0815']);
  });

  test('a pattern that would backtrack forever in JavaScript runs in linear time on RE2', {
    timeout: 10_000,
  }, () => {
    const doc = `同志们：\n${'a'.repeat(5000)}b\n`;
    assert.deepEqual(findingsOf('watermark', doc, { watermarkPhrases: ['/(a+)+$/'] }), []);
  });

  test('bad entries are reported and skipped; good ones still apply', () => {
    const config = resolveConfig({ watermarkPhrases: ['/(/', '', 42, 'x'.repeat(501), '内部资料'] }, RULES);
    assert.equal(config.problems.length, 4);
    assert.match(config.problems[0]!, /^watermarkPhrases: ignored "\/\(\/"/);
    assert.equal(config.problems[1], 'watermarkPhrases: ignored an entry that is not a non-empty string');
    assert.equal(config.problems[2], 'watermarkPhrases: ignored an entry that is not a non-empty string');
    assert.equal(config.problems[3], 'watermarkPhrases: ignored an entry longer than 500 characters');
    assert.deepEqual(
      config.watermarkPhrases.map((matcher) => matcher.source),
      ['内部资料'],
    );
    assert.deepEqual(resolveConfig({ watermarkPhrases: '内部资料' }, RULES).problems, [
      'watermarkPhrases: expected a list of strings',
    ]);
  });
});

describe('config: extra placeholder mappings', () => {
  test('a mapped token is expanded by fix-all wherever it stands between Chinese characters', () => {
    const doc = '要抓好DJ工作，推进DJ引领。DJ is also English.';
    const settings = { placeholderMappings: { DJ: '党建' } };
    const findings = findingsOf('placeholder', doc, settings);
    assert.deepEqual(covered(doc, findings), ['DJ', 'DJ']);
    assert.match(findings[0]!.message, /“DJ” stands for “党建”/);
    assert.equal(fixAll(doc, 'placeholder', settings), '要抓好党建工作，推进党建引领。DJ is also English.');
  });

  test('a mapping overrides a built-in reading', () => {
    assert.equal(
      fixAll('纳入ZF工作报告。', 'placeholder', { placeholderMappings: { ZF: '政法' } }),
      '纳入政法工作报告。',
    );
  });

  test('mappings that are not Latin letters to text are reported and skipped', () => {
    const config = resolveConfig(
      { placeholderMappings: { 党: '党', AB: '', ABCDEFGHI: '太长', ok: '好' } },
      RULES,
    );
    assert.deepEqual(config.problems, [
      'placeholderMappings: ignored "党": a placeholder is 1 to 8 Latin letters',
      'placeholderMappings: ignored "AB": a placeholder is 1 to 8 Latin letters',
      'placeholderMappings: ignored "ABCDEFGHI": a placeholder is 1 to 8 Latin letters',
    ]);
    assert.deepEqual([...config.placeholderMappings], [['ok', '好']]);
    assert.deepEqual(resolveConfig({ placeholderMappings: ['DJ'] }, RULES).problems, [
      'placeholderMappings: expected an object of placeholders and expansions',
    ]);
  });
});

describe('config: ignored phrases', () => {
  test('findings inside an ignored phrase are dropped, literal or /regex/', () => {
    const doc = '同志们：\n请XX同志发言，提高ZZ站位,学习X史。\n';
    const rules = (settings: object) =>
      analyzeText(doc, settings).findings.map((f) => doc.slice(f.start, f.end));
    assert.deepEqual(rules({}), ['XX', 'ZZ', ',', 'X']);
    assert.deepEqual(rules({ ignoredPhrases: ['ZZ站位'] }), ['XX', ',', 'X']);
    assert.deepEqual(rules({ ignoredPhrases: ['/X+同志/'] }), ['ZZ', ',', 'X']);
  });

  test('an ignored /regex/ covers the same text before and after fix-all removes zero-width characters', () => {
    // Matched on the text as it stood, `ZZ.{0,2}` ended one character short of the ad after it
    // while a zero-width space stood before it: the ad, holding an ignored character, was kept,
    // and once the space had gone the match ended before the ad and a second fix-all removed it.
    const settings = { ignoredPhrases: ['/ZZ.{0,2}/'] };
    const once = fixAll('MZ\u200BZZ！更多资料+微信:abc123', undefined, settings);
    assert.equal(once, 'MZ\u200BZZ！');
    assert.equal(fixAll(once, undefined, settings), once);
  });

  test('fix-all leaves an ignored phrase alone', () => {
    assert.equal(
      fixAll('提高ZZ站位，学习X史。', undefined, { ignoredPhrases: ['ZZ'] }),
      '提高ZZ站位，学习党史。',
    );
  });
});

describe('config: settings of the wrong shape', () => {
  for (const settings of [null, 'strict', 42, []]) {
    test(`${JSON.stringify(settings)} gives the defaults`, () => {
      const config = resolveConfig(settings, RULES);
      assert.deepEqual(config.problems, []);
      assert.deepEqual(
        [...config.severities],
        RULES.map((rule) => [rule.id, rule.defaultSeverity]),
      );
    });
  }

  test('rules that are not an object are reported', () => {
    assert.deepEqual(resolveConfig({ rules: ['watermark'] }, RULES).problems, [
      'rules: expected an object of rule ids and severities',
    ]);
  });
});
