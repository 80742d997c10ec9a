// The part of parsing that needs the whole document: where the header residue ends, which
// lines are the title and front matter, and which enumerators form real runs. It works on the
// per-line facts only, so it costs one step per line, not per character.
import {
  type Enumerator,
  LAST_IN_SEQUENCE,
  type LineFacts,
  matchHeading,
  NAME_LIMIT,
  residueOf,
  salutation,
  visibleContent,
} from './lineFacts';
import {
  type Block,
  type BlockKind,
  blockPlace,
  type EnumerationItem,
  type EnumerationStyle,
  type Heading,
  type Transcript,
} from './model';
import { endsSentence, fitsWithoutSpaces, type Line, LineIndex, sortFew } from './text';

/** A title's second line is this long at least, spaces not counted: a shorter one is speech. */
const MIN_SECOND_TITLE_LINE = 6;
/** What the speech was: `——在……会议上的讲话`, also in parentheses (`（在……会议上的讲话）`). */
const subtitle =
  /^(?:[—–－-]{2}|──)|^[（(]?在.{2,60}(?:上|时|之际)的(?:讲话|发言|报告|致辞|总结|主持词|动员)|上的(?:讲话|发言|报告|致辞)(?:提纲)?[）)]?$/;
/**
 * A date's numbers, in figures or, as official documents long wrote them, in Chinese
 * (`二〇一八年八月八日`).
 */
const YEAR = '(?:\\d{4}|[〇零一二三四五六七八九]{4})';
const MONTH = '(?:\\d{1,2}|[一二三四五六七八九十]{1,2})';
const DAY = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';
/** A date alone on a line: `（2018年8月8日，根据录音整理）`, `2024年3月1日`, `二〇二四年三月一日`. */
export const dateLine = new RegExp(
  `^(?:[（(]\\s*${YEAR}\\s*年\\s*${MONTH}\\s*月(?:\\s*${DAY}\\s*日)?[^）)]{0,30}[）)]|${YEAR}\\s*年\\s*${MONTH}\\s*月\\s*${DAY}\\s*日)$`,
);
/**
 * Offices a byline names before the speaker. Named one by one: any word ending in `长` would take
 * a title's second line such as `推动经济增长 再创辉煌` for a byline.
 */
export const OFFICES = [
  '书记',
  '省长',
  '州长',
  '市长',
  '县长',
  '区长',
  '旗长',
  '镇长',
  '乡长',
  '村长',
  '主任',
  '部长',
  '厅长',
  '局长',
  '司长',
  '处长',
  '科长',
  '所长',
  '站长',
  '队长',
  '组长',
  '秘书长',
  '主席',
  '院长',
  '校长',
  '检察长',
  '庭长',
  '会长',
  '理事长',
  '董事长',
  '行长',
  '社长',
  '厂长',
  '经理',
  '总监',
  '委员',
  '常委',
  '政委',
  '代表',
];
/** A name, its two characters spaced out as bylines set them (`王  明`). */
const NAME =
  '(?:[\\p{Script=Han}A-Za-z]{2,4}|[\\p{Script=Han}A-Za-z]{1,2}[ \\u3000]+[\\p{Script=Han}A-Za-z]{1,2})';
/**
 * After an office, a transliterated name too (`艾尔肯·吐尼亚孜`); alone, such a line may be a
 * title's (`奋进·新时代`).
 */
const TRANSLITERATED_NAME = '\\p{Script=Han}{1,8}[·・•]\\p{Script=Han}{1,10}';
/**
 * A byline: a name, alone or after an office. Latin letters in a name may be censorship
 * placeholders (`X近平`, `GCD`), each standing for a Han character: the line reads as a name
 * before and after fix-all restores them.
 */
const speakerName = new RegExp(
  `^(?:${NAME}|.{0,16}(?:${OFFICES.join('|')})[ \\u3000]*(?:${NAME}|${TRANSLITERATED_NAME}))$`,
  'u',
);

/**
 * A numbered heading is no subtitle, however it ends: `一、。，——在……会议上的讲话` is what a heading
 * reads once fix-all has joined a subtitle-like line to it, and it must stay a heading.
 */
function isSubtitle(content: string): boolean {
  return subtitle.test(content) && matchHeading(content) === undefined;
}

/** A numbered heading (`第一部分`, `一、`) is no name, however short. */
function isSpeaker(content: string): boolean {
  return speakerName.test(content) && matchHeading(content) === undefined;
}

function isTitleLike(content: string): boolean {
  return (
    fitsWithoutSpaces(content, NAME_LIMIT) &&
    !endsSentence(content) &&
    !/[，,；;：:]$/.test(content) &&
    matchHeading(content) === undefined &&
    !dateLine.test(content) &&
    !salutation.test(content)
  );
}

export interface LineSource {
  readonly text: string;
  readonly lines: readonly Line[];
  readonly facts: readonly LineFacts[];
  /** The text of line `index`, without its break. */
  lineText(index: number): string;
  /** The break that ends line `index`: `\n`, `\r\n`, `\r`, or nothing for the last line. */
  lineBreak(index: number): string;
  /**
   * Where each line's block is kept from one analysis to the next; the holder of a line whose
   * text changed is a new, empty one. Without it, every block is built anew.
   */
  readonly kept?: readonly { block?: LineBlock }[];
}

/** Shared by the blocks without enumeration items, which are nearly all of them. */
const NO_ITEMS: readonly EnumerationItem[] = [];
const NO_ENUMERATORS: readonly Enumerator[] = [];

/** An enumerator of a line that belongs to a run; it moves with the line. */
class PlacedItem implements EnumerationItem {
  readonly style: EnumerationStyle;
  readonly ordinal: number;
  readonly name: string;
  /** The next item of the same block, where this one's text ends. */
  next: PlacedItem | undefined;

  constructor(
    private readonly found: Enumerator,
    private readonly line: Line,
  ) {
    this.style = found.style;
    this.ordinal = found.ordinal;
    this.name = found.name;
  }

  get start(): number {
    return this.line.start + this.found.start;
  }

  get markerEnd(): number {
    return this.line.start + this.found.markerEnd;
  }

  get nameEnd(): number {
    return this.line.start + this.found.nameEnd;
  }

  get end(): number {
    return this.next ? this.next.start : this.line.end;
  }
}

/** A heading found in a line's own text, where the line now is: it moves with the line. */
class PlacedHeading implements Heading {
  readonly level: Heading['level'];
  readonly style: Heading['style'];
  readonly ordinal: number;
  readonly name: string;

  constructor(
    private readonly own: Heading,
    private readonly line: Line,
  ) {
    this.level = own.level;
    this.style = own.style;
    this.ordinal = own.ordinal;
    this.name = own.name;
  }

  get numeralStart(): number {
    return this.line.start + this.own.numeralStart;
  }

  get numeralEnd(): number {
    return this.line.start + this.own.numeralEnd;
  }

  get markEnd(): number {
    return this.line.start + this.own.markEnd;
  }

  get textEnd(): number {
    return this.line.start + this.own.textEnd;
  }
}

/**
 * A line's block. Its offsets are read through the line, so a block whose line only moved is
 * kept rather than built again: after an edit, that is every block but the edited ones.
 */
export class LineBlock implements Block {
  readonly heading: Heading | undefined;
  enumeration: readonly EnumerationItem[] = NO_ITEMS;
  /** The enumerators `enumeration` was made of: the items are kept while they stay the same. */
  private enumerated: readonly Enumerator[] = NO_ENUMERATORS;
  /** The enumerators found to belong to runs in the analysis under way. */
  private accepted: Enumerator[] | undefined;

  constructor(
    readonly kind: BlockKind,
    readonly line: Line,
    private readonly facts: LineFacts,
    readonly residue: Block['residue'] | undefined,
  ) {
    this.heading = kind === 'heading' ? placeHeading(facts.numbering!, line) : undefined;
  }

  get contentStart(): number {
    return this.line.start + this.facts.contentStart;
  }

  accept(found: Enumerator): void {
    if (this.accepted) this.accepted.push(found);
    else this.accepted = [found];
  }

  /**
   * Takes the items of `previous`, the block of the same line before an edit that changed
   * neither the line's kind nor its enumerators' styles and ordinals: the same runs hold them.
   */
  enumerateLike(previous: LineBlock): void {
    for (const found of previous.enumerated)
      this.accept(this.facts.enumerators[previous.facts.enumerators.indexOf(found)]!);
    this.enumerate();
  }

  /** Makes the enumerators accepted since the last call this block's items, in text order. */
  enumerate(): void {
    const found = this.accepted ?? NO_ENUMERATORS;
    this.accepted = undefined;
    const same =
      found === this.enumerated ||
      (found.length === this.enumerated.length &&
        found.every((item, index) => item === this.enumerated[index]));
    if (same) return;
    this.enumerated = found;
    const items = sortFew([...found], (a, b) => a.start - b.start).map(
      (item) => new PlacedItem(item, this.line),
    );
    items.forEach((item, index) => {
      item.next = items[index + 1];
    });
    this.enumeration = items;
  }
}

/** A transcript's structure, with what an edit needs to revise it. */
export interface Structure {
  readonly model: StructuredTranscript;
  /** The line of the first block after the title and front matter. */
  readonly bodyStart: number;
  /** Whether this is the structure before an edit, revised for its lines, rather than built anew. */
  readonly revised: boolean;
}

/** A transcript whose blocks are the structure's own, which an edit can revise. */
type StructuredTranscript = Omit<Transcript, keyof BlockLists> & BlockLists;

/** The model's blocks as the structure made them, and those of the kinds document passes look for. */
interface BlockLists {
  readonly blocks: readonly LineBlock[];
  readonly residue: readonly LineBlock[];
  readonly numbered: readonly LineBlock[];
  readonly enumerated: readonly LineBlock[];
}

function listBlocks(blocks: readonly LineBlock[], facts: readonly LineFacts[]): BlockLists {
  const residue: LineBlock[] = [];
  const numbered: LineBlock[] = [];
  const enumerated: LineBlock[] = [];
  for (const block of blocks) {
    if (block.kind === 'residue') residue.push(block);
    else if (block.heading || (block.kind === 'paragraph' && facts[block.line.index]!.numbering))
      numbered.push(block);
    if (block.enumeration.length > 0) enumerated.push(block);
  }
  return { blocks, residue, numbered, enumerated };
}

/**
 * Puts `block` in place of the block it replaces on the same line, if `list` (one of the
 * structure's own lists, revised in place) holds that one.
 */
function replaceIn(list: readonly LineBlock[], old: LineBlock, block: LineBlock): void {
  const at = blockPlace(list, block.line.index);
  if (list[at] === old) (list as LineBlock[])[at] = block;
}

/**
 * The lines edits changed since something was last made from the structure (the outline, the
 * findings list), which it can then be revised for; none once an edit changed the structure
 * itself, when it must be made anew.
 */
export class ChangesSince {
  private lines: Set<number> | undefined;

  /** Takes note of an analysis: whether its structure was revised, and which lines changed. */
  note(revised: boolean, lines: readonly number[]): void {
    if (!revised) this.lines = undefined;
    else if (this.lines) for (const line of lines) this.lines.add(line);
  }

  /** The lines changed since the last call, or undefined when what it made must be made anew. */
  take(): ReadonlySet<number> | undefined {
    const lines = this.lines;
    this.lines = new Set();
    return lines;
  }
}

/** A line an edit replaced by one line, and its facts before. */
export interface ChangedLine {
  readonly index: number;
  readonly before: LineFacts;
  readonly textBefore: string;
}

/**
 * The structure after an edit, from the structure before it, or a new one. An edit that changes
 * no line's kind, numbering or enumerators below the front matter, nor the number of lines,
 * leaves every block, heading and enumeration run as it was but those of the edited lines:
 * typing inside a paragraph costs that paragraph, not the document.
 */
export function buildStructure(
  source: LineSource,
  previous?: Structure,
  changed?: readonly ChangedLine[],
): Structure {
  return (previous && changed && reviseStructure(source, previous, changed)) ?? buildAll(source);
}

function reviseStructure(
  source: LineSource,
  previous: Structure,
  changed: readonly ChangedLine[],
): Structure | undefined {
  const { facts } = source;
  for (const { index, before } of changed)
    if (index <= previous.bodyStart || !makesSameBlock(before, facts[index]!)) return undefined;
  // Revised in place: the analysis before is not read after an edit (see the engine), and a copy
  // of every block costs more than the rest of an edit in a long transcript. The same structure
  // puts the same lines in each list: only the edited lines' blocks change.
  const { blocks, residue, numbered, enumerated } = previous.model;
  for (const { index } of changed) {
    const fact = facts[index]!;
    if (fact.kind === 'blank') continue;
    const old = blocks[blockPlace(blocks, index)]!;
    const block = keptBlock(source, index, old.kind, old.residue);
    if (block === old) continue;
    block.enumerateLike(old);
    for (const list of [blocks, residue, numbered, enumerated]) replaceIn(list, old, block);
  }
  return {
    model: new StructuredModel(source, previous.model.title, { blocks, residue, numbered, enumerated }),
    bodyStart: previous.bodyStart,
    revised: true,
  };
}

/** Whether the two facts make the same block in the same runs, wherever their offsets. */
function makesSameBlock(before: LineFacts, after: LineFacts): boolean {
  if (before.kind !== after.kind || before.residue !== after.residue) return false;
  const [a, b] = [before.numbering, after.numbering];
  if (a?.style !== b?.style || a?.ordinal !== b?.ordinal) return false;
  if (before.enumerators.length !== after.enumerators.length) return false;
  return before.enumerators.every(
    (found, index) =>
      found.style === after.enumerators[index]!.style && found.ordinal === after.enumerators[index]!.ordinal,
  );
}

/** The block of line `index`, kept from the last analysis while its line and kind stay. */
function keptBlock(
  source: LineSource,
  index: number,
  kind: BlockKind,
  residue: Block['residue'] | undefined,
): LineBlock {
  const holder = source.kept?.[index];
  const kept = holder?.block;
  if (kept && kept.kind === kind && kept.residue === residue && kept.line === source.lines[index])
    return kept;
  const block = new LineBlock(kind, source.lines[index]!, source.facts[index]!, residue);
  if (holder) holder.block = block;
  return block;
}

/**
 * The model of a structure. A class: a literal's getter would keep the source, and with it every
 * line of the analysis, from young-generation collections (see `LazyAnalysis` in the engine).
 */
class StructuredModel implements StructuredTranscript {
  readonly lines: readonly Line[];
  readonly lineIndex: LineIndex;
  readonly lineText: (index: number) => string;
  readonly lineBreak: (index: number) => string;
  readonly blocks: readonly LineBlock[];
  readonly residue: readonly LineBlock[];
  readonly numbered: readonly LineBlock[];
  readonly enumerated: readonly LineBlock[];

  constructor(
    private readonly source: LineSource,
    readonly title: readonly Block[],
    lists: BlockLists,
  ) {
    this.lines = source.lines;
    this.lineIndex = new LineIndex(source.lines);
    this.lineText = source.lineText;
    this.lineBreak = source.lineBreak;
    this.blocks = lists.blocks;
    this.residue = lists.residue;
    this.numbered = lists.numbered;
    this.enumerated = lists.enumerated;
  }

  /** Read when asked for: after an edit, the text is joined from the lines only if a rule needs it. */
  get text(): string {
    return this.source.text;
  }
}

function buildAll(source: LineSource): Structure {
  const { lines, facts } = source;
  /**
   * What a line says, as a reader sees it; only the lines above the body are asked. Its ads are
   * not part of it: fix-all removes them, and the title must stay the title.
   */
  const contentOf = (index: number) => {
    const { proseStart, proseEnd, ads } = facts[index]!;
    return visibleContent(source.lineText(index), proseStart, proseEnd, ads);
  };
  const nonBlank: number[] = [];
  for (let index = 0; index < lines.length; index++) if (facts[index]!.kind !== 'blank') nonBlank.push(index);

  const drafts: LineBlock[] = [];
  const push = (index: number, kind: BlockKind, residue?: Block['residue']) => {
    drafts.push(keptBlock(source, index, kind, residue));
  };

  let cursor = 0;
  // Header residue: everything a site put above the title, where an upload date is residue too.
  while (cursor < nonBlank.length) {
    const index = nonBlank[cursor]!;
    const residue = residueOf(source.lineText(index), facts[index]!, true);
    if (!residue) break;
    push(nonBlank[cursor]!, 'residue', residue);
    cursor++;
  }

  const title: LineBlock[] = [];
  const first = nonBlank[cursor];
  if (first !== undefined && isTitleLike(contentOf(first)) && !isSpeaker(contentOf(first))) {
    push(first, 'title');
    cursor++;
    const second = nonBlank[cursor];
    if (second !== undefined) {
      const content = contentOf(second);
      if (
        isTitleLike(content) &&
        !subtitle.test(content) &&
        !isSpeaker(content) &&
        !fitsWithoutSpaces(content, MIN_SECOND_TITLE_LINE - 1) &&
        facts[second]!.kind !== 'residue'
      ) {
        push(second, 'title');
        cursor++;
      }
    }
    title.push(...drafts.filter((draft) => draft.kind === 'title'));
    // Front matter: subtitle, speaker and date lines in any order, until the body starts.
    while (cursor < nonBlank.length) {
      // Site residue between the front matter's lines (`发布时间：…`, `- 1 -`) is removed, and the
      // lines after it must be what they are once it is gone: front matter still. It is read as
      // residue first, as `正文复制` would read as a name.
      const fact = facts[nonBlank[cursor]!]!;
      if (fact.kind === 'residue') {
        push(nonBlank[cursor]!, 'residue', fact.residue);
        cursor++;
        continue;
      }
      const content = contentOf(nonBlank[cursor]!);
      const kind: BlockKind | undefined = isSubtitle(content)
        ? 'subtitle'
        : dateLine.test(content)
          ? 'date'
          : isSpeaker(content)
            ? 'speaker'
            : undefined;
      if (!kind) break;
      push(nonBlank[cursor]!, kind);
      cursor++;
    }
  }

  const bodyStart = nonBlank[cursor] ?? lines.length;
  for (; cursor < nonBlank.length; cursor++) {
    const index = nonBlank[cursor]!;
    const fact = facts[index]!;
    if (fact.kind !== 'blank') drafts.push(keptBlock(source, index, fact.kind, fact.residue));
  }

  attachEnumerations(facts, drafts);
  return {
    model: new StructuredModel(source, title, listBlocks(drafts, facts)),
    bodyStart,
    revised: false,
  };
}

/** A heading found in a line's own text, placed where the line is in the document. */
export function placeHeading(heading: Heading, line: Line): Heading {
  return new PlacedHeading(heading, line);
}

interface Candidate {
  readonly found: Enumerator;
  readonly block: LineBlock;
}

/**
 * Keeps only real runs of enumerators within a section: a run starts at the first ordinal,
 * goes up by one, and has at least two items. A lone `二是` is ordinary text. Runs of different
 * styles (`一是` and `第一，`) may interleave.
 */
function attachEnumerations(facts: readonly LineFacts[], blocks: readonly LineBlock[]): void {
  const open = new Map<EnumerationStyle, Candidate[]>();
  const close = (run: readonly Candidate[]) => {
    if (run.length < 2) return;
    for (const { found, block } of run) block.accept(found);
  };
  for (const block of blocks) {
    if (block.kind === 'heading') {
      for (const run of open.values()) close(run);
      open.clear();
    }
    if (block.kind !== 'paragraph' && block.kind !== 'heading') continue;
    for (const found of facts[block.line.index]!.enumerators) {
      const run = open.get(found.style);
      const previous = run?.at(-1)?.found;
      const follows =
        previous !== undefined &&
        (found.ordinal === previous.ordinal + 1 ||
          (found.ordinal === LAST_IN_SEQUENCE && previous.ordinal < found.ordinal));
      if (run && follows) {
        run.push({ found, block });
        continue;
      }
      if (run) close(run);
      if (found.ordinal === 1) open.set(found.style, [{ found, block }]);
      else open.delete(found.style);
    }
  }
  for (const run of open.values()) close(run);
  for (const block of blocks) block.enumerate();
}
