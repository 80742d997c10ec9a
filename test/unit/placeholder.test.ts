import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { combineFixes, groupMembers, groupSize } from '../../server/src/core';
import { analyzeText, assertSafeFixAll, covered, findingsOf, fixAll } from '../support/fixtures';

const rule = 'placeholder';

describe('placeholder: censorship placeholders decided by their collocation', () => {
  const cases: readonly [string, string, string][] = [
    ['认真贯彻落实X中央决策部署。', '认真贯彻落实党中央决策部署。', '党中央'],
    ['相关情况已报县X委政府。', '相关情况已报县党委政府。', '党委'],
    ['广大X员干部要带头。', '广大党员干部要带头。', '党员'],
    ['坚持以X的十九大精神为指导。', '坚持以党的十九大精神为指导。', '党的'],
    ['全X同志要团结一致。', '全党同志要团结一致。', '全党'],
    ['以从严治X的实际成效推动工作。', '以从严治党的实际成效推动工作。', '党的'],
    ['互联网业非公X建走在前列。', '互联网业非公党建走在前列。', '党建'],
    ['各级X组织要履行主体责任。', '各级党组织要履行主体责任。', '党组织'],
    ['要加强X性修养。', '要加强党性修养。', '党性'],
    ['要学习党章、严守X规。', '要学习党章、严守党规。', '党规'],
    ['坚定正确ZZ方向。', '坚定正确政治方向。', '政治方向'],
    ['全市上下必须提高ZZ站位。', '全市上下必须提高政治站位。', '政治站位'],
    ['对ZZ、经济、文化都产生了深刻影响。', '对政治、经济、文化都产生了深刻影响。', '对政治'],
    ['庆祝中国GCD成立一百周年。', '庆祝中国共产党成立一百周年。', '中国共产党'],
    ['纳入市ZF工作报告。', '纳入市政府工作报告。', '政府工作'],
    ['深入学习X近平总书记重要讲话精神。', '深入学习习近平总书记重要讲话精神。', '习近平'],
    ['必须提高zz站位。', '必须提高政治站位。', '政治站位'],
  ];
  for (const [text, fixed, word] of cases) {
    test(`${text} → ${fixed}`, () => {
      const findings = findingsOf(rule, text);
      assert.equal(findings.length, 1);
      assert.match(findings[0]!.message, new RegExp(`write “${word}”`));
      assert.equal(findings[0]!.fixes[0]!.safe, true);
      assertSafeFixAll(rule, text, fixed);
    });
  }

  test('the finding covers the letters only', () => {
    const text = '认真贯彻落实X中央决策部署，提高ZZ站位。';
    assert.deepEqual(covered(text, findingsOf(rule, text)), ['X', 'ZZ']);
  });
});

describe('placeholder: invisible characters around or inside a placeholder', () => {
  test('X\u200B中央 is still 党中央', () => {
    const text = '认真贯彻落实X\u200B中央决策部署。';
    assert.deepEqual(covered(text, findingsOf(rule, text)), ['X']);
    assert.equal(fixAll(text), '认真贯彻落实党中央决策部署。');
  });

  test('G\u200BCD is still 共产党, replaced together with what hides it', () => {
    const text = '庆祝中国G\u200BCD成立一百周年。';
    assert.deepEqual(covered(text, findingsOf(rule, text)), ['G\u200BCD']);
    assert.equal(fixAll(text), '庆祝中国共产党成立一百周年。');
  });
});

describe('placeholder: evidence from the rest of the document', () => {
  test('without a collocation or evidence, the reading is offered but not applied', () => {
    const text = '要做让X放心的干部。';
    const [finding] = findingsOf(rule, text);
    assert.match(finding!.message, /looks like a censorship placeholder \(perhaps “党”\)/);
    assert.equal(finding!.fixes[0]!.safe, false);
    assertSafeFixAll(rule, text, text);
  });

  test('the uncensored form elsewhere in the document decides it', () => {
    const text = '要做让X放心的干部。我们都要让党放心。';
    const [finding] = findingsOf(rule, text);
    assert.match(finding!.message, /stands for “党” here/);
    assertSafeFixAll(rule, text, '要做让党放心的干部。我们都要让党放心。');
  });
});

test('placeholder: a name is read in lower case as in upper case (x近平 is 习近平)', () => {
  assert.equal(
    fixAll('认真学习x近平新时代中国特色社会主义思想。'),
    '认真学习习近平新时代中国特色社会主义思想。',
  );
});

describe('placeholder: Latin text that is no placeholder', () => {
  const sentences = [
    '县医院新配备了数字化X光机和X射线检测设备。',
    '要对照坐标图上的X轴和Y轴分析指标。',
    '这是一种X型结构。',
    '要研究X世代青年的特点，分析X因素，测绘X坐标，关心X一代的成长。',
    '加快5G基站建设，GDP增长6.5%。',
    '下载政务APP，办事更方便。',
    '不少电脑还在使用Windows XP系统。',
    '程序员写下的第一行代码是“Hello, world”。',
    'X marks the spot，他说。',
    '请XX同志发言，会议在XXX市召开。',
    '于X月X日前报送，第X次会议。',
    '请张X同志发言。',
    // In lower case too: 我 before it would otherwise make it 我党.
    '医生给我x光片看了看。',
  ];
  for (const sentence of sentences) {
    test(sentence, () => {
      assert.deepEqual(findingsOf(rule, sentence), []);
    });
  }
});

describe('placeholder: fixes', () => {
  test('all placeholders of one reading share a group, for “replace all”', () => {
    const text = '认真贯彻落实X中央决策部署，各级X组织要提高ZZ站位。';
    const { findings } = analyzeText(text);
    const members = groupMembers(findings, 'X→党');
    assert.equal(members.length, 2);
    assert.equal(groupSize(findings, 'X→党'), 2, 'counted without making the fixes');
    assert.equal(groupSize(findings, 'ZZ→政治'), 1);
    assert.deepEqual(
      combineFixes(members).map((edit) => text.slice(edit.start, edit.end)),
      ['X', 'X'],
    );
  });

  test('the fix is titled with the placeholder and its expansion', () => {
    const [finding] = findingsOf(rule, '提高ZZ站位。');
    assert.equal(finding!.fixes[0]!.title, 'Replace “ZZ” with “政治”');
  });
});
