// The structure users navigate by: the title at the root, headings nested by level, and the
// items of in-paragraph enumerations under the section that holds them.

import { headingRank } from './lineFacts';
import type { Block, Transcript } from './model';

export type OutlineKind = 'title' | 'heading' | 'enumeration';

export interface OutlineNode {
  readonly kind: OutlineKind;
  /** 0 for the title, 1–5 for headings, 6 for enumeration items. */
  readonly level: number;
  readonly name: string;
  readonly detail?: string;
  /** The whole section: from the heading to the next heading of the same or a higher rank. */
  readonly start: number;
  end: number;
  /** The heading itself. */
  readonly selectionStart: number;
  readonly selectionEnd: number;
  readonly children: readonly OutlineNode[];
}

const ENUMERATION_LEVEL = 6;

/** The title or a heading, while the outline is built: items and subsections are added to it. */
interface Section extends OutlineNode {
  readonly children: OutlineNode[];
}

function titleNode(model: Transcript, documentEnd: number): Section | undefined {
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
  const start = first.contentStart;
  return {
    kind: 'title',
    level: 0,
    name,
    ...(detail ? { detail } : {}),
    start,
    end: Math.max(documentEnd, last.line.end),
    selectionStart: start,
    selectionEnd: last.line.end,
    children: [],
  };
}

/** Enumeration items have no children: they share one empty list. */
const LEAF: readonly OutlineNode[] = [];

export function outline(model: Transcript): OutlineNode[] {
  const documentEnd = model.blocks.findLast((block) => block.kind !== 'residue')?.line.end ?? 0;
  const roots: OutlineNode[] = [];
  const title = titleNode(model, documentEnd);
  if (title) roots.push(title);
  // The open sections, innermost last, side by side with their heading ranks (the title's -1
  // keeps it open). This runs on every keystroke over every block of a long transcript, so the
  // stack is two plain arrays and the list new nodes go to is kept at hand.
  const openNodes: Section[] = title ? [title] : [];
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
        openNodes.pop()!.end = previous?.line.end ?? 0;
      }
      const start = block.contentStart;
      const node: Section = {
        kind: 'heading',
        level: heading.level,
        name: heading.name,
        start,
        end: block.line.end,
        selectionStart: start,
        selectionEnd: heading.textEnd,
        children: [],
      };
      (openNodes.length > 0 ? openNodes[openNodes.length - 1]!.children : roots).push(node);
      openNodes.push(node);
      openRanks.push(rank);
      siblings = node.children;
    }
    for (const item of block.enumeration) {
      const start = item.start;
      siblings.push({
        kind: 'enumeration',
        level: ENUMERATION_LEVEL,
        name: item.name,
        start,
        end: item.end,
        selectionStart: start,
        selectionEnd: item.nameEnd,
        children: LEAF,
      });
    }
    previous = block;
  }
  const lastEnd = previous?.line.end ?? 0;
  for (const node of openNodes) node.end = Math.max(node.end, lastEnd);
  return roots;
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
