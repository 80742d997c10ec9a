import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { OutlineNode } from '../../server/src/core/outline';
import {
  analyzeText,
  assertIdempotent,
  assertSafeFixAll,
  covered,
  findingsOf,
  fixAll,
} from '../support/fixtures';

const rule = 'halfwidth-punctuation';

describe('halfwidth-punctuation: marks in Chinese text', () => {
  const cases: readonly [string, string][] = [
    ['刚才,几位同志作了发言。', '刚才，几位同志作了发言。'],
    ['一是抓项目;二是优环境。', '一是抓项目；二是优环境。'],
    ['主要任务是:总结工作。', '主要任务是：总结工作。'],
    ['为什么?因为发展不够!', '为什么？因为发展不够！'],
    ['正视困难挑战(特别是投资放缓的问题),保持定力。', '正视困难挑战（特别是投资放缓的问题），保持定力。'],
    ['(2018年8月8日,根据录音整理)', '（2018年8月8日，根据录音整理）'],
    ['(一)加强组织领导', '（一）加强组织领导'],
    ['(1)工业经济量质齐升。', '（1）工业经济量质齐升。'],
    ['参加人员(含列席)共50人。', '参加人员（含列席）共50人。'],
    ['国内生产总值(GDP)增长5.2%。', '国内生产总值（GDP）增长5.2%。'],
    ['增长6.5%;新开工项目42个。', '增长6.5%；新开工项目42个。'],
    ['同志们:', '同志们：'],
    // A Latin word glued to Chinese is an abbreviation in the Chinese sentence.
    ['全年GDP增长5.2%,CPI上涨0.2%。', '全年GDP增长5.2%，CPI上涨0.2%。'],
    ['推进PPP,5%的项目已落地。', '推进PPP，5%的项目已落地。'],
    ['增长5.2%;PPP\u200B项目稳步推进。', '增长5.2%；PPP\u200B项目稳步推进。'],
    ['详见（附件 1)。', '详见（附件 1）。'],
    // A closer after the list markers closes the parenthesis they are in; they stay.
    ['会议要求(注：1)加强领导；2)落实责任)。', '会议要求（注：1)加强领导；2)落实责任）。'],
  ];
  for (const [text, fixed] of cases) {
    test(`${text} → ${fixed}`, () => {
      assertSafeFixAll(rule, text, fixed);
    });
  }

  test('each mark is its own finding, naming the full-width mark', () => {
    const text = '刚才,几位同志(县长)作了发言。';
    const findings = findingsOf(rule, text);
    assert.deepEqual(covered(text, findings), [',', '(', ')']);
    assert.equal(findings[0]!.message, 'Half-width “,” in Chinese text: use the full-width “，”.');
    assert.equal(findings[0]!.fixes[0]!.title, 'Replace “,” with “，”');
  });
});

describe('halfwidth-punctuation: the spaces a half-width mark was typed with', () => {
  // Full-width marks carry their own spacing: a space left beside one is a space inside Chinese
  // text, which space-between-chinese would report once fix-all had made the mark full-width.
  const cases: readonly [string, string][] = [
    ['今年的工作, 大家都很辛苦。', '今年的工作，大家都很辛苦。'],
    ['主要任务是:  总结工作。', '主要任务是：总结工作。'],
    ['为什么 ? 因为发展不够 !', '为什么？因为发展不够！'],
    ['会议 (2018年8月8日) 召开。', '会议（2018年8月8日）召开。'],
    ['国内生产总值 (GDP) 增长5.2%。', '国内生产总值（GDP）增长5.2%。'],
    ['他说: "我们要干" , 大家都同意。', '他说：“我们要干”，大家都同意。'],
    ['为什么 ! ”他问。', '为什么！”他问。'],
    // Spaces between two marks that are no quote or bracket stay: one mark would be doubled.
    ['工作， ,大家', '工作， ，大家'],
    ['问题. 对策', '问题。对策'],
    ['工作,\t大家,\u00A0朋友们,\u3000同事们', '工作，大家，朋友们，同事们'],
    // Between two marks the spaces go with the first.
    ['工作, (一) 加强领导', '工作，（一）加强领导'],
  ];
  for (const [text, fixed] of cases) {
    test(`${JSON.stringify(text)} → ${fixed}`, () => {
      assertSafeFixAll(rule, text, fixed);
      assertIdempotent(text, fixed);
    });
  }

  test('the finding covers the spaces, and its message and fix name them', () => {
    const text = '工作 , 大家';
    const findings = findingsOf(rule, text);
    assert.deepEqual(covered(text, findings), [' , ']);
    assert.equal(findings[0]!.message, 'Half-width “ , ” in Chinese text: use the full-width “，”.');
    assert.equal(findings[0]!.fixes[0]!.title, 'Replace “ , ” with “，”');
  });

  test('the spaces are counted in UTF-16 code units, past a BOM, CRLF, emoji and Extension B', () => {
    const text = '\uFEFF同志们：\r\n𠮷𠮷的工作 , 😀大家好。\r\n';
    const findings = findingsOf(rule, text);
    assert.deepEqual(covered(text, findings), [' , ']);
    assert.equal(findings[0]!.start, text.indexOf(' , '));
    assert.equal(fixAll(text, rule), '\uFEFF同志们：\r\n𠮷𠮷的工作，😀大家好。\r\n');
  });

  test('a salutation typed with half-width marks and spaces is one before fix-all and after', () => {
    const text = '同志们, 朋友们:\n今天召开全市工作会议。';
    assertIdempotent(text, '同志们，朋友们：\n今天召开全市工作会议。');
    assert.equal(analyzeText(text).model.blocks[0]!.kind, 'salutation');
  });

  test('an indent, blanks at the line’s end, and blanks an ad or a cut mark takes stay', () => {
    assertSafeFixAll(rule, '  (一) 加强领导, ', '  （一）加强领导， ');
    assertIdempotent('  (一) 加强领导\n工作, 更多资料+微信:abc123', '  （一）加强领导\n工作，');
    assertIdempotent('同志们：\n今天召开全市工作会议, ----', '同志们：\n今天召开全市工作会议，');
    assert.deepEqual(covered('工作, ----', findingsOf(rule, '工作, ----')), [',']);
  });

  test('an enumeration or list marker after a closer it took the space of stays one', () => {
    const names = (text: string) => names_(analyzeText(text).outline);
    const names_ = (nodes: readonly OutlineNode[]): string[] =>
      nodes.flatMap((node) => [node.name, ...names_(node.children)]);
    const text = '同志们：\n一、加强领导\n要加强领导(略) 一是抓项目；二是优环境。\n';
    const fixed = fixAll(text);
    assert.equal(fixed, '同志们：\n一、加强领导\n要加强领导（略）一是抓项目；二是优环境。\n');
    assert.deepEqual(names(fixed), names(text));
    assert.deepEqual(names(text), ['一、加强领导', '一是抓项目', '二是优环境']);
    assertIdempotent('谢谢大家！\n(注) 1)今天召开全市工作会议', '谢谢大家！\n（注）1)今天召开全市工作会议');
  });

  test('marks that stay half-width keep their spaces', () => {
    assert.deepEqual(findingsOf(rule, '他说Hello, world是第一个程序。'), []);
    assert.deepEqual(findingsOf(rule, '时间为8: 30至9: 30。'), []);
  });
});

describe('halfwidth-punctuation: a dot for a full stop', () => {
  const cases: readonly [string, string][] = [
    ['要坚持问题导向.对发现的问题立行立改。', '要坚持问题导向。对发现的问题立行立改。'],
    ['同志们：\n各单位要严肃查处.\n下一步要加强监督。', '同志们：\n各单位要严肃查处。\n下一步要加强监督。'],
    ['坚决纠正“四风”.下一步要防止反弹。', '坚决纠正“四风”。下一步要防止反弹。'],
    ['详见区教发(2024)3号文件.', '详见区教发（2024）3号文件。'],
    ['今年全年GDP.下一步要稳增长。', '今年全年GDP。下一步要稳增长。'],
    // An ad after the full stop follows a finished sentence, as it will after the 。.
    ['各单位要严肃查处.更多资料加微信', '各单位要严肃查处。'],
    // The placeholder reads as the word it stands for, and is bounded by the full stop.
    ['各级ZF.下一步要加强。', '各级政府。下一步要加强。'],
    // A digit before the dot is an ad's account id: what lies before the ad ends the sentence.
    ['决策部署扫码关注：1.下一步要抓好落实。', '决策部署。下一步要抓好落实。'],
  ];
  for (const [text, fixed] of cases) {
    test(`${text} → ${fixed}`, () => {
      assertIdempotent(text, fixed);
    });
  }

  const staying = [
    '1.抓好学前教育。',
    '增长了5.2%，达到3.14亿元。',
    '详见www.gov.cn网站。',
    '今年要抓好三件事......一是稳增长。',
    '第3.2节讲的是什么。',
    '访问U.S.政府的网站。',
    '他说Hello.world很流行。',
    '问题.5个方面。',
  ];
  for (const sentence of staying) {
    test(`stays: ${sentence}`, () => {
      assert.deepEqual(findingsOf(rule, sentence), []);
    });
  }

  /** Each node of the outline, as its kind and name, depth first. */
  const outlineOf = (text: string) => {
    const walk = (nodes: readonly OutlineNode[]): string[] =>
      nodes.flatMap((node) => [`${node.kind} ${node.name}`, ...walk(node.children)]);
    return walk(analyzeText(text).outline);
  };

  test('a run-in heading ends at a dot for a full stop, as it will at the 。 fix-all leaves', () => {
    const text =
      '同志们：\n（一）加强组织领导.各单位要成立工作专班，明确责任分工，确保各项工作有序推进，取得扎实成效。\n';
    assert.ok(outlineOf(text).some((node) => node.endsWith(' （一）加强组织领导')));
    assert.deepEqual(outlineOf(fixAll(text)), outlineOf(text));
  });

  test('the dot after a Chinese numeral or a numeral’s parentheses opening a heading is its mark, not a full stop', () => {
    const text = '同志们：\n一.统一思想\n要统一思想.\n二\u200B.加强领导.要加强领导。\n（一）.明确责任\n';
    assert.deepEqual(
      covered(text, findingsOf(rule, text)),
      ['.', '.'],
      'only the full stops ending the sentences are found',
    );
    assertIdempotent(
      text,
      '同志们：\n一、统一思想\n要统一思想。\n二、加强领导。要加强领导。\n（一）明确责任\n',
    );
    assert.deepEqual(outlineOf(text), [
      'heading 一.统一思想',
      'heading 二.加强领导',
      'heading （一）.明确责任',
    ]);
  });

  test('a line ending with a dot for a full stop is no title, as it is none ending with 。', () => {
    const text = '下面我讲三点意见.\n一、提高站位\n今天开会。\n';
    const fixed = fixAll(text);
    assert.ok(fixed.startsWith('下面我讲三点意见。'));
    assert.deepEqual(outlineOf(fixed), outlineOf(text));
  });
});

describe('halfwidth-punctuation: straight quotes', () => {
  const cases: readonly [string, string][] = [
    ['要做到"四个亲自",落实"一岗双责"。', '要做到“四个亲自”，落实“一岗双责”。'],
    ['他强调:"要把纪律挺在前面。"', '他强调：“要把纪律挺在前面。”'],
    // A placeholder inside stands for Chinese: both fixes come in one fix-all.
    ['"各级ZF"要带头。', '“各级政府”要带头。'],
    ['要把"ZF"建设好。', '要把“ZF”建设好。'],
    // The paragraph fix-all leaves, its broken lines joined, pairs them.
    [
      '同志们：\n要求做到"四个亲自"和"一岗双责，\n落实到位"。\n',
      '同志们：\n要求做到“四个亲自”和“一岗双责，落实到位”。\n',
    ],
  ];
  for (const [text, fixed] of cases) {
    test(`${text} → ${fixed}`, () => {
      assertIdempotent(text, fixed);
    });
  }

  test('each quote is its own finding, naming the quote it becomes', () => {
    const findings = findingsOf(rule, '要做到"四个亲自"。');
    assert.deepEqual(
      findings.map((finding) => finding.message),
      [
        'Straight quote " in Chinese text: use the full-width “ here.',
        'Straight quote " in Chinese text: use the full-width ” here.',
      ],
    );
    assert.equal(findings[1]!.fixes[0]!.title, 'Replace " with ”');
  });

  const staying = [
    // A Latin phrase keeps its quotes; so does a paragraph whose quotes do not pair.
    '他说"Hello, world"是第一个程序。',
    '要做到"四个亲自，落实一岗双责。',
    '屏幕尺寸是6.1"，重量是170克。',
  ];
  for (const sentence of staying) {
    test(`stays: ${sentence}`, () => {
      assert.deepEqual(findingsOf(rule, sentence), []);
    });
  }

  test('a text ending with a quote is finished, and an ad after one follows a finished sentence', () => {
    assert.deepEqual(findingsOf('truncated', '同志们：\n他强调："要把纪律挺在前面。"'), []);
    assert.equal(fixAll('他强调："要把纪律挺在前面。"更多资料加微信'), '他强调：“要把纪律挺在前面。”');
  });

  test('a paragraph ending with a quote, which becomes ”, ends there: no line break to join', () => {
    const text = '同志们：\n他强调："全市上下要把纪律和规矩挺在前面。"\n下一步要加强监督检查。\n';
    assert.deepEqual(findingsOf('broken-line', text), []);
    assert.equal(
      fixAll(text),
      '同志们：\n他强调：“全市上下要把纪律和规矩挺在前面。”\n下一步要加强监督检查。\n',
    );
  });
});

describe('halfwidth-punctuation: marks at a line break', () => {
  test('a mark ending a broken line belongs to the sentence the next line carries on', () => {
    const text = '同志们：\n今年实现增长5.2%,\n同时要看到困难。\n';
    assert.deepEqual(covered(text, findingsOf(rule, text)), [',']);
    assert.equal(fixAll(text), '同志们：\n今年实现增长5.2%，同时要看到困难。\n');
  });

  test('a Latin word that ends the line before reads as the Chinese glued to it', () => {
    const text = '同志们：\n今年推进PPP\n,5%的项目已经落地。\n';
    assert.deepEqual(covered(text, findingsOf(rule, text)), [',']);
    const fixed = fixAll(text);
    assert.equal(fixed, '同志们：\n今年推进PPP，5%的项目已经落地。\n');
    assert.equal(fixAll(fixed), fixed);
  });

  test('an invisible character beside a mark does not hide its Chinese neighbour', () => {
    assertSafeFixAll(rule, '全市上下\u200B;\u200B', '全市上下\u200B；\u200B');
  });
});

describe('halfwidth-punctuation: marks that stay half-width', () => {
  const sentences = [
    '会议8:30准时开始。',
    '项目资金按照1:1的比例配套。',
    '同比增长2.5%，圆周率取3.14。',
    '数字经济规模达到1,000亿元。',
    '程序员写下的第一行代码是“Hello, world”。',
    '他说"Hello, world"是第一个程序。',
    '详见 https://www.example.gov.cn 的通知。',
    '使用Windows XP (Service Pack 3)系统。',
    '比例是3:2，地点在A:B。',
    '要做到以下几点：1)加强领导；2)落实责任。',
    '（注：1)加强领导；2)落实责任）。',
    // A mark between two Latin words is Latin text, whatever the words are glued to.
    '他说Hello,world很流行。',
    '地点在A:B区。',
    '增长5.2%,PPP 项目稳步推进。',
  ];
  for (const sentence of sentences) {
    test(sentence, () => {
      assert.deepEqual(findingsOf(rule, sentence), []);
    });
  }

  test('residue lines are left to the watermark rule', () => {
    assert.deepEqual(findingsOf(rule, '同志们：\n今天开会。\n本文档由用户上传,如有侵权请联系删除\n'), []);
  });
});

describe('halfwidth-punctuation: a list marker at the end of a line fix-all joins', () => {
  test('a closer on the joined line closes the parenthesis, and the marker stays in its list', () => {
    const text = '同志们：\n会议研究了两件事（注：1)加强领导，\n2)落实责任）。';
    assert.deepEqual(findingsOf(rule, text), []);
    assert.equal(fixAll(text), '同志们：\n会议研究了两件事（注：1)加强领导，2)落实责任）。');
  });

  test('with no closer on the joined line, the marker closes the parenthesis', () => {
    const text = '同志们：\n会议研究了两件事（详见附件 1)，\n请各单位抓好落实。';
    assert.deepEqual(covered(text, findingsOf(rule, text)), [')']);
    assert.equal(fixAll(text), '同志们：\n会议研究了两件事（详见附件 1），请各单位抓好落实。');
  });

  test('on a line of its own, the marker closes the parenthesis as on the last line', () => {
    const text = '同志们：\n会议研究了两件事（注：1)加强领导。\n2)落实责任）。';
    assert.deepEqual(covered(text, findingsOf(rule, text)), [')']);
  });
});
