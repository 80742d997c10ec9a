// The structure users navigate by: the title at the root, headings nested by level, and the
// items of in-paragraph enumerations under the section that holds them.
//
// Nodes hold their offsets as a line and a distance into it, and read where the line now is: an
// edit that keeps the structure moves every node after it without touching it, and `LiveOutline`
// replaces only the nodes of the edited lines.

import { headingRank } from './lineFacts';
import { type Block, blockOf, type Transcript } from './model';
import { ChangesSince } from './structure';
import { type Line, partitionPoint } from './text';

export type OutlineKind = 'title' | 'heading' | 'enumeration';

export interface OutlineNode {
  readonly kind: OutlineKind;
  /** 0 for the title, 1–5 for headings, 6 for enumeration items. */
  readonly level: number;
  readonly name: string;
  readonly detail?: string | undefined;
  /** The whole section: from the heading to the next heading of the same or a higher rank. */
  readonly start: number;
  readonly end: number;
  /** The heading itself. */
  readonly selectionStart: number;
  readonly selectionEnd: number;
  readonly children: readonly OutlineNode[];
}

const ENUMERATION_LEVEL = 6;
/** A distance into a line that stands for wherever the line ends. */
const LINE_END = -1;

/** The lines an outline's nodes are placed on, as the latest analysis has them. */
interface PlacedLines {
  current: readonly Line[];
}

class Node implements OutlineNode {
  constructor(
    readonly kind: OutlineKind,
    readonly level: number,
    readonly name: string,
    readonly detail: string | undefined,
    private readonly lines: PlacedLines,
    /** The line the node starts on. */
    readonly line: number,
    private readonly startOffset: number,
    private readonly selectionEndLine: number,
    private readonly selectionEndOffset: number,
    /** The line a section ends on: the last line of speech before the next heading that closes it. */
    public endLine: number,
    private readonly endOffset: number,
    readonly children: Node[],
  ) {}

  get start(): number {
    return this.lines.current[this.line]!.start + this.startOffset;
  }

  get selectionStart(): number {
    return this.start;
  }

  get selectionEnd(): number {
    return this.offset(this.selectionEndLine, this.selectionEndOffset);
  }

  get end(): number {
    return this.offset(this.endLine, this.endOffset);
  }

  private offset(index: number, distance: number): number {
    const line = this.lines.current[index]!;
    return distance === LINE_END ? line.end : line.start + distance;
  }
}

/** Enumeration items have no children: they share one empty list. */
const LEAF: Node[] = [];

/** A node that starts, and is selected, within one line: a heading or an enumeration item. */
function nodeOnLine(
  kind: OutlineKind,
  level: number,
  name: string,
  lines: PlacedLines,
  line: Line,
  start: number,
  selectionEnd: number,
  end: { readonly line: number; readonly offset: number },
  children: Node[],
): Node {
  const { index } = line;
  const from = line.start;
  return new Node(
    kind,
    level,
    name,
    undefined,
    lines,
    index,
    start - from,
    index,
    selectionEnd - from,
    end.line,
    end.offset,
    children,
  );
}

function headingNode(block: Block, lines: PlacedLines, endLine: number, children: Node[]): Node {
  const heading = block.heading!;
  const end = { line: endLine, offset: LINE_END };
  return nodeOnLine(
    'heading',
    heading.level,
    heading.name,
    lines,
    block.line,
    block.contentStart,
    heading.textEnd,
    end,
    children,
  );
}

function itemNodes(block: Block, lines: PlacedLines, into: Node[]): void {
  const { line } = block;
  for (const item of block.enumeration) {
    const end = { line: line.index, offset: item.end - line.start };
    into.push(
      nodeOnLine(
        'enumeration',
        ENUMERATION_LEVEL,
        item.name,
        lines,
        line,
        item.start,
        item.nameEnd,
        end,
        LEAF,
      ),
    );
  }
}

function titleNode(model: Transcript, lines: PlacedLines, lastLine: number): Node | undefined {
  const [first, ...rest] = model.title;
  if (!first) return undefined;
  const last = rest.at(-1) ?? first;
  const lineText = (block: Block) =>
    model
      .lineText(block.line.index)
      .slice(block.contentStart - block.line.start)
      .trim();
  const name = model.title
    .map(lineText)
    .join(' ')
    .replace(/[\s\u3000]+/g, ' ');
  const frontMatter: Block[] = [];
  // The front matter follows the title, with nothing but residue before them: the body ends it.
  for (const block of model.blocks) {
    if (block.kind === 'subtitle' || block.kind === 'date' || block.kind === 'speaker')
      frontMatter.push(block);
    else if (block.kind !== 'residue' && block.kind !== 'title') break;
  }
  const detail = frontMatter.map(lineText).join(' · ');
  return new Node(
    'title',
    0,
    name,
    detail || undefined,
    lines,
    first.line.index,
    first.contentStart - first.line.start,
    last.line.index,
    LINE_END,
    Math.max(lastLine, last.line.index),
    LINE_END,
    [],
  );
}

export function outline(model: Transcript): OutlineNode[] {
  return build(model, { current: model.lines });
}

function build(model: Transcript, lines: PlacedLines): Node[] {
  const lastLine = model.blocks.findLast((block) => block.kind !== 'residue')?.line.index ?? 0;
  const roots: Node[] = [];
  const title = titleNode(model, lines, lastLine);
  if (title) roots.push(title);
  // The open sections, innermost last, side by side with their heading ranks (the title's -1
  // keeps it open). This runs over every block of a long transcript, so the stack is two plain
  // arrays and the list new nodes go to is kept at hand.
  const openNodes: Node[] = title ? [title] : [];
  const openRanks: number[] = title ? [-1] : [];
  let siblings = title ? title.children : roots;
  /** The last block of the speech before the current one: where a section it closes ends. */
  let previous: Block | undefined;

  for (const block of model.blocks) {
    if (block.kind === 'residue') continue;
    const heading = block.heading;
    if (heading) {
      const rank = headingRank(heading);
      while (openRanks.length > 0 && openRanks[openRanks.length - 1]! >= rank) {
        openRanks.pop();
        openNodes.pop()!.endLine = previous?.line.index ?? 0;
      }
      const node = headingNode(block, lines, block.line.index, []);
      (openNodes.length > 0 ? openNodes[openNodes.length - 1]!.children : roots).push(node);
      openNodes.push(node);
      openRanks.push(rank);
      siblings = node.children;
    }
    if (block.enumeration.length > 0) itemNodes(block, lines, siblings);
    previous = block;
  }
  for (const node of openNodes) node.endLine = Math.max(node.endLine, lastLine);
  return roots;
}

/**
 * A document's outline across its analyses. After edits that changed the text of some lines but
 * no line's kind, heading or enumeration runs, the tree keeps its shape: every node reads where
 * its line now is, and only the nodes of the edited lines are made again.
 */
export class LiveOutline {
  private roots: Node[] | undefined;
  private readonly lines: PlacedLines = { current: [] };
  /** Noted by the analyzer: the lines changed since the outline was made. */
  readonly changes = new ChangesSince();

  of(model: Transcript): OutlineNode[] {
    this.lines.current = model.lines;
    const changed = this.changes.take();
    if (this.roots && changed) {
      for (const line of changed) this.replaceOn(model, line);
    } else this.roots = build(model, this.lines);
    return this.roots;
  }

  /** Makes the nodes of line `index` again, from its block now: the tree around them stays. */
  private replaceOn(model: Transcript, index: number): void {
    const { blocks } = model;
    const block = blockOf(blocks, index);
    if (!block || block.kind === 'residue') return;
    if (!block.heading && block.enumeration.length === 0) return;
    let level = this.roots!;
    for (;;) {
      const at = partitionPoint(level.length, (place) => level[place]!.line <= index) - 1;
      const node = level[at];
      if (!node) return;
      if (node.line < index) {
        level = node.children;
        continue;
      }
      if (node.kind === 'heading') {
        // Its own items open its children.
        const replaced = headingNode(block, this.lines, node.endLine, node.children);
        level[at] = replaced;
        level = node.children;
        continue;
      }
      // The line's items, the last of them at `at`.
      const items: Node[] = [];
      itemNodes(block, this.lines, items);
      level.splice(at - items.length + 1, items.length, ...items);
      return;
    }
  }
}

export interface FoldingRegion {
  readonly startLine: number;
  readonly endLine: number;
  /** Residue folds like a comment, so "Fold All Comments" hides what the website left. */
  readonly kind: 'section' | 'residue';
}

export function foldingRegions(model: Transcript, nodes: readonly OutlineNode[]): FoldingRegion[] {
  const regions: FoldingRegion[] = [];
  const lineOf = (offset: number) => model.lineIndex.position(offset).line;
  const visit = (node: OutlineNode) => {
    if (node.kind === 'heading') {
      const startLine = lineOf(node.start);
      const endLine = lineOf(node.end);
      if (endLine > startLine) regions.push({ startLine, endLine, kind: 'section' });
    }
    node.children.forEach(visit);
  };
  nodes.forEach(visit);
  let run: { startLine: number; endLine: number } | undefined;
  const flush = () => {
    if (run && run.endLine > run.startLine) regions.push({ ...run, kind: 'residue' });
    run = undefined;
  };
  for (const block of model.blocks) {
    const line = block.line.index;
    if (block.kind !== 'residue') flush();
    else if (run && line === run.endLine + 1) run.endLine = line;
    else {
      flush();
      run = { startLine: line, endLine: line };
    }
  }
  flush();
  return regions.sort((a, b) => a.startLine - b.startLine);
}
