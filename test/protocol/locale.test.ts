// Everything the server shows a person, besides the diagnostics themselves (diagnostics.test.ts):
// quick-fix and fix-all titles, hovers, and the warnings it sends. An editor initialized with
// `zh-cn` must get all of it in Chinese, one initialized with `en` all of it in English; a text
// missed in one language would show up here as the odd one out.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { CodeAction, Command, Diagnostic, MarkupContent } from 'vscode-languageserver';
import { RULES } from '../../server/src/core';
import { analyzeText } from '../support/fixtures';
import { fileUri, LspClient } from '../support/lspClient';
import { lines, SPEECH } from './transcripts';

const folder = '/tmp/speech-tidy-protocol';
const FIX_ALL = 'source.fixAll.speech';
const han = /\p{Script=Han}/u;

/** One finding of every rule, so that every rule's texts are shown. */
const EVERY_RULE = lines(
  '正文复制',
  '守正创新　推动发展',
  '——在全市宣传工作会议上的讲话',
  '同志们：',
  '认真落实X中央部署,请XX同志会后发言。\u200B更多资料+微信:',
  '二、提高认识',
  '（一）、统一思想',
  '全市上下要团结一心、、扎实 工作&nbsp;。',
  '要坚持“内容为王，',
  '形成工作合力----',
);

/** What the server itself wrote: quoted transcript text, rule ids and markdown marks taken out. */
function ownWords(text: string): string {
  return text
    .replace(/“[^”]*”/g, '')
    .replace(/\*[a-z-]+\*:/g, '')
    .replace(/\*\*/g, '')
    .trim();
}

interface Shown {
  /** Per diagnostic, in order: the titles of its quick fixes. */
  readonly quickFixes: string[][];
  /** Per diagnostic, in order: the paragraphs of the hover at its start. */
  readonly hovers: string[][];
  readonly fixAll: string[];
}

async function whatIsShown(locale: string): Promise<Shown> {
  const client = await LspClient.start({ locale });
  try {
    const uri = fileUri(`${folder}/locale-${locale}.speech`);
    await client.open(uri, EVERY_RULE);
    const diagnostics: Diagnostic[] = await client.diagnosticsFor(uri, 1);
    const titles = (answer: (CodeAction | Command)[] | null) => (answer ?? []).map((action) => action.title);
    const quickFixes: string[][] = [];
    const hovers: string[][] = [];
    for (const diagnostic of diagnostics) {
      quickFixes.push(titles(await client.codeActions(uri, diagnostic.range, [diagnostic])));
      const hover = await client.hover(uri, diagnostic.range.start);
      assert.ok(hover, `a hover on the ${diagnostic.code} finding`);
      hovers.push(
        (hover.contents as MarkupContent).value
          .split(/\n\n(?:---\n\n)?/)
          .map(ownWords)
          .filter((paragraph) => paragraph.length > 0),
      );
    }
    const whole = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };
    const fixAll = titles(await client.codeActions(uri, whole, diagnostics, [FIX_ALL]));
    return { quickFixes, hovers, fixAll };
  } finally {
    await client.dispose();
  }
}

describe('titles and hovers', () => {
  let chinese: Shown;
  let english: Shown;

  before(async () => {
    [chinese, english] = await Promise.all([whatIsShown('zh-cn'), whatIsShown('en')]);
  });

  test('the transcript has a finding of every rule', () => {
    assert.deepEqual(
      [...new Set(analyzeText(EVERY_RULE).findings.map((finding) => finding.rule))].sort(),
      RULES.map((rule) => rule.id).sort(),
    );
  });

  test('the same actions and hovers in both languages', () => {
    assert.deepEqual(
      chinese.quickFixes.map((titles) => titles.length),
      english.quickFixes.map((titles) => titles.length),
    );
    assert.deepEqual(
      chinese.hovers.map((paragraphs) => paragraphs.length),
      english.hovers.map((paragraphs) => paragraphs.length),
    );
    assert.equal(chinese.fixAll.length, 1);
    assert.equal(english.fixAll.length, 1);
    // Fix-all of one rule, replace-all of one placeholder: the titles that only some findings get.
    assert.ok(english.quickFixes.flat().some((title) => title.startsWith('Fix all ')));
  });

  test('zh-cn: every title and every hover paragraph is Chinese, with its arguments filled in', () => {
    const shown = [...chinese.quickFixes.flat(), ...chinese.hovers.flat(), ...chinese.fixAll];
    assert.ok(shown.length > 20);
    for (const text of shown) {
      assert.match(ownWords(text), han, `not Chinese: ${text}`);
      assert.doesNotMatch(text, /\{\w+\}/, `an argument left unfilled: ${text}`);
    }
  });

  test('en: every title and every hover paragraph is English', () => {
    const shown = [...english.quickFixes.flat(), ...english.hovers.flat(), ...english.fixAll];
    const words = (text: string) => ownWords(text).match(/[A-Za-z]{3,}/g) ?? [];
    for (const text of shown) {
      assert.ok(words(text).length > 0, `not English: ${text}`);
      assert.doesNotMatch(text, /\{\w+\}/, `an argument left unfilled: ${text}`);
    }
    // Chinese in English titles is only ever quoted transcript text.
    for (const title of [...english.quickFixes.flat(), ...english.fixAll]) {
      assert.doesNotMatch(ownWords(title), han, title);
    }
  });
});

describe('warnings', () => {
  const large = `${SPEECH}${'今年以来，全区上下坚持以X的建设为引领，扎实推进各项工作，取得了明显成效。\n'.repeat(12_000)}`;

  test('a document over the size limit: the warning follows the locale', async () => {
    for (const [locale, expected] of [
      ['zh-cn', /^Speech Tidy 未分析 大报告\.speech：.*超过了 1 MB 的上限/],
      ['en', /^Speech Tidy does not analyse 大报告\.speech: .*larger than the limit of 1 MB/],
    ] as const) {
      const client = await LspClient.start({ locale, settings: { speechTidy: { maxFileSizeMB: 1 } } });
      try {
        await client.open(fileUri(`${folder}/${locale}/大报告.speech`), large);
        const warning = await client.messages.wait(
          (m) => m.message.includes('大报告.speech'),
          'a size warning',
        );
        assert.match(warning.message, expected);
      } finally {
        await client.dispose();
      }
    }
  });

  describe('broken settings', () => {
    let warnings: Record<'zh-cn' | 'en', string>;

    before(async () => {
      const warningIn = async (locale: 'zh-cn' | 'en') => {
        const client = await LspClient.start({
          locale,
          settings: { speechTidy: { rules: { 'no-such-rule': 'warning' } } },
        });
        try {
          await client.open(fileUri(`${folder}/${locale}/settings.speech`), SPEECH);
          return (await client.messages.wait((m) => m.message.includes('no-such-rule'), 'a settings warning'))
            .message;
        } finally {
          await client.dispose();
        }
      };
      warnings = { 'zh-cn': await warningIn('zh-cn'), en: await warningIn('en') };
    });

    test('the warning follows the locale', () => {
      assert.match(warnings['zh-cn'], /^Speech Tidy 忽略了部分设置：/);
      assert.match(warnings.en, /^Speech Tidy ignored part of its settings: /);
    });

    test('so does what is wrong with them', () => {
      const detail = warnings['zh-cn'].replace(/^Speech Tidy 忽略了部分设置：/, '');
      assert.match(detail.replace(/"[^"]*"/g, ''), han, detail);
    });
  });
});
