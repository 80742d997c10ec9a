import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { format, RULES, toLocale } from '../../server/src/core';
import { analyzeText } from '../support/fixtures';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const han = /\p{Script=Han}/u;

describe('every text in both languages', () => {
  for (const rule of RULES) {
    test(`${rule.id}: description and messages exist in English and Chinese with the same arguments`, () => {
      const texts = { description: rule.description, ...rule.messages };
      for (const [key, text] of Object.entries(texts)) {
        assert.ok(text.en.trim().length > 0, `${rule.id}.${key} has no English`);
        assert.ok(han.test(text['zh-cn']), `${rule.id}.${key} has no Chinese`);
        assert.deepEqual(placeholders(text['zh-cn']), placeholders(text.en), `${rule.id}.${key}`);
      }
    });
  }
});

describe('findings in Chinese', () => {
  const text =
    '正文复制\n守正创新　推动工作\n同志们：\n认真落实X中央部署,请XX同志发言&nbsp;。。\u200B\n二、 甲\n（一）、子\n要坚持“内容为王，\n形成合力----\n';
  const findings = analyzeText(text, {}, 'zh-cn').findings;

  test('the test text triggers every rule', () => {
    assert.deepEqual(
      [...new Set(findings.map((finding) => finding.rule))].sort(),
      RULES.map((rule) => rule.id).sort(),
    );
  });

  test('every message and fix title is Chinese, with its arguments filled in', () => {
    for (const finding of findings) {
      for (const shown of [finding.message, ...finding.fixes.map((fix) => fix.title)]) {
        assert.ok(han.test(shown.replace(/“[^”]*”/g, '')), `${finding.rule}: ${shown}`);
        assert.doesNotMatch(shown, /\{\w+\}/, `${finding.rule}: ${shown}`);
      }
    }
  });

  test('a sample reads as written', () => {
    const placeholder = findings.find((finding) => finding.rule === 'placeholder')!;
    assert.equal(placeholder.message, '“X”是屏蔽占位符，这里代“党”，应写作“党中央”。');
    assert.equal(placeholder.fixes[0]!.title, '将“X”替换为“党”');
    const chrome = findings.find((finding) => finding.rule === 'watermark')!;
    assert.equal(chrome.message, '“正文复制”是网页按钮文字，随正文一起复制进来了，应删除这一行。');
  });
});

describe('toLocale', () => {
  const cases: readonly [string | undefined, string][] = [
    ['zh-cn', 'zh-cn'],
    ['zh-CN', 'zh-cn'],
    ['zh_CN.UTF-8', 'zh-cn'],
    ['zh-Hans', 'zh-cn'],
    ['zh-SG', 'zh-cn'],
    ['zh', 'zh-cn'],
    ['zh-TW', 'en'],
    ['en-US', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ];
  for (const [tag, locale] of cases) {
    test(`${JSON.stringify(tag)} → ${locale}`, () => {
      assert.equal(toLocale(tag), locale);
    });
  }
});

describe('format', () => {
  test('fills known arguments and leaves unknown ones visible', () => {
    const text = { en: '“{token}” stands for “{expansion}”', 'zh-cn': '“{token}”代“{expansion}”' };
    assert.equal(format(text, 'zh-cn', { token: 'X', expansion: '党' }), '“X”代“党”');
    assert.equal(format(text, 'en', { token: 'X' }), '“X” stands for “{expansion}”');
  });

  test('{name|one|other} agrees with the number in English; Chinese has no such forms', () => {
    const text = { en: '{count} {count|file|files} checked', 'zh-cn': '已检查 {count} 个文件' };
    assert.equal(format(text, 'en', { count: 1 }), '1 file checked');
    assert.equal(format(text, 'en', { count: 0 }), '0 files checked');
    assert.equal(format(text, 'en', { count: 2 }), '2 files checked');
    assert.equal(format(text, 'en', { count: '1' }), '1 file checked');
    assert.equal(format(text, 'zh-cn', { count: 1 }), '已检查 1 个文件');
    assert.equal(format(text, 'en', {}), '{count} {count|file|files} checked');
  });

  test('quoted text that holds quotation marks is quoted with others, and shown as it is', () => {
    const text = { en: 'Series label “{text}”', 'zh-cn': '“{text}”是系列编号' };
    assert.equal(format(text, 'en', { text: '“笃行致远”系列№7' }), 'Series label ‘“笃行致远”系列№7’');
    assert.equal(format(text, 'zh-cn', { text: '”' }), '‘”’是系列编号');
    assert.equal(format(text, 'en', { text: '“a‘b’”' }), 'Series label 「“a‘b’”」');
    assert.equal(format(text, 'en', { text: '《纲要》' }), 'Series label “《纲要》”');
    const unquoted = { en: '{a}” and “{b}', 'zh-cn': '{a}”和“{b}' };
    assert.equal(format(unquoted, 'en', { a: '“', b: '”' }), '“” and “”');
  });
});
