// The structure users navigate by (documentSymbol, foldingRange) and what a hover over residue
// tells them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DocumentSymbol, MarkupContent, Range } from 'vscode-languageserver';
import { fileUri, LspClient, positionAt, rangeOf, textAt } from '../support/lspClient';
import { expectedSymbols, summarizeSymbols } from './oracle';
import { ASTRAL_LINE, SPEECH } from './transcripts';

const uri = fileUri('/tmp/speech-tidy-protocol/structure.speech');

const lineOf = (needle: string) => rangeOf(SPEECH, needle).start.line;

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

describe('documentSymbol', () => {
  let client: LspClient;
  let symbols: DocumentSymbol[];
  before(async () => {
    client = await LspClient.start();
    await client.open(uri, SPEECH);
    const answer = await client.documentSymbols(uri);
    assert.ok(answer, 'an outline');
    symbols = answer;
  });
  after(() => client.dispose());

  test('the title is the single root; residue above it is not part of the outline', () => {
    assert.equal(symbols.length, 1);
    const [title] = symbols;
    assert.equal(title!.name, '凝心聚力抓落实 奋发有为开新局');
    assert.match(title!.detail ?? '', /在全区经济工作会议上的讲话/);
    assert.match(title!.detail ?? '', /李明远/);
    assert.equal(title!.range.start.line, lineOf('凝心聚力'), 'starts at the title, below the residue');
    assert.deepEqual(title!.selectionRange, rangeOf(SPEECH, '凝心聚力抓落实　奋发有为开新局'));
  });

  test('sections nest by level, with enumeration items as children of their section', () => {
    const title = symbols[0]!;
    assert.deepEqual(
      title.children?.map((s) => s.name),
      ['一、充分肯定今年取得的成绩', '二、清醒认识面临的困难和挑战', '三、扎实做好明年各项工作'],
    );
    const first = title.children![0]!;
    assert.deepEqual(
      first.children?.map((s) => s.name),
      [
        '一是经济运行稳中有进',
        '二是改革开放持续深化',
        '三是民生保障不断加强',
        '（一）项目建设成效明显',
        '（二）营商环境持续优化',
      ],
    );
    const [item, , , subsection] = first.children!;
    assert.notEqual(item!.kind, subsection!.kind, 'items and headings look different');
    assert.notEqual(first.kind, subsection!.kind, 'each level has its own kind');
    assert.equal(textAt(SPEECH, item!.selectionRange), '一是经济运行稳中有进');
  });

  test("a section's range runs to the next heading of its level; the heading is its selection", () => {
    const [first, second] = symbols[0]!.children!;
    assert.equal(first!.range.start.line, lineOf('一、充分肯定'));
    assert.equal(first!.range.end.line, lineOf('二、清醒认识') - 1);
    assert.equal(textAt(SPEECH, first!.selectionRange), '一、充分肯定今年取得的成绩');
    assert.equal(second!.range.start.line, lineOf('二、清醒认识'));
    const subsection = first!.children!.find((s) => s.name.startsWith('（一）'))!;
    // The page footer between （一） and （二） is residue: the section ends on the line above it.
    assert.equal(subsection.range.end.line, lineOf('第 2 页') - 1);
  });

  test('every selection range lies inside its range, and every child inside its parent', () => {
    const visit = (symbol: DocumentSymbol, parent?: DocumentSymbol) => {
      assert.ok(contains(symbol.range, symbol.selectionRange), `${symbol.name}: selection inside range`);
      if (parent) assert.ok(contains(parent.range, symbol.range), `${symbol.name} inside ${parent.name}`);
      for (const child of symbol.children ?? []) visit(child, symbol);
    };
    for (const symbol of symbols) visit(symbol);
  });

  test('a heading with nothing under it is sent without a list of children', () => {
    // Most symbols of a long transcript are leaves: an empty list on each is bytes the client
    // decodes after every edit, and LSP lets a symbol go without one.
    let leaves = 0;
    const visit = (symbol: DocumentSymbol) => {
      if (!('children' in symbol)) leaves++;
      else assert.ok(symbol.children!.length > 0, `${symbol.name}: an empty list of children`);
      for (const child of symbol.children ?? []) visit(child);
    };
    for (const symbol of symbols) visit(symbol);
    assert.ok(leaves > 0);
  });

  test('the outline is the core outline, positions converted to UTF-16 line and column', () => {
    assert.deepEqual(summarizeSymbols(symbols), expectedSymbols(SPEECH));
  });
});

describe('foldingRange', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
    await client.open(uri, SPEECH);
  });
  after(() => client.dispose());

  test('sections fold as regions and the residue block above the title folds as a comment', async () => {
    const ranges = await client.foldingRanges(uri);
    assert.ok(ranges);
    const residue = ranges.filter((r) => r.kind === 'comment');
    assert.deepEqual(
      residue.map((r) => [r.startLine, r.endLine]),
      [[0, lineOf('2024年3月')]],
    );
    const regions = ranges.filter((r) => r.kind === 'region').map((r) => [r.startLine, r.endLine]);
    assert.deepEqual(regions, [
      [lineOf('一、充分肯定'), lineOf('二、清醒认识') - 1],
      [lineOf('（一）项目建设'), lineOf('第 2 页') - 1],
      [lineOf('（二）营商环境'), lineOf('二、清醒认识') - 1],
      [lineOf('二、清醒认识'), lineOf('三、扎实做好') - 1],
      [lineOf('三、扎实做好'), lineOf('谢谢大家')],
    ]);
    for (const range of ranges) assert.ok(range.endLine > range.startLine, 'no one-line folds');
  });
});

describe('hover', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ locale: 'en' });
    await client.open(uri, SPEECH);
    await client.diagnosticsFor(uri, 1);
  });
  after(() => client.dispose());

  const markdownOf = (contents: unknown) => {
    const markup = contents as MarkupContent;
    assert.equal(markup.kind, 'markdown');
    return markup.value;
  };

  test('on a placeholder: what it stands for and what the fix writes', async () => {
    const x = rangeOf(SPEECH, 'X的建设');
    const hover = await client.hover(uri, x.start);
    assert.ok(hover);
    const text = markdownOf(hover.contents);
    assert.match(text, /placeholder “X” stands for “党”/);
    assert.match(text, /The fix writes “党”/);
    assert.deepEqual(hover.range, {
      start: x.start,
      end: { line: x.start.line, character: x.start.character + 1 },
    });
  });

  test('on a watermark: what it is and that the fix removes it', async () => {
    const ad = rangeOf(SPEECH, '更多资料+微信');
    const hover = await client.hover(uri, { line: ad.start.line, character: ad.start.character + 2 });
    assert.ok(hover);
    const text = markdownOf(hover.contents);
    assert.match(text, /Advertisement “更多资料\+微信:abc123”/);
    assert.match(text, /The fix removes it/);
    const chrome = await client.hover(uri, { line: 0, character: 1 });
    assert.ok(chrome);
    assert.match(markdownOf(chrome.contents), /正文复制/);
    assert.match(markdownOf(chrome.contents), /removes it/);
  });

  test('positions after astral characters are UTF-16 columns', async () => {
    // On the line with 🎬 and 𠮷, X is at column 27; column 25 is the 深 of 深受, two before it.
    const onX = await client.hover(uri, { line: ASTRAL_LINE, character: 27 });
    assert.ok(onX);
    assert.match(markdownOf(onX.contents), /stands for “党”/);
    assert.equal(await client.hover(uri, { line: ASTRAL_LINE, character: 25 }), null);
  });

  test('on a template slot: no automatic fix; on plain text: nothing', async () => {
    const slot = await client.hover(uri, rangeOf(SPEECH, 'XX同志').start);
    assert.ok(slot);
    assert.match(markdownOf(slot.contents), /No automatic fix/);
    assert.equal(await client.hover(uri, positionAt(SPEECH, SPEECH.indexOf('饱满的热情'))), null);
  });

  test('in Chinese for a zh-cn editor', async () => {
    const chinese = await LspClient.start({ locale: 'zh-cn' });
    try {
      await chinese.open(uri, SPEECH);
      const hover = await chinese.hover(uri, rangeOf(SPEECH, 'X中央').start);
      assert.ok(hover);
      assert.match(markdownOf(hover.contents), /修复后写作“党”/);
    } finally {
      await chinese.dispose();
    }
  });
});
