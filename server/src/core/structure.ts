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
import type { Block, BlockKind, EnumerationItem, EnumerationStyle, Heading, Transcript } from './model';
import { type Line, LineIndex } from './text';

const SENTENCE_END = /[。！？!?]/;
const subtitle =
  /^(?:[—–－-]{2}|──)|^在.{2,60}(?:上|时|之际)的(?:讲话|发言|报告|致辞|总结|主持词|动员)|上的(?:讲话|发言|报告|致辞)(?:提纲)?$/;
const dateLine =
  /^(?:[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?[^）)]{0,30}[）)]|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)$/;
/**
 * A name, alone, spaced out or after a title. Latin letters in a name may be censorship
 * placeholders (`X近平`, `GCD`), each standing for a Han character: the line reads as a name
 * before and after fix-all restores them.
 */
const speakerName =
  /^(?:[\p{Script=Han}A-Za-z]{2,4}|[\p{Script=Han}A-Za-z]{1,2}[ \u3000]+[\p{Script=Han}A-Za-z]{1,2}|.{0,16}(?:书记|市长|省长|县长|区长|主任|部长|局长|厅长|主席|院长|校长|总经理|董事长|委员)[ \u3000]*[\p{Script=Han}A-Za-z]{2,4})$/u;

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
    content.length <= NAME_LIMIT &&
    !SENTENCE_END.test(content.slice(-1)) &&
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
}

/** Shared by the blocks without enumeration items, which are nearly all of them. */
const NO_ITEMS: EnumerationItem[] = [];

/** Every block has every field, undefined where it does not apply: one shape keeps loops fast. */
interface BlockDraft {
  kind: BlockKind;
  line: Line;
  contentStart: number;
  residue: Block['residue'] | undefined;
  heading: Block['heading'] | undefined;
  enumeration: EnumerationItem[];
}

export function buildTranscript(source: LineSource): Transcript {
  const { text, lines, facts } = source;
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

  const drafts: BlockDraft[] = [];
  const push = (index: number, kind: BlockKind, residue?: Block['residue']) => {
    const line = lines[index]!;
    const contentStart = line.start + facts[index]!.contentStart;
    drafts.push({ kind, line, contentStart, residue, heading: undefined, enumeration: NO_ITEMS });
  };

  let cursor = 0;
  // Header residue: everything a site put above the title, where an upload date is residue too.
  while (cursor < nonBlank.length) {
    const index = nonBlank[cursor]!;
    const residue = residueOf(source.lineText(index), facts[index]!.proseEnd, true);
    if (!residue) break;
    push(nonBlank[cursor]!, 'residue', residue);
    cursor++;
  }

  const title: BlockDraft[] = [];
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
        content.length >= 6 &&
        facts[second]!.kind !== 'residue'
      ) {
        push(second, 'title');
        cursor++;
      }
    }
    title.push(...drafts.filter((draft) => draft.kind === 'title'));
    // Front matter: subtitle, speaker and date lines in any order, until the body starts.
    while (cursor < nonBlank.length) {
      // Site residue (`正文复制` reads like a name) ends the front matter: it is removed, and the
      // lines after it must be what they are once it is gone.
      if (facts[nonBlank[cursor]!]!.kind === 'residue') break;
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

  for (; cursor < nonBlank.length; cursor++) {
    const index = nonBlank[cursor]!;
    const fact = facts[index]!;
    const line = lines[index]!;
    if (fact.kind === 'blank') continue;
    const heading = fact.kind === 'heading' ? placeHeading(fact.numbering!, line.start) : undefined;
    drafts.push({
      kind: fact.kind,
      line,
      contentStart: line.start + fact.contentStart,
      residue: fact.residue,
      heading,
      enumeration: NO_ITEMS,
    });
  }

  attachEnumerations(facts, drafts);
  return { text, lines, lineIndex: new LineIndex(lines), lineText: source.lineText, blocks: drafts, title };
}

/** A heading found in a line's own text, moved to where the line is in the document. */
export function placeHeading(heading: Heading, lineStart: number): Heading {
  return {
    ...heading,
    numeralStart: lineStart + heading.numeralStart,
    numeralEnd: lineStart + heading.numeralEnd,
    textEnd: lineStart + heading.textEnd,
  };
}

interface Candidate {
  readonly found: Enumerator;
  readonly block: BlockDraft;
}

/**
 * Keeps only real runs of enumerators within a section: a run starts at the first ordinal,
 * goes up by one, and has at least two items. A lone `二是` is ordinary text. Runs of different
 * styles (`一是` and `第一，`) may interleave.
 */
function attachEnumerations(facts: readonly LineFacts[], blocks: BlockDraft[]): void {
  const open = new Map<EnumerationStyle, Candidate[]>();
  const close = (run: readonly Candidate[]) => {
    if (run.length < 2) return;
    for (const { found, block } of run) {
      const offset = block.line.start;
      if (block.enumeration === NO_ITEMS) block.enumeration = [];
      block.enumeration.push({
        style: found.style,
        ordinal: found.ordinal,
        start: offset + found.start,
        markerEnd: offset + found.markerEnd,
        end: block.line.end,
        name: found.name,
        nameEnd: offset + found.nameEnd,
      });
    }
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
  for (const block of blocks) {
    if (block.enumeration.length < 2) continue;
    block.enumeration.sort((a, b) => a.start - b.start);
    block.enumeration.forEach((item, index) => {
      const next = block.enumeration[index + 1];
      if (next) item.end = next.start;
    });
  }
}
