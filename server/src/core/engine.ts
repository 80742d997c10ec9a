// The analysis engine. A document is kept as lines; what a line's own text decides (its facts
// and the findings of `checkLine`) is computed once per line and kept across edits, and only
// the document-wide steps (structure, `checkDocument`) run again, in proportion to the number
// of lines. An edit in one paragraph of a long transcript therefore costs little more than
// that paragraph.
//
// A line keeps its `Line` object while its text is unchanged; an edit before it moves the object
// in place, and the findings and blocks of the line, which hold offsets relative to it, move
// along without being built again. The per-line arrays are the analysis's own, not copies (a
// copy of 40,000 entries costs more than the rest of an edit): so an `Analysis` is read before
// the next edit, as the server does, and its findings and outline refuse to be made after it.
import type { ResolvedConfig, TextRange } from './config';
import { format, type Locale, type MessageArgs } from './l10n';
import { type LineFacts, lineFacts } from './lineFacts';
import type { Transcript } from './model';
import { LiveOutline, type OutlineNode } from './outline';
import type { Edit, FixProposal, Report, Reporter, Rule, Severity } from './rule';
import {
  buildStructure,
  type ChangedLine,
  ChangesSince,
  type LineBlock,
  type LineSource,
  type Structure,
} from './structure';
import { type Line, lineAt, overlapsAny, partitionPoint, sortFew, withItem } from './text';

export interface Fix {
  readonly title: string;
  readonly edits: readonly Edit[];
  /** Decided by the text alone: preferred in the editor and applied by fix-all. */
  readonly safe: boolean;
  /** Fixes of one group (same placeholder, same expansion) can be applied together. */
  readonly group?: string;
}

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly fixes: readonly Fix[];
  /** Whether it has a safe fix; cheaper than reading `fixes`, which formats every title. */
  readonly hasSafeFix: boolean;
  /** Whether fix-all applies its safe fix: its rule takes part in fix-all. */
  readonly inFixAll: boolean;
  /** Whether one of its fixes is of `group` ("replace all"); cheaper than reading `fixes`. */
  offers(group: string): boolean;
}

export interface Analysis {
  readonly model: Transcript;
  /** Sorted by position. */
  readonly findings: readonly Finding[];
  /** The outline, made when first asked for: after an edit, revised from the one before. */
  readonly outline: readonly OutlineNode[];
}

export interface AnalysisOptions {
  readonly config: ResolvedConfig;
  readonly locale: Locale;
  /** The rules to run; all of them when absent. */
  readonly rules: readonly Rule[];
}

interface ActiveRule {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly slot: number;
  /** The language its findings speak. */
  readonly locale: Locale;
}

interface LineResult {
  readonly facts: LineFacts;
  /** Findings of `checkLine`, placed on the line, sorted. */
  readonly findings: readonly ReportedFinding[];
  /** What each rule's `checkLine` returned, by the rule's slot. */
  readonly data: readonly unknown[];
  /** Occurrences of ignored phrases, relative to the line's start. */
  readonly ignored: readonly TextRange[];
  /** The line's block, kept by the structure while the line's text and kind stay. */
  block?: LineBlock;
}

/** A line as the engine keeps it: moved in place when an edit before it shifts it. */
interface KeptLine {
  index: number;
  start: number;
  end: number;
  next: number;
}

/** Where reports would go before the first line is begun: no line. */
const NO_LINE: Line = { index: -1, start: 0, end: 0, next: 0 };

/**
 * Splits at `\r\n`, `\r` and `\n`. Found with `indexOf`, which allocates nothing: a regular
 * expression's match array for every line was a tenth of what analysing a clean text allocated.
 */
function splitInto(text: string, texts: string[], breaks: string[]): void {
  let start = 0;
  let nextFeed = text.indexOf('\n');
  let nextReturn = text.indexOf('\r');
  while (nextFeed >= 0 || nextReturn >= 0) {
    const at = nextReturn < 0 || (nextFeed >= 0 && nextFeed < nextReturn) ? nextFeed : nextReturn;
    const lineBreak = at === nextFeed ? '\n' : nextFeed === at + 1 ? '\r\n' : '\r';
    texts.push(text.slice(start, at));
    breaks.push(lineBreak);
    start = at + lineBreak.length;
    if (nextFeed >= 0 && nextFeed < start) nextFeed = text.indexOf('\n', start);
    if (nextReturn >= 0 && nextReturn < start) nextReturn = text.indexOf('\r', start);
  }
  texts.push(text.slice(start));
  breaks.push('');
}

/**
 * What a rule's `checkLine` returned for a line. Most lines share an empty array, which is not
 * indexed: reading past an array's end makes V8 look up the prototype chain, on every line.
 */
function dataOf(result: LineResult, slot: number): unknown {
  return result.data === NOTHING ? undefined : result.data[slot];
}

/**
 * Lists the lines each of `slots` without a list has data for, in one pass over the lines: most
 * lines have no data, and a pass for each rule that asked read every line again. With every list
 * kept from the analysis before (an edit that kept the structure), there is no pass at all.
 */
function listLinesWithData(
  lists: (number[] | undefined)[],
  results: readonly LineResult[],
  slots: readonly number[],
): void {
  const missing = slots.filter((slot) => lists[slot] === undefined);
  if (missing.length === 0) return;
  for (const slot of missing) lists[slot] = [];
  for (let index = 0; index < results.length; index++) {
    const { data } = results[index]!;
    if (data === NOTHING) continue;
    for (const slot of missing) if (data[slot] !== undefined) lists[slot]!.push(index);
  }
}

/**
 * Revises, in place, the lines with data after edits that kept the number of lines: only the
 * edited lines can have come or gone.
 */
function reviseLinesWithData(
  list: number[],
  edited: readonly number[],
  results: readonly LineResult[],
  slot: number,
): void {
  for (const index of edited) {
    const at = partitionPoint(list.length, (place) => list[place]! < index);
    const listed = list[at] === index;
    const has = dataOf(results[index]!, slot) !== undefined;
    if (has && !listed) list.splice(at, 0, index);
    else if (!has && listed) list.splice(at, 1);
  }
}

/** Lines `from` up to `to` with their breaks, as one string. */
function joinLines(texts: readonly string[], breaks: readonly string[], from = 0, to = texts.length): string {
  const parts: string[] = [];
  for (let index = from; index < to; index++) parts.push(texts[index]! + breaks[index]!);
  return parts.join('');
}

/** `array.splice` without spreading, which overflows the stack for very large insertions. */
function replaceRange<T>(array: T[], from: number, count: number, items: readonly T[]): T[] {
  if (items.length < 10_000) {
    array.splice(from, count, ...items);
    return array;
  }
  return array.slice(0, from).concat(items, array.slice(from + count));
}

/**
 * A finding as a rule reported it, placed relative to its line (a document finding to the line it
 * starts on), so that it moves with the line when an edit before it shifts it. Its message and
 * fix titles are formatted when first read: fix-all, counting and the outline never read them,
 * and most findings of a long transcript are never looked at.
 */
class ReportedFinding implements Finding {
  /**
   * The report's offsets, copied: reports come in as many shapes as there are places that make
   * them, and reading them there on every comparison of positions is slow.
   */
  private readonly relativeStart: number;
  private readonly relativeEnd: number;
  /**
   * What the report says, taken from it rather than the report kept: a long transcript keeps
   * thousands of findings, and each object kept is copied by the collector while it is young.
   */
  private readonly said: string;
  private readonly args: MessageArgs | undefined;
  private readonly proposals: readonly FixProposal<string>[] | undefined;
  private formatted: string | undefined;
  private built: { readonly at: number; readonly fixes: readonly Fix[] } | undefined;

  constructor(
    private readonly source: ActiveRule,
    report: Report<string>,
    readonly origin: Line,
    /** Where the report's offsets start from: 0 for a line's, the line's start then for the document's. */
    private readonly base = 0,
  ) {
    this.relativeStart = report.start - base;
    this.relativeEnd = report.end - base;
    this.said = report.message;
    this.args = report.args;
    this.proposals = report.fixes;
  }

  get rule(): string {
    return this.source.rule.id;
  }

  get severity(): Severity {
    return this.source.severity;
  }

  get start(): number {
    return this.origin.start + this.relativeStart;
  }

  get end(): number {
    return this.origin.start + this.relativeEnd;
  }

  get message(): string {
    this.formatted ??= format(this.source.rule.messages[this.said]!, this.source.locale, this.args);
    return this.formatted;
  }

  get hasSafeFix(): boolean {
    return this.proposals?.some((fix) => fix.safe) ?? false;
  }

  offers(group: string): boolean {
    return this.proposals?.some((fix) => fix.group === group) ?? false;
  }

  get inFixAll(): boolean {
    return this.source.rule.inFixAll !== false;
  }

  get fixes(): readonly Fix[] {
    const at = this.origin.start - this.base;
    if (this.built?.at !== at) {
      const fixes = (this.proposals ?? []).map((fix) => ({
        title: format(this.source.rule.messages[fix.title]!, this.source.locale, fix.args),
        edits:
          'replacement' in fix
            ? [{ start: this.start, end: this.end, newText: fix.replacement }]
            : at === 0
              ? fix.edits
              : fix.edits.map((edit) => ({
                  start: edit.start + at,
                  end: edit.end + at,
                  newText: edit.newText,
                })),
        safe: fix.safe,
        ...(fix.group === undefined ? {} : { group: fix.group }),
      }));
      this.built = { at, fixes };
    }
    return this.built.fixes;
  }
}

/** A line as it was before the edits since the last analysis. */
interface EditedLine {
  readonly result: LineResult;
  readonly text: string;
}

/** What changed since the analysis before, when the edits kept the number of lines. */
interface EditSince {
  readonly previous: Transcript;
  /** The edited lines, with what was found in them before. */
  readonly edited: ReadonlyMap<number, EditedLine>;
  readonly changed: readonly ChangedLine[];
  readonly sameStructure: boolean;
}

/**
 * Whether any of `findings` (sorted, each placed on the line it starts on) starts on one of the
 * changed lines, which were replaced by lines of their own: those findings would not move.
 */
function touchesAny(findings: readonly ReportedFinding[], changed: readonly ChangedLine[]): boolean {
  for (const { index } of changed) {
    const at = partitionPoint(findings.length, (place) => findings[place]!.origin.index < index);
    if (findings[at]?.origin.index === index) return true;
  }
  return false;
}

/**
 * Line findings (of lines not removed as residue) and document findings, in order of position:
 * the findings of each line in `lineFindings`, the first of them line `firstLine`.
 */
function mergeFindings(
  lineFindings: readonly (readonly ReportedFinding[])[],
  residueLines: ReadonlySet<number>,
  documentFindings: readonly ReportedFinding[],
  firstLine: number,
): ReportedFinding[] {
  const merged: ReportedFinding[] = [];
  let next = 0;
  // Where the next document finding starts, read once, not at every comparison.
  let nextStart = documentFindings[0]?.start ?? Number.POSITIVE_INFINITY;
  for (let index = 0; index < lineFindings.length; index++) {
    const found = lineFindings[index]!;
    if (found.length === 0 || residueLines.has(firstLine + index)) continue;
    for (const finding of found) {
      const start = finding.start;
      while (nextStart <= start && (nextStart < start || documentFindings[next]!.end <= finding.end)) {
        merged.push(documentFindings[next++]!);
        nextStart = documentFindings[next]?.start ?? Number.POSITIVE_INFINITY;
      }
      merged.push(finding);
    }
  }
  while (next < documentFindings.length) merged.push(documentFindings[next++]!);
  return merged;
}

/**
 * `merged` with the findings of some lines made again, in place: each finding is placed on the
 * line it starts on and the list is in order, so a line's findings are one run of it. The lines
 * are those edited, and those where a document pass that ran again found something then or now.
 */
function reviseFindings(
  merged: ReportedFinding[],
  edited: Iterable<number>,
  results: readonly LineResult[],
  residueLines: ReadonlySet<number>,
  before: readonly (readonly ReportedFinding[] | undefined)[],
  after: readonly (readonly ReportedFinding[] | undefined)[],
): ReportedFinding[] {
  const lines = new Set(edited);
  after.forEach((list, place) => {
    const was = before[place];
    if (list === was) return;
    for (const finding of was ?? NOTHING) lines.add(finding.origin.index);
    for (const finding of list ?? NOTHING) lines.add(finding.origin.index);
  });
  let revised = merged;
  for (const line of lines) {
    const from = partitionPoint(revised.length, (place) => revised[place]!.origin.index < line);
    const to = partitionPoint(revised.length, (place) => revised[place]!.origin.index <= line);
    const onLine: ReportedFinding[] = [];
    for (const list of after) {
      if (!list) continue;
      const first = partitionPoint(list.length, (place) => list[place]!.origin.index < line);
      for (let at = first; list[at]?.origin.index === line; at++) onLine.push(list[at]!);
    }
    const found = results[line]!.findings;
    // One line may hold a hundred thousand findings (a megabyte of `中,` without a break).
    const run = mergeFindings([found], residueLines, onLine.sort(byPosition), line);
    revised = replaceRange(revised, from, to - from, run);
  }
  return revised;
}

/*
 * The objects an analysis hands out that compute something when first read are classes, not
 * object literals with getters. V8 keeps a literal's getter in the literal's hidden class, which
 * lives in the old generation: everything the getter's closure reaches (the lines, their facts,
 * the structure) then survives each young-generation collection as if still in use, is copied
 * twice and promoted, and waits for a full collection to go. Analysing file after file, that was
 * a sixth of the time; a class's getter is on its prototype and holds nothing.
 */

/** The analyzer's lines as the structure reads them, the text joined only if a rule asks for it. */
class AnalyzedLines implements LineSource {
  constructor(
    private joined: string | undefined,
    private readonly texts: readonly string[],
    private readonly breaks: readonly string[],
    readonly lines: readonly Line[],
    readonly facts: readonly LineFacts[],
    readonly kept: readonly LineResult[],
  ) {}

  get text(): string {
    this.joined ??= joinLines(this.texts, this.breaks);
    return this.joined;
  }

  // Fields, not methods: the model passes them on as functions of their own.
  readonly lineText = (index: number): string => this.texts[index]!;
  readonly lineBreak = (index: number): string => this.breaks[index]!;
}

/** An analysis whose findings and outline are made when first read. */
class LazyAnalysis implements Analysis {
  private madeFindings: readonly Finding[] | undefined;
  private madeOutline: readonly OutlineNode[] | undefined;

  constructor(
    readonly model: Transcript,
    private readonly collect: () => readonly Finding[],
    private readonly outlineOf: () => readonly OutlineNode[],
  ) {}

  // Most requests (outline, folding) never look at the findings.
  get findings(): readonly Finding[] {
    this.madeFindings ??= this.collect();
    return this.madeFindings;
  }

  get outline(): readonly OutlineNode[] {
    this.madeOutline ??= this.outlineOf();
    return this.madeOutline;
  }
}

const SUPERSEDED =
  'This analysis was first read after an edit: its findings and outline are made from the lines as they are now. Ask the analyzer for the current analysis.';

/** One empty array for every line that has nothing of a kind. */
const NOTHING: readonly never[] = [];

/**
 * Takes the reports of the line being analysed: one reporter per rule for the analyzer's life,
 * where a reporter made per rule and line would be a closure per rule for every line of a transcript.
 */
class LineReports {
  line: Line = NO_LINE;
  ignored: readonly TextRange[] = NOTHING;
  findings: ReportedFinding[] | undefined;
  /** By the rule's place among the active rules. */
  readonly reporters: readonly Reporter<string>[];

  constructor(active: readonly ActiveRule[]) {
    this.reporters = active.map((rule) => (report: Report<string>) => {
      if (this.ignored.length > 0 && overlapsAny(this.ignored, report.start, report.end)) return;
      this.findings = withItem(this.findings, new ReportedFinding(rule, report, this.line));
    });
  }

  begin(line: Line, ignored: readonly TextRange[]): void {
    this.line = line;
    this.ignored = ignored;
    this.findings = undefined;
  }
}

const byPosition = (a: Finding, b: Finding) => a.start - b.start || a.end - b.end;

export class TranscriptAnalyzer {
  private texts: string[] = [];
  private breaks: string[] = [];
  private results: (LineResult | undefined)[] = [];
  /** The facts of `results`, side by side for the structure. */
  private facts: LineFacts[] = [];
  private lines: KeptLine[] = [];
  /** Lines from this index on may have moved since they were last placed. */
  private unplacedFrom = 0;
  /** The structure of the last analysis, which edits that kept the number of lines can revise. */
  private structure: Structure | undefined;
  /** The lines edited since the last analysis, as they were then. */
  private edited = new Map<number, EditedLine>();
  /** For each active rule's slot, the lines its `checkLine` returned something for. */
  private withData: (number[] | undefined)[] = [];
  private current: Analysis | undefined;
  private readonly liveOutline = new LiveOutline();
  /**
   * The findings as last merged, with the document findings they hold, and the lines changed
   * since: a merge revises them for those lines.
   */
  private collected:
    | { findings: ReportedFinding[]; documentFindings: readonly (readonly ReportedFinding[] | undefined)[] }
    | undefined;
  private readonly changedSinceCollected = new ChangesSince();
  /** Each active rule's document findings in the last analysis, by its place among them. */
  private documentFindings: (ReportedFinding[] | undefined)[] = [];
  /** The text as one string, joined from the lines when asked for after an edit. */
  private fullText: string | undefined;
  private length: number;
  private readonly active: readonly ActiveRule[];
  private readonly lineReports: LineReports;
  /** Whether a rule on removes ads: without one, a line's ads stay, and are no ads to the others. */
  private readonly adsRemoved: boolean;
  /** Whether a rule on joins broken lines in fix-all: without one, every line stays a line. */
  private readonly linesJoined: boolean;

  constructor(
    text: string,
    private readonly options: AnalysisOptions,
  ) {
    this.fullText = text;
    this.length = text.length;
    splitInto(text, this.texts, this.breaks);
    this.results = new Array(this.texts.length).fill(undefined);
    this.facts = new Array(this.texts.length);
    this.lines = this.texts.map(unplacedLine);
    this.active = options.rules.flatMap((rule, slot) => {
      const severity = options.config.severities.get(rule.id) ?? rule.defaultSeverity;
      return severity === 'off' ? [] : [{ rule, severity, slot, locale: options.locale }];
    });
    this.adsRemoved = this.active.some(({ rule }) => rule.removesAds);
    this.linesJoined = this.active.some(({ rule }) => rule.joinsLines);
    this.lineReports = new LineReports(this.active);
  }

  /**
   * Joined on demand: keeping one string current would copy all of it on every keystroke, as
   * V8 flattens an edited string the first time it is sliced or searched.
   */
  get text(): string {
    this.fullText ??= joinLines(this.texts, this.breaks);
    return this.fullText;
  }

  /** Replaces `start`–`end` (offsets in the current text) with `newText`. */
  update(start: number, end: number, newText: string): void {
    if (start < 0 || end < start || end > this.length) throw new RangeError('edit outside the document');
    const lines = this.lines;
    const placed = this.placedThrough(end);
    const last = lines.length - 1;
    // One line more on each side, so that a line break split by the edit (`\r` | `\n`) joins up.
    const first = Math.max(0, lineAt(lines, start, placed) - 1);
    const through = Math.min(last, lineAt(lines, end, placed) + 1);
    const regionStart = lines[first]!.start;
    const joined = joinLines(this.texts, this.breaks, first, through + 1);
    const region = joined.slice(0, start - regionStart) + newText + joined.slice(end - regionStart);
    const texts: string[] = [];
    const breaks: string[] = [];
    splitInto(region, texts, breaks);
    if (through < last && texts.at(-1) === '') {
      // The region ends with a line break, so the split's trailing empty line is the next line's.
      texts.pop();
      breaks.pop();
    }
    const count = through - first + 1;
    if (texts.length === count) this.replaceLines(first, texts, breaks);
    else {
      this.structure = undefined;
      this.texts = replaceRange(this.texts, first, count, texts);
      this.breaks = replaceRange(this.breaks, first, count, breaks);
      this.results = replaceRange(this.results, first, count, new Array(texts.length).fill(undefined));
      this.facts = replaceRange(this.facts, first, count, new Array(texts.length));
      this.lines = replaceRange(this.lines, first, count, texts.map(unplacedLine));
    }
    this.unplacedFrom = Math.min(this.unplacedFrom, first);
    this.fullText = undefined;
    this.length += newText.length - (end - start);
    this.current = undefined;
  }

  /**
   * Replaces lines from `first` on, as many as given, remembering what was found in them. A line
   * the edit region held but left as it was (a neighbour of the edited line) keeps its result.
   */
  private replaceLines(first: number, texts: readonly string[], breaks: readonly string[]): void {
    texts.forEach((text, offset) => {
      const index = first + offset;
      if (this.texts[index] === text && this.breaks[index] === breaks[offset]) return;
      if (!this.edited.has(index)) {
        const before = this.results[index];
        // Lines not analysed since an edit that dropped the structure: there is nothing to revise.
        if (before === undefined) this.structure = undefined;
        else this.edited.set(index, { result: before, text: this.texts[index]! });
      }
      this.texts[index] = text;
      this.breaks[index] = breaks[offset]!;
      // Its facts, beside the result, are read only once the result is made again.
      this.results[index] = undefined;
      this.lines[index] = unplacedLine();
    });
  }

  analysis(): Analysis {
    if (this.current) return this.current;
    const lines = this.placedLines();
    const count = lines.length;
    for (let index = 0; index < count; index++) {
      if (this.results[index] === undefined) {
        const result = this.analyzeLine(index);
        this.results[index] = result;
        this.facts[index] = result.facts;
      }
    }
    const results = this.results as LineResult[];
    const { facts, texts, breaks } = this;
    const changed = [...this.edited].map(([index, before]) => ({
      index,
      before: before.result.facts,
      textBefore: before.text,
    }));
    const editedLines = changed.map(({ index }) => index);
    // Any edit that changed the number of lines drops the structure: while it stands, lines match.
    const previous = this.structure?.model;
    const edited = this.edited;
    if (!this.structure) this.withData = [];
    else
      this.withData.forEach((list, slot) => {
        if (list) reviseLinesWithData(list, editedLines, results, slot);
      });
    const structure = buildStructure(
      new AnalyzedLines(this.fullText, texts, breaks, lines, facts, results),
      this.structure,
      changed,
    );
    this.structure = structure;
    this.edited = new Map();
    const { model } = structure;
    this.liveOutline.changes.note(structure.revised, editedLines);
    this.changedSinceCollected.note(structure.revised, editedLines);

    const documentFindings = this.checkDocument(
      model,
      results,
      texts,
      previous && { previous, edited, changed, sameStructure: structure.revised },
    );
    const residueLines = new Set<number>();
    for (const block of model.residue) residueLines.add(block.line.index);

    /** Made from the lines as they are, which only the latest analysis describes. */
    const latest = () => {
      if (this.current !== current) throw new Error(SUPERSEDED);
    };
    const collect = (): Finding[] => {
      latest();
      const last = this.collected;
      const changed = this.changedSinceCollected.take();
      const merged =
        last && changed
          ? reviseFindings(
              last.findings,
              changed,
              results,
              residueLines,
              last.documentFindings,
              this.documentFindings,
            )
          : mergeFindings(
              results.map((result) => result.findings),
              residueLines,
              documentFindings,
              0,
            );
      this.collected = { findings: merged, documentFindings: [...this.documentFindings] };
      return merged;
    };
    const outlineOf = () => {
      latest();
      return this.liveOutline.of(model);
    };
    const current = new LazyAnalysis(model, collect, outlineOf);
    this.current = current;
    return current;
  }

  /**
   * Runs each rule's document pass, or keeps what it found in the analysis before where it says
   * the edit changed nothing it reads. Sorted by position.
   */
  private checkDocument(
    model: Transcript,
    results: readonly LineResult[],
    texts: readonly string[],
    edit: EditSince | undefined,
  ): ReportedFinding[] {
    const { config } = this.options;
    const { lines } = model;
    const withData = this.withData;
    listLinesWithData(
      withData,
      results,
      this.active.map((active) => active.slot),
    );
    const all: ReportedFinding[] = [];
    this.active.forEach((active, place) => {
      const check = active.rule.checkDocument;
      if (!check) return;
      const before = this.documentFindings[place];
      let kept = false;
      const run = (revised: boolean): ReportedFinding[] => {
        const found: ReportedFinding[] = [];
        kept = false;
        check(
          {
            model,
            config,
            adsRemoved: this.adsRemoved,
            linesJoined: this.linesJoined,
            revised:
              revised && edit
                ? {
                    previous: edit.previous,
                    lines: edit.changed,
                    sameStructure: edit.sameStructure,
                    lineData: (index) => {
                      const was = edit.edited.get(index);
                      return was && dataOf(was.result, active.slot);
                    },
                    keep: () => {
                      kept = true;
                    },
                  }
                : undefined,
            lineData: (index) => {
              const result = results[index];
              return result && dataOf(result, active.slot);
            },
            linesWithData: withData[active.slot]!,
            lineText: (index) => texts[index]!,
            lineFacts: (index) => results[index]!.facts,
          },
          (report) => {
            // A finding may span lines (removing a last line takes the break before it): an ignored
            // phrase on any of them keeps it out, as it does on a line of its own.
            const first = lineAt(lines, report.start);
            const last = lineAt(lines, Math.max(report.start, report.end - 1));
            for (let line = first; line <= last; line++) {
              const ignored = results[line]!.ignored;
              const lineStart = lines[line]!.start;
              if (
                ignored.length > 0 &&
                overlapsAny(ignored, report.start - lineStart, report.end - lineStart)
              )
                return;
            }
            const origin = lines[first]!;
            found.push(new ReportedFinding(active, report, origin, origin.start));
          },
        );
        // In order, as the edits revising the findings look lines up in it.
        return found.sort(byPosition);
      };
      let found = run(true);
      if (kept) found = before && !touchesAny(before, edit!.changed) ? before : run(false);
      this.documentFindings[place] = found;
      for (const finding of found) all.push(finding);
    });
    // Each rule's findings are in order already: the sort merges runs.
    return all.sort(byPosition);
  }

  private analyzeLine(index: number): LineResult {
    const { config } = this.options;
    const text = this.texts[index]!;
    const ignored =
      config.ignoredPhrases.length === 0
        ? NOTHING
        : config.ignoredPhrases.flatMap((matcher) => [...matcher.matches(text)]);
    const facts = lineFacts(text, ignored, this.adsRemoved);
    // Most lines have no finding and no data: they share empty arrays, which keeps a long
    // transcript's heap small.
    const reports = this.lineReports;
    reports.begin(this.lines[index]!, ignored);
    let data: unknown[] | undefined;
    if (text.length > 0) {
      const context = { text, first: index === 0, facts, config };
      for (let place = 0; place < this.active.length; place++) {
        const active = this.active[place]!;
        const returned = active.rule.checkLine?.(context, reports.reporters[place]!);
        if (returned !== undefined) {
          // Filled, not holey: the document pass reads it for every line.
          data ??= new Array(this.options.rules.length).fill(undefined);
          data[active.slot] = returned;
        }
      }
    }
    const findings = reports.findings;
    if (findings && findings.length > 1) sortFew(findings, byPosition);
    // `block` is set by the structure; present from the start, every result has one shape.
    return { facts, findings: findings ?? NOTHING, data: data ?? NOTHING, ignored, block: undefined };
  }

  /**
   * Places the lines from the first unplaced one on, through the one holding `offset` (all by
   * default), and returns how many lines from the first are placed. The lines after it wait: a
   * fix-all's edits come bottom to top, thousands at once, and placing every line below each
   * edit again would cost the square of the document.
   */
  private placedThrough(offset = Number.POSITIVE_INFINITY): number {
    const { lines, texts, breaks } = this;
    let index = this.unplacedFrom;
    let next = index === 0 ? 0 : lines[index - 1]!.next;
    for (; index < lines.length && next <= offset; index++) {
      const line = lines[index]!;
      line.index = index;
      line.start = next;
      line.end = next + texts[index]!.length;
      next = line.end + breaks[index]!.length;
      line.next = next;
    }
    this.unplacedFrom = index;
    return index;
  }

  /** The lines, each where it now is: only those from the first edit on are moved. */
  private placedLines(): KeptLine[] {
    this.placedThrough();
    return this.lines;
  }
}

function unplacedLine(): KeptLine {
  return { index: -1, start: -1, end: -1, next: -1 };
}
