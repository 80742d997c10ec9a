import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Block, looksLikeSpeech, parse, type Transcript } from '../../server/src/core';
import { findingsOf, readFixture } from '../support/fixtures';

/** Each block as `kind` plus what identifies it, in document order. */
function summary(model: Transcript): string[] {
  return model.blocks.map((block) => {
    const detail = block.residue ?? (block.heading ? `${block.heading.style}${block.heading.level}` : '');
    return detail ? `${block.kind}:${detail}` : block.kind;
  });
}

function lineText(model: Transcript, block: Block): string {
  return model.text.slice(block.line.start, block.line.end);
}

function headingOn(model: Transcript, prefix: string): Block {
  const block = model.blocks.find((candidate) => lineText(model, candidate).startsWith(prefix));
  assert.ok(block?.heading, `no heading starts with ${prefix}`);
  return block;
}

describe('parse: a meeting speech with site residue', () => {
  const model = parse(readFixture('meeting-speech.speech'));

  test('residue above the title, two title lines, front matter, then the body', () => {
    assert.deepEqual(summary(model), [
      'residue:chrome',
      'residue:series',
      'residue:upload-date',
      'title',
      'title',
      'subtitle',
      'speaker',
      'date',
      'salutation',
      'paragraph',
      'paragraph',
      'heading:dun1',
      'heading:paren2',
      'paragraph',
      'heading:paren2',
      'paragraph',
      'residue:footer',
      'heading:dun1',
      'heading:paren2',
      'paragraph',
      'heading:paren2',
      'paragraph',
      'heading:dun1',
      'paragraph',
    ]);
    assert.deepEqual(
      model.title.map((block) => lineText(model, block)),
      ['坚持创新驱动发展', '奋力谱写县域经济高质量发展新篇章'],
    );
  });

  test('site residue between the title and the speaker leaves the speaker front matter, as after fix-all', () => {
    const text =
      '在全县安全生产工作会议上的讲话\n发布时间：2025-03-06 来源：县政府办公室\n- 1 -\n县长 王某某\n（2025年3月5日）\n同志们：\n今天开会。\n';
    const cleaned = '在全县安全生产工作会议上的讲话\n县长 王某某\n（2025年3月5日）\n同志们：\n今天开会。\n';
    const frontMatter = ['title', 'speaker', 'date', 'salutation', 'paragraph'];
    assert.deepEqual(summary(parse(text)), [
      'title',
      'residue:chrome',
      'residue:footer',
      ...frontMatter.slice(1),
    ]);
    assert.deepEqual(summary(parse(cleaned)), frontMatter);
    // The name's space is how a byline is set, not a space inside a sentence.
    assert.deepEqual(findingsOf('space-between-chinese', text), []);
  });

  test('a byline names the speaker after any office, from a township head to a bank president, however the name is set', () => {
    for (const byline of [
      '镇长 周立新',
      '乡长 王立新',
      '市政府秘书长 李明',
      '县委常委、宣传部部长 张华',
      '行长 赵刚',
      '县长 王  明',
      '自治区主席 艾尔肯·吐尼亚孜',
    ]) {
      const text = `在全镇春季防火工作会议上的讲话\n${byline}\n（2025年4月1日）\n同志们：\n今天开会。\n`;
      assert.deepEqual(summary(parse(text)), ['title', 'speaker', 'date', 'salutation', 'paragraph'], byline);
      assert.deepEqual(findingsOf('space-between-chinese', text), [], byline);
    }
    // A word that ends in 长 but names no office is no byline, nor is a dot without one: the title
    // goes on.
    for (const second of ['推动经济增长 再创辉煌', '奋进·新时代']) {
      const title = `在全镇春季防火工作会议上的讲话\n${second}\n同志们：\n今天开会。\n`;
      assert.deepEqual(summary(parse(title)), ['title', 'title', 'salutation', 'paragraph'], second);
    }
  });

  test('a subtitle in parentheses is the subtitle, not a second title line', () => {
    const text = '坚持创新驱动发展\n（在全县工作会议上的讲话）\n县长 王某某\n同志们：\n今天开会。\n';
    assert.deepEqual(summary(parse(text)), ['title', 'subtitle', 'speaker', 'salutation', 'paragraph']);
  });

  test('a date in Chinese numerals is the speech’s date, as one in figures is', () => {
    for (const date of ['二〇二五年四月一日', '（二〇二五年十二月三十一日，根据录音整理）']) {
      const text = `在全镇春季防火工作会议上的讲话\n镇长 周立新\n${date}\n同志们：\n今天开会。\n`;
      assert.deepEqual(summary(parse(text)), ['title', 'speaker', 'date', 'salutation', 'paragraph'], date);
    }
  });

  test('a heading knows its numeral, its ordinal and its name', () => {
    const heading = headingOn(model, '三、').heading!;
    assert.equal(model.text.slice(heading.numeralStart, heading.numeralEnd), '三');
    assert.equal(heading.ordinal, 3);
    assert.equal(heading.name, '三、加强组织领导,为完成全年目标任务提供坚强保证');
    assert.equal(heading.textEnd, headingOn(model, '三、').line.end);
  });

  test('一是…二是…三是… becomes the items of its paragraph, each named by its first clause', () => {
    const paragraph = model.blocks.find((block) => block.enumeration.length > 0)!;
    assert.deepEqual(
      paragraph.enumeration.map((item) => [item.style, item.ordinal, item.name]),
      [
        ['shi', 1, '一是经济总量稳步提升'],
        ['shi', 2, '二是项目建设扎实推进'],
        ['shi', 3, '三是民生保障持续改善'],
      ],
    );
    const [first, second, third] = paragraph.enumeration;
    assert.equal(model.text.slice(first!.start, first!.end), '一是经济总量稳步提升,地区生产总值增长6.5%;');
    assert.equal(first!.end, second!.start);
    assert.equal(third!.end, paragraph.line.end);
    assert.equal(model.text.slice(first!.start, first!.markerEnd), '一是');
  });
});

describe('parse: a work report', () => {
  const model = parse(readFixture('work-report.speech'));

  test('every heading style of the convention is recognised at its level', () => {
    const headings = model.blocks.filter((block) => block.heading).map((block) => block.heading!);
    assert.deepEqual(
      headings.map((heading) => `${heading.style}${heading.level}:${heading.ordinal}`),
      [
        'part1:1',
        'arabic3:1',
        'paren-arabic4:1',
        'paren-arabic4:2',
        'arabic3:2',
        'circled5:1',
        'circled5:2',
        'part1:2',
        'arabic3:1',
        'arabic3:2',
      ],
    );
  });

  test('a run-in heading ends at its first full stop', () => {
    const block = headingOn(model, '1.经济运行');
    assert.equal(model.text.slice(block.line.start, block.heading!.textEnd), '1.经济运行稳中向好。');
    assert.equal(block.heading!.name, '1.经济运行稳中向好');
  });

  test('首先…其次…最后… and 第一，第二，第三， are enumerations', () => {
    const items = model.blocks.flatMap((block) => block.enumeration);
    assert.deepEqual(
      items.map((item) => `${item.style}:${item.name}`),
      [
        'sequence:首先,全力稳住经济基本盘',
        'sequence:其次,持续加大民生投入',
        'sequence:最后,扎实推进政府自身建设',
        'di:第一,要坚持稳字当头',
        'di:第二,要坚持改革创新',
        'di:第三,要坚持人民至上',
      ],
    );
  });

  test('footer lines between sections are residue, and a blank line is no block', () => {
    const footers = model.blocks.filter((block) => block.residue === 'footer').map((b) => lineText(model, b));
    assert.deepEqual(footers, ['- 3 -', '本文档由用户上传,如有侵权请联系删除']);
    assert.ok(model.blocks.every((block) => lineText(model, block).trim() !== ''));
  });
});

describe('parse: run-in headings and a title split by full-width spaces', () => {
  const model = parse(readFixture('run-in-headings.speech'));

  test('the title is one line, kept whole', () => {
    assert.deepEqual(
      model.title.map((block) => lineText(model, block)),
      ['守正创新　担当作为　奋力开创全市宣传思想工作新局面'],
    );
  });

  test('the heading sentence is the name; the paragraph after it is not', () => {
    const block = headingOn(model, '（一）提高站位');
    assert.equal(block.heading!.name, '（一）提高站位');
    assert.equal(model.text.slice(block.line.start, block.heading!.textEnd), '（一）提高站位。');
    assert.ok(block.heading!.textEnd < block.line.end);
  });

  test('the second half of a broken line is a paragraph, and the closing is recognised', () => {
    assert.deepEqual(summary(model).slice(-6), [
      'heading:paren2',
      'paragraph',
      'heading:dun1',
      'paragraph',
      'paragraph',
      'closing',
    ]);
  });
});

describe('parse: BOM, CRLF and characters outside the BMP', () => {
  const text = readFixture('clean-crlf-bom.speech');
  const model = parse(text);

  test('the BOM is no part of the title, and CRLF ends lines without being in them', () => {
    assert.equal(text.charCodeAt(0), 0xfeff);
    assert.deepEqual(summary(model), [
      'title',
      'subtitle',
      'date',
      'salutation',
      'paragraph',
      'paragraph',
      'closing',
    ]);
    for (const block of model.blocks) assert.ok(!lineText(model, block).includes('\r'));
    assert.equal(model.lines[1]!.start - model.lines[0]!.end, 2);
  });

  test('salutations addressing other people are salutations', () => {
    assert.equal(lineText(model, model.blocks[3]!), '青年朋友们：');
    for (const salutation of ['老师们、同学们：', '女士们，先生们：', '各位代表：', '尊敬的各位来宾：']) {
      assert.equal(
        parse(`开幕词很长的标题\n${salutation}\n现在开会。\n`).blocks[1]!.kind,
        'salutation',
        salutation,
      );
    }
    assert.equal(parse('开幕词很长的标题\n我们：\n现在开会。\n').blocks[1]!.kind, 'paragraph');
  });
});

describe('parse: what is and is not a heading', () => {
  const cases: readonly [string, string][] = [
    ['(一)加强组织领导', 'paren2'],
    ['1．加强组织领导', 'arabic3'],
    ['1、加强组织领导', 'arabic3'],
    ['(1)加强组织领导', 'paren-arabic4'],
    ['第一章 总则', 'chapter1'],
    ['十一、其他事项', 'dun1'],
    ['  二、前面有空格的标题', 'dun1'],
  ];
  for (const [line, expected] of cases) {
    test(`${line} is a heading`, () => {
      const block = parse(`关于加强基层治理的意见\n${line}\n`).blocks[1]!;
      assert.equal(`${block.kind}:${block.heading?.style}${block.heading?.level}`, `heading:${expected}`);
    });
  }

  test('a zero-width character inside a heading marker does not hide the heading', () => {
    const text = '关于加强基层治理的意见\n（一）总体要求\n（\u200B二）主要任务\n（三）保障措施\n';
    const block = parse(text).blocks[2]!;
    assert.equal(block.heading?.style, 'paren');
    assert.equal(block.heading?.name, '（二）主要任务');
    assert.equal(text.slice(block.heading!.numeralStart, block.heading!.numeralEnd), '二');
    assert.deepEqual(findingsOf('heading-numbering', text), []);
  });

  test('a number opening a sentence is no heading', () => {
    assert.equal(parse('关于加强基层治理的意见\n1.5亿元资金已经全部到位。\n').blocks[1]!.kind, 'paragraph');
  });

  test('a lone 二是, or 一是 inside a word, is no enumeration', () => {
    const model = parse('关于加强基层治理的意见\n坚持统一是前提，二是关键。\n');
    assert.deepEqual(model.blocks[1]!.enumeration, []);
  });

  test('首先…其次…最后 without commas, but not the 最后 of 最后一公里', () => {
    const names = (paragraph: string) =>
      parse(`关于加强基层治理的意见\n${paragraph}\n`).blocks[1]!.enumeration.map((item) => item.name);
    assert.deepEqual(names('首先要学习，其次要实践，最后要提高。'), [
      '首先要学习',
      '其次要实践',
      '最后要提高',
    ]);
    assert.deepEqual(names('首先要学习，其次要实践，打通最后一公里。'), ['首先要学习', '其次要实践']);
  });

  test('an enumeration may run across the paragraphs of one section', () => {
    const model = parse('关于加强基层治理的意见\n一是加强领导。\n二是落实责任。\n');
    assert.deepEqual(
      model.blocks.flatMap((block) => block.enumeration.map((item) => item.name)),
      ['一是加强领导', '二是落实责任'],
    );
  });
});

describe('looksLikeSpeech', () => {
  test('every fixture looks like a speech', () => {
    for (const name of ['meeting-speech.speech', 'work-report.speech', 'clean-crlf-bom.speech']) {
      assert.equal(looksLikeSpeech(readFixture(name)), true, name);
    }
  });

  test('English prose, a Chinese shopping list and binary data do not', () => {
    assert.equal(looksLikeSpeech('The quick brown fox jumps over the lazy dog. '.repeat(20)), false);
    assert.equal(looksLikeSpeech('苹果三斤，香蕉两把，牛奶一箱，鸡蛋十个。'.repeat(5)), false);
    assert.equal(looksLikeSpeech(`同志们：${'\u0000'.repeat(10)}${'会议'.repeat(40)}`), false);
  });
});
