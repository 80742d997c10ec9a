import { type Line, type LineIndex, partitionPoint } from './text';

/**
 * What a line of a transcript is. Each non-blank line is one block: transcripts put one
 * paragraph on a line, and a paragraph broken over several lines is what `broken-line` reports.
 */
export type BlockKind =
  | 'residue'
  | 'title'
  | 'subtitle'
  | 'speaker'
  | 'date'
  | 'salutation'
  | 'heading'
  | 'paragraph'
  | 'closing';

/** Why a line is site residue rather than part of the speech. */
export type ResidueKind = 'chrome' | 'series' | 'upload-date' | 'footer' | 'ad';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5;

/**
 * `一、` and `第一部分` are level 1, `（一）` level 2, `1.` level 3, `（1）` level 4, `①` level 5,
 * after the GB/T 9704 convention for official documents.
 */
export type HeadingStyle = 'dun' | 'part' | 'chapter' | 'paren' | 'arabic' | 'paren-arabic' | 'circled';

export interface Heading {
  readonly level: HeadingLevel;
  readonly style: HeadingStyle;
  /** The numeral alone, e.g. `三` of `三、` or `2` of `（2）`. */
  readonly numeralStart: number;
  readonly numeralEnd: number;
  /** End of the marker: past its mark (`、` of `三、`), or past its parenthesis and a mark after it. */
  readonly markEnd: number;
  readonly ordinal: number;
  /** End of the heading's own text: the line end, or just past the first `。` of a run-in heading. */
  readonly textEnd: number;
  /** The heading as the outline shows it. */
  readonly name: string;
}

export type EnumerationStyle = 'shi' | 'di' | 'qi' | 'sequence';

/** An item of an in-paragraph enumeration such as `一是……二是……`. */
export interface EnumerationItem {
  readonly style: EnumerationStyle;
  readonly ordinal: number;
  /** The marker, e.g. `二是` or `第二，`. */
  readonly start: number;
  readonly markerEnd: number;
  /** Where the item's own text ends: the next item or the end of its paragraph. */
  readonly end: number;
  readonly name: string;
  /** End of the words the name shows, for the outline's selection. */
  readonly nameEnd: number;
}

export interface Block {
  readonly kind: BlockKind;
  readonly line: Line;
  /** Offset of the first visible character: leading blanks, a BOM and zero-width characters skipped. */
  readonly contentStart: number;
  readonly residue?: ResidueKind;
  readonly heading?: Heading;
  readonly enumeration: readonly EnumerationItem[];
}

export interface Transcript {
  readonly text: string;
  readonly lines: readonly Line[];
  readonly lineIndex: LineIndex;
  /** The text of line `index` without its break; cheaper than slicing `text` after an edit. */
  lineText(index: number): string;
  /** The break that ends line `index`: `\n`, `\r\n`, `\r`, or nothing for the last line. */
  lineBreak(index: number): string;
  /** Non-blank lines, in document order. */
  readonly blocks: readonly Block[];
  /** The title's blocks: one, or two when the title is set over two lines. */
  readonly title: readonly Block[];
  /*
   * The few kinds of blocks most document passes look for, each in document order: a pass that
   * walked every block on every keystroke would cost each edit the whole document.
   */
  /** The site's residue. */
  readonly residue: readonly Block[];
  /** Blocks whose line opens with a heading number: the headings, and paragraphs too long to be one. */
  readonly numbered: readonly Block[];
  /** Blocks holding enumeration items. */
  readonly enumerated: readonly Block[];
}

/** Where line `index`'s block is in `blocks` (in line order), or would be: a blank line has none. */
export function blockPlace(blocks: readonly Block[], index: number): number {
  return partitionPoint(blocks.length, (place) => blocks[place]!.line.index < index);
}

/** The block of line `index`; undefined for a blank line. */
export function blockOf<B extends Block>(blocks: readonly B[], index: number): B | undefined {
  const block = blocks[blockPlace(blocks, index)];
  return block?.line.index === index ? block : undefined;
}

/**
 * The line next to line `index` (below for `step` 1, above for -1) once fix-all has run: blank
 * lines are passed over, and so is site residue, which fix-all removes.
 */
export function speechLineBeside(blocks: readonly Block[], index: number, step: 1 | -1): number | undefined {
  const place = blockPlace(blocks, index);
  let at = step < 0 ? place - 1 : blocks[place]?.line.index === index ? place + 1 : place;
  for (; at >= 0 && at < blocks.length; at += step) {
    const block = blocks[at]!;
    if (block.kind !== 'residue') return block.line.index;
  }
  return undefined;
}
