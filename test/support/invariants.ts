// What must hold for any analysis of any text, as assertions the property tests share. Each one
// fails with a message that names the offending range and quotes the text around it.
import assert from 'node:assert/strict';
import {
  type Analysis,
  applyEdits,
  type Edit,
  type FoldingRegion,
  fixAllEdits,
  foldingRegions,
  type OutlineNode,
} from '../../server/src/core';

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Whether an offset falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHigh(text.charCodeAt(offset - 1)) &&
    isLow(text.charCodeAt(offset))
  );
}

function around(text: string, offset: number): string {
  return JSON.stringify(text.slice(Math.max(0, offset - 8), offset + 8));
}

/** A range inside the text, in order, whose ends fall on whole code points. */
export function assertRange(text: string, start: number, end: number, what: string): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: ${start}-${end} are not integers`);
  assert.ok(
    0 <= start && start <= end && end <= text.length,
    `${what}: ${start}-${end} outside 0-${text.length}`,
  );
  assert.ok(
    !splitsPair(text, start),
    `${what}: starts inside a surrogate pair at ${start}: ${around(text, start)}`,
  );
  assert.ok(!splitsPair(text, end), `${what}: ends inside a surrogate pair at ${end}: ${around(text, end)}`);
}

/** Every range the analysis holds: findings, their fixes, and the model's blocks and headings. */
export function assertAnalysisRanges(text: string, analysis: Analysis): void {
  assert.equal(analysis.model.text, text, 'the model holds the analysed text');
  let previous: { start: number; end: number } | undefined;
  for (const finding of analysis.findings) {
    const what = `${finding.rule} “${text.slice(finding.start, finding.end)}”`;
    assertRange(text, finding.start, finding.end, what);
    // In the order of the text, as the Problems view shows them: by start, then by end.
    assert.ok(
      !previous ||
        previous.start < finding.start ||
        (previous.start === finding.start && previous.end <= finding.end),
      `${what} (${finding.start}-${finding.end}) after ${previous?.start}-${previous?.end}: findings are not sorted by position`,
    );
    previous = finding;
    assert.equal(typeof finding.message, 'string');
    assert.ok(finding.message.length > 0, `${what}: an empty message`);
    for (const fix of finding.fixes) {
      assert.ok(fix.edits.length > 0, `${what}: the fix “${fix.title}” has no edits`);
      for (const edit of fix.edits) assertRange(text, edit.start, edit.end, `${what}: fix “${fix.title}”`);
    }
  }
  const { lines, blocks } = analysis.model;
  let lineStart = 0;
  for (const line of lines) {
    assert.equal(line.start, lineStart, `line ${line.index} starts where the one before it ends`);
    assert.ok(line.start <= line.end && line.end <= line.next && line.next <= text.length);
    assert.match(
      text.slice(line.end, line.next),
      /^(?:\r\n|\r|\n|)$/,
      `line ${line.index} ends in one break`,
    );
    assert.ok(!/[\r\n]/.test(text.slice(line.start, line.end)), `line ${line.index} holds a line break`);
    lineStart = line.next;
  }
  assert.equal(lines.at(-1)!.end, text.length, 'the last line ends the text');
  for (const block of blocks) {
    const { line } = block;
    assertRange(text, block.contentStart, line.end, `block on line ${line.index}`);
    assert.ok(block.contentStart >= line.start, `block on line ${line.index} starts before its line`);
    const heading = block.heading;
    if (heading) {
      const what = `heading “${heading.name}”`;
      assertRange(text, heading.numeralStart, heading.numeralEnd, `${what}: numeral`);
      assert.ok(line.start <= heading.numeralStart && heading.textEnd <= line.end, `${what} leaves its line`);
      assertRange(text, block.contentStart, heading.textEnd, what);
    }
    for (const item of block.enumeration) {
      const what = `enumeration item “${item.name}”`;
      assertRange(text, item.start, item.end, what);
      assertRange(text, item.start, item.markerEnd, `${what}: marker`);
      assertRange(text, item.start, item.nameEnd, `${what}: name`);
      assert.ok(line.start <= item.start && item.end <= line.end, `${what} leaves its line`);
    }
  }
}

/** Outline nodes: inside the text, each containing its heading and its children, in order. */
export function assertOutline(text: string, nodes: readonly OutlineNode[], parent?: OutlineNode): void {
  let previousEnd = parent ? parent.start : 0;
  for (const node of nodes) {
    const what = `outline node “${node.name}” (${node.kind})`;
    assertRange(text, node.start, node.end, what);
    assertRange(text, node.selectionStart, node.selectionEnd, `${what}: selection`);
    assert.ok(
      node.start <= node.selectionStart && node.selectionEnd <= node.end,
      `${what}: its heading ${node.selectionStart}-${node.selectionEnd} lies outside its range ${node.start}-${node.end}`,
    );
    if (parent) {
      assert.ok(
        parent.start <= node.start && node.end <= parent.end,
        `${what} at ${node.start}-${node.end} leaves its parent “${parent.name}” at ${parent.start}-${parent.end}`,
      );
    }
    assert.ok(
      node.start >= previousEnd,
      `${what} at ${node.start} overlaps the sibling before it (ends ${previousEnd})`,
    );
    previousEnd = node.end;
    assertOutline(text, node.children, node);
  }
}

/** Every node of an outline, each before its children: the order the Outline view lists them in. */
export function flatten(nodes: readonly OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

/** An outline as a user sees it, plain data to compare: nodes read their offsets through getters. */
export function plainOutline(nodes: readonly OutlineNode[]): object[] {
  return nodes.map((node) => ({
    kind: node.kind,
    level: node.level,
    name: node.name,
    detail: node.detail,
    start: node.start,
    end: node.end,
    selectionStart: node.selectionStart,
    selectionEnd: node.selectionEnd,
    children: plainOutline(node.children),
  }));
}

export function assertFolding(lineCount: number, regions: readonly FoldingRegion[]): void {
  for (const region of regions) {
    assert.ok(
      0 <= region.startLine && region.startLine < region.endLine && region.endLine < lineCount,
      `folding region ${region.startLine}-${region.endLine} outside lines 0-${lineCount - 1}`,
    );
  }
}

/** Edits in order, none overlapping another; insertions at one offset count as overlapping too. */
export function assertNoOverlap(edits: readonly Edit[]): void {
  for (let i = 1; i < edits.length; i++) {
    const before = edits[i - 1]!;
    const edit = edits[i]!;
    assert.ok(
      before.end <= edit.start && !(before.start === before.end && before.start === edit.start),
      `edits ${before.start}-${before.end} and ${edit.start}-${edit.end} overlap`,
    );
  }
}

/** The findings' ranges, sorted, with overlapping and touching ones merged. */
export function mergeRanges(
  ranges: readonly { start: number; end: number }[],
): { start: number; end: number }[] {
  const merged: { start: number; end: number }[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ start: range.start, end: range.end });
  }
  return merged;
}

/**
 * Every character outside the findings' ranges is in `fixed`, in order: the stretch before the
 * first finding opens it, the one after the last ends it, and those between follow in order.
 */
export function assertSurvives(
  text: string,
  fixed: string,
  ranges: readonly { start: number; end: number }[],
): void {
  const merged = mergeRanges(ranges.filter((range) => range.end > range.start));
  if (merged.length === 0) {
    assert.equal(fixed, text, 'fix-all changed a text without findings');
    return;
  }
  const first = text.slice(0, merged[0]!.start);
  const last = text.slice(merged.at(-1)!.end);
  assert.ok(
    fixed.startsWith(first),
    `fix-all changed the text before the first finding: ${JSON.stringify(first)}`,
  );
  let at = first.length;
  for (let i = 1; i < merged.length; i++) {
    const gap = text.slice(merged[i - 1]!.end, merged[i]!.start);
    const found = fixed.indexOf(gap, at);
    assert.ok(found >= 0, `fix-all lost ${JSON.stringify(gap)}, which no finding covers`);
    at = found + gap.length;
  }
  assert.ok(
    fixed.endsWith(last) && fixed.length - last.length >= at,
    `fix-all changed the text after the last finding: ${JSON.stringify(last)}`,
  );
}

/** Each fix-all edit lies inside the findings' ranges. */
export function assertEditsCovered(
  edits: readonly Edit[],
  ranges: readonly { start: number; end: number }[],
): void {
  const merged = mergeRanges(ranges);
  for (const edit of edits) {
    assert.ok(
      merged.some((range) => range.start <= edit.start && edit.end <= range.end),
      `the edit ${edit.start}-${edit.end} → ${JSON.stringify(edit.newText)} leaves the findings’ ranges`,
    );
  }
}

/** Fix-all of `text`: the edits, and the text they make. */
export function fixAllOf(text: string, analysis: Analysis): { edits: Edit[]; fixed: string } {
  const edits = fixAllEdits(analysis.findings);
  return { edits, fixed: applyEdits(text, edits) };
}

/** What an analysis says, as plain data: findings with their messages and fixes, and the model. */
export function analysisSnapshot(analysis: Analysis, text: string) {
  const { model } = analysis;
  const roots = analysis.outline;
  return {
    text: model.text,
    lines: model.lines,
    lineTexts: model.lines.map((line) => model.lineText(line.index)),
    blocks: model.blocks,
    title: model.title,
    // Kept by the structure beside the blocks and revised with them: the same blocks, in order.
    residue: model.residue,
    numbered: model.numbered,
    enumerated: model.enumerated,
    positions: [0, Math.floor(text.length / 2), text.length].map((offset) =>
      model.lineIndex.position(offset),
    ),
    findings: analysis.findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      start: finding.start,
      end: finding.end,
      message: finding.message,
      fixes: finding.fixes.map((fix) => ({ ...fix, edits: [...fix.edits] })),
    })),
    outline: plainOutline(roots),
    folding: foldingRegions(model, roots),
  };
}
