import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverMarkdown } from '../../server/src/core';
import { analyzeText } from '../support/fixtures';

const text = '同志们：\n今天开会。更多资料+微信:\n请XX同志发言，提高ZZ站位。\n';
const at = (needle: string) => text.indexOf(needle);

describe('hover', () => {
  const analysis = analyzeText(text);

  test('over an ad: the message, what the fix does, and what the rule is about', () => {
    assert.equal(
      hoverMarkdown(analysis, at('更多资料'), 'en'),
      '**Advertisement “更多资料+微信:” left by the website: remove it.**\n\nThe fix removes it.\n\n' +
        '*watermark*: Ads and site residue left by document-sharing, government and news websites ' +
        'and WeChat articles: page chrome, series labels, upload dates, page footers, credits and ' +
        'notices, and appended ads.',
    );
  });

  test('the colon inside an ad is the ad’s, not a half-width mark to convert', () => {
    const markdown = hoverMarkdown(analysis, at('微信:') + 2, 'en')!;
    assert.match(markdown, /\*watermark\*/);
    assert.doesNotMatch(markdown, /halfwidth-punctuation/);
  });

  test('over a placeholder: the text the fix writes', () => {
    assert.match(hoverMarkdown(analysis, at('ZZ') + 1, 'en')!, /The fix writes “政治”\./);
  });

  test('over a template slot: there is no automatic fix', () => {
    assert.match(hoverMarkdown(analysis, at('XX'), 'en')!, /No automatic fix: this needs a person\./);
  });

  test('the description and the outcome follow the locale', () => {
    const markdown = hoverMarkdown(analyzeText(text, {}, 'zh-cn'), at('XX'), 'zh-cn')!;
    assert.equal(
      markdown,
      '**“XX”是未填写的模板空位，请填入实际的人名、地名或数字。**\n\n无法自动修复，需要人工处理。\n\n' +
        '*template-placeholder*: 未填写的模板空位，如“XX同志”“XXX市”“×××”“○○”“**”，需要作者补全。',
    );
  });

  test('two findings at one place are shown one after the other', () => {
    const both = analyzeText('同志们：\n认真落实X\u200B中央部署。\n');
    const markdown = hoverMarkdown(both, '同志们：\n认真落实X'.length, 'en')!;
    assert.deepEqual(
      markdown.split('\n\n---\n\n').map((part) => /\*([a-z-]+)\*:/.exec(part)?.[1]),
      ['invisible-char'],
    );
    const onX = hoverMarkdown(both, '同志们：\n认真落实'.length, 'en')!;
    assert.match(onX, /\*placeholder\*/);
  });

  test('no hover where there is no finding, nor just past a finding’s end', () => {
    assert.equal(hoverMarkdown(analysis, at('今天'), 'en'), undefined);
    assert.equal(hoverMarkdown(analysis, at('同志发言'), 'en'), undefined);
  });
});
