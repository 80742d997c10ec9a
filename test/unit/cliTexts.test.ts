// The command line's own texts (usage, errors, summaries): the type system only makes sure each
// entry has an `en` and a `zh-cn` field. What a user would notice is a Chinese field left in
// English, or an argument spelt differently in one language, which prints a raw `{name}`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TEXTS } from '../../server/src/cli/texts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const han = /\p{Script=Han}/u;

describe('every CLI text in both languages', () => {
  for (const [key, text] of Object.entries(TEXTS)) {
    test(`${key}: English and Chinese, with the same arguments`, () => {
      assert.deepEqual(Object.keys(text).sort(), ['en', 'zh-cn']);
      assert.ok(text.en.trim().length > 0, `${key} has no English`);
      assert.ok(!han.test(text.en), `${key}: the English text has Chinese in it`);
      // A frame such as `speech-tidy: {message}` has no words to translate.
      const words = text.en.replace(/\{\w+\}|speech-tidy/g, '');
      if (/[A-Za-z]{2,}/.test(words)) assert.ok(han.test(text['zh-cn']), `${key} has no Chinese`);
      else assert.notEqual(text['zh-cn'], text.en, `${key}: the Chinese keeps the English punctuation`);
      assert.deepEqual(placeholders(text['zh-cn']), placeholders(text.en), key);
    });
  }

  test('the usage lists the same commands and options in both languages', () => {
    const flags = (usage: string) =>
      [...usage.matchAll(/(?<![\w-])--?[a-z][\w-]*/g)].map((match) => match[0]);
    assert.deepEqual(flags(TEXTS.usage['zh-cn']), flags(TEXTS.usage.en));
    const commands = (usage: string) => [...usage.matchAll(/^ {2}(check|fix|outline)\b/gm)].map((m) => m[1]);
    assert.deepEqual(commands(TEXTS.usage['zh-cn']), ['check', 'fix', 'outline']);
    assert.deepEqual(commands(TEXTS.usage.en), ['check', 'fix', 'outline']);
  });
});
