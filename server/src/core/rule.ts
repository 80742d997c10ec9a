import type { ResolvedConfig } from './config';
import type { Localized, MessageArgs } from './l10n';
import type { LineFacts } from './lineFacts';
import type { Transcript } from './model';
import type { ChangedLine } from './structure';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** One replacement in the analysed text, in UTF-16 offsets. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

interface FixProposalBase<K extends string> {
  readonly title: K;
  readonly args?: MessageArgs;
  /**
   * Safe fixes are decided by the text alone: they are preferred in the editor and applied by
   * fix-all. Others are offered as alternatives for a person to choose.
   */
  readonly safe: boolean;
  /**
   * Fixes sharing a group (the same placeholder and expansion) can be applied together: "replace
   * all" takes each finding's fix of the group, so a finding has at most one.
   */
  readonly group?: string;
}

/**
 * A fix: its edits, or for the common fix that writes over exactly what its finding covers, the
 * `replacement` alone. Holding no offsets, such a proposal can be one object for every finding of
 * its kind (every `,` made `，`): a long transcript keeps thousands of findings, and their fixes
 * were the most of what each kept.
 */
export type FixProposal<K extends string> = FixProposalBase<K> &
  ({ readonly edits: readonly Edit[] } | { readonly replacement: string });

export interface Report<K extends string> {
  readonly start: number;
  readonly end: number;
  readonly message: K;
  readonly args?: MessageArgs;
  readonly fixes?: readonly FixProposal<K>[];
}

export type Reporter<K extends string> = (finding: Report<K>) => void;

/** One line, for the findings that depend on nothing else. Offsets are relative to its start. */
export interface LineContext {
  /** The line without its line break. */
  readonly text: string;
  /** Whether this is the document's first line, where U+FEFF is a byte order mark. */
  readonly first: boolean;
  readonly facts: LineFacts;
  readonly config: ResolvedConfig;
}

/** What edits changed since the analysis before, when they kept the number of lines. */
export interface Revision<D> {
  /**
   * The transcript of the analysis before, to find what was kept of it: its lines and their text
   * are the lines as they are now.
   */
  readonly previous: Transcript;
  /** The lines whose text changed, each with its text before and what that text told. */
  readonly lines: readonly ChangedLine[];
  /** What `checkLine` returned for one of `lines` before the change. */
  lineData(index: number): D | undefined;
  /**
   * Whether every line is the same kind of block as before, in the same runs (headings,
   * enumerations, residue): the changed lines' own blocks excepted.
   */
  readonly sameStructure: boolean;
  /**
   * Keeps this rule's findings of the analysis before, moved with their lines, instead of
   * reporting them again: for a pass that finds the changed lines change nothing it reads. Report
   * nothing after calling it. No kept finding may touch a changed line: the engine runs the pass
   * again, without `revised`, if one lies on such a line.
   */
  keep(): void;
}

/** The whole document, for findings that depend on more than one line. Offsets are absolute. */
export interface DocumentContext<D> {
  readonly model: Transcript;
  readonly config: ResolvedConfig;
  /** Whether fix-all removes each line's ads (`LineFacts.ads`): a rule that `removesAds` is on. */
  readonly adsRemoved: boolean;
  /** Whether fix-all joins lines broken inside a sentence: a rule that `joinsLines` is on. */
  readonly linesJoined: boolean;
  /**
   * Set when this analysis follows another of the same lines: what a pass sums over lines it can
   * take from the analysis before and revise for these lines, rather than read every line again.
   */
  readonly revised: Revision<D> | undefined;
  /** What `checkLine` returned for line `index`. */
  lineData(index: number): D | undefined;
  /** The lines for which `checkLine` returned something, in order: most lines return nothing. */
  readonly linesWithData: readonly number[];
  /** The text of line `index` without its break; cheaper than slicing `model.text`. */
  lineText(index: number): string;
  /** What line `index` is, as far as its own text tells. */
  lineFacts(index: number): LineFacts;
}

export interface Rule<K extends string = string, D = unknown> {
  /** Public: users configure rules by this id, and it is each diagnostic's `code`. */
  readonly id: string;
  readonly description: Localized;
  readonly defaultSeverity: Severity;
  /** Whether any of its findings carries an automatic fix. */
  readonly fixable: boolean;
  /**
   * Whether its fixes remove the ads found in each line (`LineFacts.ads`). Other rules read a line
   * as if its ads were gone, which is what fix-all leaves only while such a rule is on.
   */
  readonly removesAds?: boolean;
  /** Whether fix-all applies its fixes that join lines: other rules read a joined line as one. */
  readonly joinsLines?: boolean;
  /**
   * Whether fix-all applies its safe fixes; it does unless this is false. A rule whose fixes
   * change how other rules read the text around them, in ways they do not foresee, keeps its
   * safe fixes to itself (its quick fixes and its own "fix all"), so that fix-all run twice
   * still changes nothing the second time.
   */
  readonly inFixAll?: boolean;
  readonly messages: Readonly<Record<K, Localized>>;
  /**
   * Findings within one line. The engine keeps them per line and calls this again only for
   * lines whose text changed, which is what makes an edit in a long document cheap. What it
   * returns is kept with the line for `checkDocument`.
   */
  checkLine?(line: LineContext, report: Reporter<K>): D | undefined;
  /**
   * Findings that need the whole document, run on every analysis: it must cost in proportion to
   * the lines or the findings, never to the characters.
   */
  checkDocument?(document: DocumentContext<D>, report: Reporter<K>): void;
}

/** Ties a rule's message keys to its catalogue, so a typo in a key fails to compile. */
export function defineRule<K extends string, D = undefined>(rule: Rule<K, D>): Rule<K, D> {
  return rule;
}
