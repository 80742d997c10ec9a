import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertSafeFixAll, covered, findingsOf } from '../support/fixtures';

const rule = 'heading-numbering';
const TITLE = '关于加强基层治理的几点意见\n';

describe('heading-numbering: errors and their renumbering', () => {
  test('a gap is reported on the numeral, and later headings follow the correction', () => {
    const text = `${TITLE}一、甲项工作\n二、乙项工作\n四、丙项工作\n五、丁项工作\n`;
    const findings = findingsOf(rule, text);
    assert.deepEqual(covered(text, findings), ['四', '五']);
    assert.equal(findings[0]!.message, 'Heading number “四” skips a number after “二”: expected “三”.');
    assert.equal(
      findings[1]!.message,
      'Heading number “五” carries on an earlier numbering error: expected “四”.',
    );
    assert.equal(findings[0]!.fixes[0]!.title, 'Renumber as “三”');
    assertSafeFixAll(rule, text, `${TITLE}一、甲项工作\n二、乙项工作\n三、丙项工作\n四、丁项工作\n`);
  });

  test('a repeat', () => {
    const text = `${TITLE}（一）提高站位。全市上下要统一思想。\n（二）把握规律。要坚持正确导向。\n（二）守住阵地。要落实责任制。\n`;
    const [finding] = findingsOf(rule, text);
    assert.equal(finding!.message, 'Heading number “二” repeats the one before it: expected “三”.');
    assertSafeFixAll(
      rule,
      text,
      `${TITLE}（一）提高站位。全市上下要统一思想。\n（二）把握规律。要坚持正确导向。\n（三）守住阵地。要落实责任制。\n`,
    );
  });

  test('a number out of order', () => {
    const text = `${TITLE}1.甲项\n3.乙项\n2.丙项\n`;
    const findings = findingsOf(rule, text);
    assert.match(findings[1]!.message, /“2” is out of order after “3”: expected “3”/);
    assertSafeFixAll(rule, text, `${TITLE}1.甲项\n2.乙项\n3.丙项\n`);
  });

  test('a run that does not start at one goes on from its first number, which a person renumbers', () => {
    const text = `${TITLE}一、总体要求\n（二）主要任务\n（三）保障措施\n（五）组织实施\n`;
    const findings = findingsOf(rule, text);
    assert.deepEqual(covered(text, findings), ['二', '五']);
    assert.equal(findings[0]!.message, 'The first heading of this run is numbered “二”: expected “一”.');
    assert.equal(findings[0]!.fixes[0]!.title, 'Renumber as “一”');
    assert.equal(findings[0]!.fixes[0]!.safe, false);
    assert.equal(findings[1]!.message, 'Heading number “五” skips a number after “三”: expected “四”.');
    assertSafeFixAll(rule, text, text.replace('（五）', '（四）'));
  });

  test('a run whose first item stands after a colon on the line above goes on from it', () => {
    const text = `${TITLE}附件：1.工作方案\n2.任务分工表\n3.经费预算\n`;
    assert.deepEqual(findingsOf(rule, text), []);
    assertSafeFixAll(rule, text, text);
    const gap = `${TITLE}主要任务是：（一）稳增长\n（三）惠民生\n`;
    const [skip] = findingsOf(rule, gap);
    assert.equal(skip!.message, 'Heading number “三” skips a number after “一”: expected “二”.');
    assertSafeFixAll(rule, gap, gap);
    const several = `${TITLE}要求有：1.统一思想；2.加强领导；\n3.落实责任\n4.严明纪律\n`;
    assert.deepEqual(findingsOf(rule, several), []);
    const otherStyle = `${TITLE}附件：（1）工作方案\n2.任务分工表\n`;
    assert.deepEqual(covered(otherStyle, findingsOf(rule, otherStyle)), ['2']);
  });

  test('a number past what its style writes as a heading is reported, not renumbered', () => {
    const text = `${TITLE}99、甲项工作\n1.乙项工作\n`;
    const [, finding] = findingsOf(rule, text);
    assert.match(finding!.message, /“1” is out of order after “99”: expected “100”/);
    assert.deepEqual(finding!.fixes, []);
    assertSafeFixAll(rule, text, text);
  });

  test('two-character numerals and circled numbers are renumbered in their own style', () => {
    const dun = `${TITLE}一、甲\n二、乙\n三、丙\n四、丁\n五、戊\n六、己\n七、庚\n八、辛\n九、壬\n十、癸\n十二、子\n`;
    assertSafeFixAll(rule, dun, dun.replace('十二、', '十一、'));
    assertSafeFixAll(rule, `${TITLE}①甲项\n③乙项\n`, `${TITLE}①甲项\n②乙项\n`);
    assertSafeFixAll(rule, `${TITLE}（1）甲项\n（1）乙项\n`, `${TITLE}（1）甲项\n（2）乙项\n`);
  });
});

describe('heading-numbering: correct numbering', () => {
  const texts: readonly [string, string][] = [
    [
      'sub-headings start again under each heading',
      `${TITLE}一、甲\n（一）子\n（二）子\n二、乙\n（一）子\n（二）子\n`,
    ],
    [
      'every level of the convention',
      `${TITLE}一、甲\n（一）子\n1.孙\n（1）曾孙\n①玄孙\n②玄孙\n（2）曾孙\n2.孙\n（二）子\n二、乙\n`,
    ],
    [
      'parts enclose their own 一、 sections',
      `${TITLE}第一部分 工作回顾\n一、经济发展\n二、社会民生\n第二部分 工作安排\n一、扩大投资\n二、优化环境\n`,
    ],
    [
      'a numbered item too long to be a heading keeps its number in the run',
      `${TITLE}一、总体要求\n二、${'坚持统筹发展和安全，'.repeat(9)}推动高质量发展\n三、保障措施\n`,
    ],
    ['run-in headings', `${TITLE}（一）提高站位。全市上下要统一思想。\n（二）把握规律。要坚持正确导向。\n`],
  ];
  for (const [why, text] of texts) {
    test(why, () => {
      assert.deepEqual(findingsOf(rule, text), []);
    });
  }
});
