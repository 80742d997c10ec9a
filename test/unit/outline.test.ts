import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { foldingRegions, type OutlineNode, outline, parse } from '../../server/src/core';
import { readFixture } from '../support/fixtures';

/** The tree as indented names, the way the Outline view shows it. */
function tree(nodes: readonly OutlineNode[], depth = 0): string[] {
  return nodes.flatMap((node) => [`${'  '.repeat(depth)}${node.name}`, ...tree(node.children, depth + 1)]);
}

function find(nodes: readonly OutlineNode[], name: string): OutlineNode {
  const visit = (list: readonly OutlineNode[]): OutlineNode | undefined => {
    for (const node of list) {
      const found = node.name === name ? node : visit(node.children);
      if (found) return found;
    }
    return undefined;
  };
  const node = visit(nodes);
  assert.ok(node, `no outline node named ${name}`);
  return node;
}

/** Offset just past the end of the line holding `needle`, before its break. */
function endOfLineWith(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `fixture lacks ${needle}`);
  const lineEnd = text.indexOf('\n', at);
  return lineEnd < 0 ? text.length : lineEnd;
}

describe('outline: a meeting speech', () => {
  const text = readFixture('meeting-speech.speech');
  const nodes = outline(parse(text));

  test('the title is the root; headings nest by level; enumerations sit under their section', () => {
    assert.deepEqual(tree(nodes), [
      '坚持创新驱动发展 奋力谱写县域经济高质量发展新篇章',
      '  一是经济总量稳步提升',
      '  二是项目建设扎实推进',
      '  三是民生保障持续改善',
      '  一、提高ZZ站位,切实把思想和行动统一到党中央决策部署上来',
      '    （一）深刻认识做好经济工作的重大意义',
      '    （二）准确把握当前经济形势',
      '  二、突出工作重点,全力推动经济高质量发展',
      '    （一）抓项目扩投资',
      '      一是强化项目谋划',
      '      二是强化要素保障',
      '      三是强化督查考核',
      '    （二）抓改革优环境',
      '  三、加强组织领导,为完成全年目标任务提供坚强保证',
    ]);
  });

  test('the title node shows the front matter as its detail and covers the whole speech', () => {
    const [title] = nodes;
    assert.equal(title!.kind, 'title');
    assert.equal(title!.detail, '——在全县经济工作会议上的讲话 · 县委书记 王建国 · （2019年3月2日）');
    assert.equal(title!.start, text.indexOf('坚持创新驱动发展'));
    assert.equal(title!.selectionEnd, endOfLineWith(text, '奋力谱写'));
    assert.equal(title!.end, endOfLineWith(text, '带头转变作风'));
  });

  test('a section runs from its heading to the last line before the next heading of its rank', () => {
    const first = find(nodes, '一、提高ZZ站位,切实把思想和行动统一到党中央决策部署上来');
    assert.equal(first.start, text.indexOf('一、提高ZZ站位'));
    // The page footer after the section's last paragraph is residue, not part of the section.
    assert.equal(first.end, endOfLineWith(text, '保持战略定力'));
    const sub = find(nodes, '（一）深刻认识做好经济工作的重大意义');
    assert.equal(sub.end, endOfLineWith(text, '保持高度一致'));
    const last = find(nodes, '三、加强组织领导,为完成全年目标任务提供坚强保证');
    assert.equal(text.slice(last.start, last.end).split('\n').length, 2);
    assert.ok(text.slice(last.start, last.end).endsWith('----'));
  });

  test('the selection is the heading line; an enumeration item selects its name', () => {
    const heading = find(nodes, '（二）抓改革优环境');
    assert.equal(text.slice(heading.selectionStart, heading.selectionEnd), '（二）抓改革优环境');
    const item = find(nodes, '二是强化要素保障');
    assert.equal(text.slice(item.selectionStart, item.selectionEnd), '二是强化要素保障');
    assert.ok(text.slice(item.start, item.end).startsWith('二是强化要素保障,对重点项目实行'));
    assert.ok(text.slice(item.start, item.end).endsWith('一抓到底;'));
  });

  test('every child lies inside its parent', () => {
    const check = (node: OutlineNode) => {
      for (const child of node.children) {
        assert.ok(node.start <= child.start && child.end <= node.end, `${child.name} leaves ${node.name}`);
        assert.ok(child.start <= child.selectionStart && child.selectionEnd <= child.end, child.name);
        check(child);
      }
    };
    nodes.forEach(check);
  });
});

describe('outline: a work report', () => {
  const text = readFixture('work-report.speech');
  const nodes = outline(parse(text));

  test('parts hold arabic headings, which hold (1) and ① items', () => {
    assert.deepEqual(tree(nodes), [
      '政府工作报告',
      '  第一部分 2022年工作回顾',
      '    首先,全力稳住经济基本盘',
      '    其次,持续加大民生投入',
      '    最后,扎实推进政府自身建设',
      '    1.经济运行稳中向好',
      '      （1）工业经济量质齐升',
      '      （2）服务业加快恢复',
      '    2.城乡面貌持续改善',
      '      ①新建改建农村公路86公里',
      '      ②完成老旧小区改造41个,惠及居民1.2万户',
      '  第二部分 2023年工作安排',
      '    第一,要坚持稳字当头',
      '    第二,要坚持改革创新',
      '    第三,要坚持人民至上',
      '    1.全力扩大有效投资',
      '    2.持续优化营商环境',
    ]);
  });

  test('a run-in heading selects its heading sentence and its section covers the paragraph', () => {
    const node = find(nodes, '1.经济运行稳中向好');
    assert.equal(text.slice(node.selectionStart, node.selectionEnd), '1.经济运行稳中向好。');
    assert.equal(node.end, endOfLineWith(text, '服务业加快恢复'));
  });

  test('a part covers everything up to the next part', () => {
    const part = find(nodes, '第一部分 2022年工作回顾');
    assert.equal(part.end, endOfLineWith(text, '惠及居民1.2万户'));
  });

  test('a report with both 第一部分 and 一、 nests the sections inside the parts', () => {
    const report =
      '政府工作报告\n第一部分 工作回顾\n一、经济发展\n二、社会民生\n第二部分 工作安排\n一、扩大投资\n';
    assert.deepEqual(tree(outline(parse(report))), [
      '政府工作报告',
      '  第一部分 工作回顾',
      '    一、经济发展',
      '    二、社会民生',
      '  第二部分 工作安排',
      '    一、扩大投资',
    ]);
  });
});

describe('outline: without a title', () => {
  test('headings are the roots', () => {
    const nodes = outline(parse('同志们：\n一、总体要求\n（一）指导思想\n二、主要任务\n'));
    assert.deepEqual(tree(nodes), ['一、总体要求', '  （一）指导思想', '二、主要任务']);
  });

  test('a Chinese numeral with a dot for its mark opens a section as one with 、 does', () => {
    const text = '同志们：\n一.总体要求\n（一）指导思想\n二．主要任务。要抓好落实。\n三.5个方面\n四......\n';
    assert.deepEqual(tree(outline(parse(text))), ['一.总体要求', '  （一）指导思想', '二．主要任务']);
  });
});

describe('outline: a heading that holds an address', () => {
  test('the dots of an address end no heading sentence', () => {
    const text = '同志们：\n一、登录www.example.com查看全文\n二、访问http://gov.cn了解详情。要抓紧。\n';
    assert.deepEqual(tree(outline(parse(text))), [
      '一、登录www.example.com查看全文',
      '二、访问http://gov.cn了解详情',
    ]);
  });

  test('a dot between placeholders glued to Chinese still ends one: it becomes 。', () => {
    const text = '同志们：\n一、从严治X.X中央要求我们\n';
    assert.deepEqual(tree(outline(parse(text))), ['一、从严治X']);
  });
});

describe('outline: BOM and CRLF', () => {
  test('the title starts after the BOM and its name has single spaces', () => {
    const text = readFixture('clean-crlf-bom.speech');
    const [title] = outline(parse(text));
    assert.equal(title!.start, 1);
    assert.equal(title!.name, '争做新时代好青年');
    assert.equal(title!.end, text.lastIndexOf('\r\n'));
  });

  test('a title split by full-width spaces is named with single spaces', () => {
    const [title] = outline(parse(readFixture('run-in-headings.speech')));
    assert.equal(title!.name, '守正创新 担当作为 奋力开创全市宣传思想工作新局面');
  });
});

describe('folding regions', () => {
  test('sections fold, and a run of residue lines folds like a comment', () => {
    const model = parse(readFixture('meeting-speech.speech'));
    const regions = foldingRegions(model, outline(model));
    assert.deepEqual(
      regions.find((region) => region.kind === 'residue'),
      {
        startLine: 0,
        endLine: 2,
        kind: 'residue',
      },
    );
    // 一、 spans lines 11–15; its last paragraph is on line 15, the footer on line 16.
    assert.ok(
      regions.some((region) => region.kind === 'section' && region.startLine === 11 && region.endLine === 15),
    );
    // A heading with one line under it folds that line; a single residue line does not fold.
    assert.ok(regions.some((region) => region.startLine === 22 && region.endLine === 23));
    assert.equal(regions.filter((region) => region.kind === 'residue').length, 1);
  });
});
