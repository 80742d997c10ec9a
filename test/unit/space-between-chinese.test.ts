import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../server/src/core';
import { applyOnlyFix, covered, findingsOf, fixAll } from '../support/fixtures';

const rule = 'space-between-chinese';

/** A speech's front matter, so that the lines after it are its body. */
const HEAD = '关于做好全年工作的讲话\n同志们：\n';

describe('space-between-chinese', () => {
  test('spaces of every width between Chinese characters and beside Chinese punctuation', () => {
    const body = '全 面 提 升政务服务，　把\t工作 。落到实处\u00A0\u3000，推动 “一网通办”。';
    const text = HEAD + body;
    const findings = findingsOf(rule, text);
    assert.deepEqual(covered(text, findings), ['全 面 提 升', '　', '\t', ' ', '\u00A0\u3000', ' ']);
    assert.equal(findings[1]!.message, 'A space inside Chinese text: remove it.');
  });

  test('a run spaced out character by character is one problem, mended at once', () => {
    const text = `${HEAD}要全 面 𠮷 升，工 作 落 实 到 位。要统 筹 推进。\n`;
    const findings = findingsOf(rule, text);
    assert.deepEqual(covered(text, findings), ['全 面 𠮷 升', '工 作 落 实 到 位', ' ', ' ']);
    assert.equal(
      findings[0]!.message,
      'Chinese text spaced out character by character: remove the 3 spaces.',
    );
    assert.equal(findings[1]!.fixes[0]!.title, 'Remove the 5 spaces');
    assert.equal(
      applyEdits(text, findings[0]!.fixes[0]!.edits),
      `${HEAD}要全面𠮷升，工 作 落 实 到 位。要统 筹 推进。\n`,
    );
    assert.equal(fixAll(text, rule), `${HEAD}要全面𠮷升，工作落实到位。要统筹推进。\n`);
  });

  test('a numbered heading and the salutation are Chinese text too', () => {
    const text = '关于做好全年工作的讲话\n同志们 ：\n一、 统一思想\n（一） 提高认识\n';
    assert.deepEqual(covered(text, findingsOf(rule, text)), [' ', ' ', ' ']);
  });

  test('the space after a section number that no mark ends stays: it parts the number from its title', () => {
    const text = `${HEAD}第一部分 回顾\n第二章　职责分工\n第3条　各单位要落实。\n要学习《宪法》第二章 公民的基本权利。\n`;
    assert.deepEqual(findingsOf(rule, text), []);
    const other = `${HEAD}第一章 总则 要求\n第一次 会议\n`;
    assert.deepEqual(
      findingsOf(rule, other).map((finding) => finding.start),
      [other.indexOf(' 要求'), other.indexOf(' 会议')],
    );
  });

  test('the quick fix removes the space, and nothing else', () => {
    const text = `${HEAD}各部门要统筹 抓好落实。`;
    const [finding] = findingsOf(rule, text);
    assert.equal(finding!.fixes[0]!.title, 'Remove the space');
    assert.equal(applyOnlyFix(rule, text), `${HEAD}各部门要统筹抓好落实。`);
  });

  test("the rule's own fix-all removes every one; fix-all of every rule leaves them", () => {
    const text = `${HEAD}全 面 提 升政务服务水平， 推动工作。\n`;
    assert.equal(fixAll(text, rule), `${HEAD}全面提升政务服务水平，推动工作。\n`);
    assert.equal(fixAll(text), text);
  });

  test('spaces beside Latin letters and digits, around a line and in the front matter stay', () => {
    const text = [
      '守正创新　推动发展',
      '——在全县数字政府建设推进会上的讲话',
      '县长  周立新',
      '（2023年9月14日）',
      '同志们：',
      '　　5G 网络覆盖率达到 98% ，GDP 增长 5.2%。 ',
      'Windows XP 系统要尽快升级。',
    ].join('\n');
    assert.deepEqual(findingsOf(rule, text), []);
  });

  test('the gaps a website puts inside an ad and before it go with the ad', () => {
    const text = `${HEAD}要抓好落实。 更多资 料+微信:abc\n`;
    assert.deepEqual(findingsOf(rule, text), []);
  });

  test('a residue line is removed whole, not cleaned', () => {
    const text = `${HEAD}会议开得很成功。\n本文档由用户上传 如有侵权请联系删除\n`;
    assert.deepEqual(findingsOf(rule, text), []);
  });
});
