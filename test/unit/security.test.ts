// What a workspace's configuration or a hostile text cannot do: make the analysis hang (user
// patterns run on RE2, which matches in linear time; the built-in rules read each line in linear
// time), or have anything evaluated. The time limit is far above what the analysis takes (a
// second at most, on a loaded machine) and far below what catastrophic backtracking or a
// quadratic loop takes on these inputs (minutes to years).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, RULES, resolveConfig, type SpeechTidySettings } from '../../server/src/core';

const LIMIT_MS = 10_000;

function timed(text: string, settings: SpeechTidySettings = {}): { ms: number; findings: number } {
  const started = performance.now();
  const analysis = analyze(text, { config: resolveConfig(settings, RULES), locale: 'en' });
  const findings = analysis.findings.length;
  return { ms: performance.now() - started, findings };
}

describe('a user’s pattern cannot cause catastrophic backtracking', () => {
  // Each of these takes exponential or polynomial time in a backtracking engine on the line below.
  const patterns = [
    '/(a+)+$/',
    '/(a|aa)+$/',
    '/(a|a?)+b/',
    '/(.*a){12}/',
    '/^(\\w+\\s?)*$/',
    '/(x+x+)+y/',
    '/([a-zA-Z]+)*!/',
    '/(a*)*b/i',
  ];
  const line = `同志们：\n${'a'.repeat(100_000)}!\n${'x'.repeat(50_000)}\n`;

  for (const pattern of patterns) {
    test(`${pattern} over a 100,000-character line, as a watermark and as an ignored phrase`, () => {
      for (const settings of [{ watermarkPhrases: [pattern] }, { ignoredPhrases: [pattern] }]) {
        const config = resolveConfig(settings, RULES);
        assert.deepEqual(config.problems, [], 'RE2 takes the pattern');
        const { ms } = timed(line, settings);
        assert.ok(ms < LIMIT_MS, `${pattern}: ${ms.toFixed(0)} ms`);
      }
    });
  }

  test('a literal phrase tolerating blanks stays linear over blanks and near misses', () => {
    const settings = { watermarkPhrases: ['更 多 资 料 加 微 信'], ignoredPhrases: ['资 料'] };
    const texts = [
      `同志们：\n更${' '.repeat(100_000)}多\n`,
      `同志们：\n${'更多资料加微'.repeat(20_000)}\n`,
      `同志们：\n${'更\u200b'.repeat(50_000)}\n`,
    ];
    for (const text of texts) {
      const { ms } = timed(text, settings);
      assert.ok(ms < LIMIT_MS, `${ms.toFixed(0)} ms`);
    }
  });

  test('patterns RE2 cannot run (backreferences, lookaround, embedded code) are reported, not run', () => {
    const config = resolveConfig(
      { watermarkPhrases: ['/(a)\\1/', '/(?=a)b/', '/(?<=a)b/', '/(?{ process.exit(1) })/'] },
      RULES,
    );
    assert.equal(config.watermarkPhrases.length, 0);
    assert.equal(config.problems.length, 4);
  });

  test('a placeholder mapping is letters only: a pattern in its key is refused', () => {
    const config = resolveConfig(
      { placeholderMappings: { '(a+)+': '党', 'X{1000}': '党', MZ: '民主' } },
      RULES,
    );
    assert.deepEqual([...config.placeholderMappings.keys()], ['MZ']);
    assert.equal(config.problems.length, 2);
  });
});

describe('the built-in rules read any line in linear time', () => {
  // Lines a site could produce, or an attacker write, that once took the square of their length.
  const N = 100_000;
  const lines: readonly [string, string][] = [
    ['blanks before a word', `${' '.repeat(N)}a`],
    ['blanks at the end', `今天${' '.repeat(N)}`],
    ['a run of dashes', `今天${'-'.repeat(N)}x`],
    ['ads after sentences', '。关注公众号'.repeat(N / 6)],
    ['marked ads', '。更多资料+微信:a'.repeat(N / 10)],
    ['site notices with spaces after them', '。下载文档请 '.repeat(N / 7)],
    ['commas typed with spaces', '中 , '.repeat(N / 4)],
    ['openers', '更多资料'.repeat(N / 4)],
    ['contacts', '加V'.repeat(N / 2)],
    ['commas', ','.repeat(N)],
    ['nested parentheses', `${'('.repeat(N / 2)}${')'.repeat(N / 2)}`],
    ['placeholders', 'X中'.repeat(N / 2)],
    ['enumerators', '一是'.repeat(N / 2)],
    ['zero-width characters', '中\u200b'.repeat(N / 2)],
    ['quotation marks', '“'.repeat(N)],
    ['list markers', '1)'.repeat(N / 2)],
    ['template slots', 'XX同志'.repeat(N / 4)],
  ];
  for (const [what, line] of lines) {
    test(`${what} (${line.length.toLocaleString('en')} code units)`, () => {
      const { ms } = timed(`同志们：\n${line}\n`);
      assert.ok(ms < LIMIT_MS, `${ms.toFixed(0)} ms`);
    });
  }

  test('a hundred thousand short lines', () => {
    const { ms } = timed(`同志们：\n${'今天,\n第 3 页 共 12 页\n'.repeat(50_000)}`);
    assert.ok(ms < LIMIT_MS * 2, `${ms.toFixed(0)} ms`);
  });
});

describe('nothing is evaluated from configuration', () => {
  test('code in settings stays text, and keys like __proto__ reach no prototype', () => {
    // JSON.parse makes `__proto__` an own key, as a settings file read from disk would.
    const settings = JSON.parse(`{
      "rules": { "__proto__": { "polluted": "yes" }, "toString": "off", "constructor": "error" },
      "placeholderMappings": { "__proto__": { "polluted": "yes" }, "constructor": "x", "MZ": "民主" },
      "watermarkPhrases": ["\${process.exit(1)}", "require('child_process').execSync('false')", "/(?{1})/"],
      "ignoredPhrases": [{ "toString": "function () { process.exit(1) }" }, "\`false\`"]
    }`);
    const config = resolveConfig(settings, RULES);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.keys(Object.prototype).length, 0);
    assert.deepEqual([...config.placeholderMappings.entries()], [['MZ', '民主']]);
    for (const rule of RULES) assert.notEqual(config.severities.get(rule.id), undefined);
    assert.ok(config.problems.some((problem) => problem.includes('__proto__')));
    // The code-like phrases are literals: they match themselves, and only themselves.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text a hostile phrase would match
    const text = '同志们：\n今天开会。${process.exit(1)}\n';
    const found = analyze(text, { config, locale: 'en' }).findings.filter((f) => f.rule === 'watermark');
    assert.deepEqual(
      found.map((finding) => text.slice(finding.start, finding.end)),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: as above
      ['${process.exit(1)}'],
    );
  });
});
