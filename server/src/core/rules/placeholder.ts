// Censorship placeholders: websites replace sensitive words with Latin letters (`X中央` for
// 党中央, `ZZ站位` for 政治站位). A Latin run next to Chinese is only a candidate; it becomes a
// finding through a collocation dictionary or through evidence elsewhere in the same document
// (a transcript that says X中央 usually also says 党中央 once). Legitimate Latin text (X光, GDP,
// Windows XP, English) never matches: it is either not a known token or not next to Chinese.
import type { ResolvedConfig, TextRange } from '../config';
import type { Transcript } from '../model';
import { removedAds } from '../residue';
import { defineRule, type FixProposal, type Reporter, type Revision } from '../rule';
import {
  CharKind,
  charAt,
  characterClass,
  charBefore,
  escapeRegExp,
  HALF_WIDTH_MARKS,
  INVISIBLE,
  isAsciiDigit,
  isAsciiLetter,
  isChinese,
  isHan,
  overlapsAny,
  type Rewritten,
  visibleAfter,
  visibleBefore,
  withAdded,
  withItem,
} from '../text';
import { isTemplateSlot } from './template-placeholder';

interface Token {
  readonly expansion: string;
  /** Other readings to offer when the context does not decide. */
  readonly alternatives: readonly string[];
  /** Words that follow the placeholder in its real uses (`X中央`, `ZZ站位`), found at a text's start. */
  readonly before: RegExp;
  /** Words that precede it (`全X`, `从严治X`), found at a text's end. */
  readonly after: RegExp;
  /** Single letters are common in real text, so they need a collocation or evidence. */
  readonly needsContext: boolean;
}

const PARTY_FOLLOWERS = [
  '中央',
  '委',
  '组',
  '支部',
  '总支',
  '员',
  '的',
  '和国家',
  '和政府',
  '和人民',
  '建',
  '风',
  '纪',
  '章',
  '规',
  '史',
  '课',
  '校',
  '性',
  '政',
  '内',
  '外',
  '务',
  '旗',
  '徽',
  '费',
  '工委',
  '代会',
  '领导',
  '小组',
  '群',
  '籍',
  '龄',
  '媒',
  '报',
  '刊',
  '代表',
  '管',
  '组织',
];
const PARTY_PRECEDERS = [
  '全',
  '入',
  '治',
  '管',
  '建',
  '爱',
  '我',
  '本',
  '兴',
  '强',
  '执政',
  '共产',
  '联合',
  '非公',
  '退',
];
const POLITICS_FOLLOWERS = [
  '方向',
  '站位',
  '建设',
  '立场',
  '纪律',
  '规矩',
  '生态',
  '责任',
  '意识',
  '能力',
  '素质',
  '局',
  '协商',
  '学习',
  '判断',
  '领悟',
  '执行',
  '上',
  '安全',
  '文明',
  '体制',
  '制度',
  '思想',
  '经济',
  '文化',
  '理论',
  '工作',
  '任务',
  '觉悟',
];
const POLITICS_PRECEDERS = ['讲', '对', '的', '在', '从', '和', '与', '及'];

const BUILT_IN: ReadonlyMap<string, Token> = new Map([
  [
    'X',
    {
      expansion: '党',
      alternatives: ['党'],
      before: startingWith(PARTY_FOLLOWERS),
      after: endingWith(PARTY_PRECEDERS),
      needsContext: true,
    },
  ],
  [
    'ZZ',
    {
      expansion: '政治',
      alternatives: ['政治'],
      before: startingWith(POLITICS_FOLLOWERS),
      after: endingWith(POLITICS_PRECEDERS),
      needsContext: false,
    },
  ],
  [
    'GCD',
    {
      expansion: '共产党',
      alternatives: ['共产党'],
      before: startingWith(['员', '人', '领导']),
      after: endingWith(['中国']),
      needsContext: false,
    },
  ],
  [
    'ZF',
    {
      expansion: '政府',
      alternatives: ['政府'],
      before: startingWith(['工作', '部门', '机关', '职能', '报告']),
      after: endingWith(['人民', '市', '省', '县', '区', '党委', '地方']),
      needsContext: false,
    },
  ],
]);

/** Readings that depend on the word around the letter: `X近平` is 习近平, not 党近平. */
const NAME_CONTEXTS: readonly { token: string; following: string; expansion: string }[] = [
  { token: 'X', following: '近平', expansion: '习' },
];

/**
 * Words where a capital X is real: X光, X射线, X轴, X型, X线, X染色体, X战警, X连锁, X世代, X因素,
 * X坐标, X一代. None of them follows 党.
 */
const LEGITIMATE_X_FOLLOWERS = /^(?:[光射轴型形线染战连代片机码]|世代|因素|坐标|一代)/u;

/** The start of a run a site leaves where it cut the text. */
const CUT_MARK = /^(?:-{3}|—{3}|－{3}|_{3}|…{3}|\.{4})/;
/** Half-width marks that `halfwidth-punctuation` may turn full-width. */
const HALF_WIDTH_MARK = new RegExp(`^${characterClass(HALF_WIDTH_MARKS)}$`);

/** A run of letters, with any invisible characters a site slipped between them (`G\u200BCD`). */
const latinRun = new RegExp(`[A-Za-z](?:[${INVISIBLE}]*[A-Za-z])*`, 'g');
const invisibleChars = new RegExp(`[${INVISIBLE}]`, 'g');

/** A placeholder judged on its line: what it is, or that the document must decide. */
interface Judgement {
  readonly candidate: Candidate;
  readonly decision: Decision | typeof NEEDS_EVIDENCE;
}

function decided(
  judgement: Judgement | undefined,
): judgement is { candidate: Candidate; decision: Decision } {
  return judgement !== undefined && judgement.decision !== NEEDS_EVIDENCE && judgement.decision.decided;
}

/** Decided, a placeholder is restored to its expansion; undecided, its token's alternatives are offered. */
type Decision = {
  readonly expansion: string;
  /** The restored word the message shows: 党中央, 全党, 政治站位. */
  readonly word: string;
} & ({ readonly decided: true } | { readonly decided: false; readonly alternatives: readonly string[] });

export const placeholder = defineRule<'decided' | 'undecided' | 'replace', LinePlaceholders>({
  id: 'placeholder',
  description: {
    en: 'Censorship placeholders: Latin letters a website put in place of a word (X for 党, ZZ for 政治, GCD for 共产党, ZF for 政府).',
    'zh-cn': '屏蔽占位符：网站用来顶替原词的拉丁字母（X 代“党”，ZZ 代“政治”，GCD 代“共产党”，ZF 代“政府”）。',
  },
  defaultSeverity: 'warning',
  fixable: true,
  messages: {
    decided: {
      en: 'Censorship placeholder “{token}” stands for “{expansion}” here: write “{word}”.',
      'zh-cn': '“{token}”是屏蔽占位符，这里代“{expansion}”，应写作“{word}”。',
    },
    undecided: {
      en: '“{token}” between Chinese characters looks like a censorship placeholder (perhaps “{expansion}”): check it against the source.',
      'zh-cn': '汉字之间的“{token}”像是屏蔽占位符（可能代“{expansion}”），请对照原文核实。',
    },
    replace: { en: 'Replace “{token}” with “{expansion}”', 'zh-cn': '将“{token}”替换为“{expansion}”' },
  },
  checkLine({ text, config, facts }, report) {
    if (!(facts.holds & CharKind.latin)) return undefined;
    const tokens = tokensFor(config);
    let runs: Run[] | undefined;
    latinRun.lastIndex = 0;
    for (let match = latinRun.exec(text); match !== null; match = latinRun.exec(text)) {
      const run = facts.holds & CharKind.invisible ? match[0].replace(invisibleChars, '') : match[0];
      const start = match.index;
      const end = start + match[0].length;
      const exact = tokens.get(run);
      const token = exact ?? lowerCaseToken(run);
      // Letters inside an ad are its account id (`微信:abc123X`), and go with it; those of HTML
      // (`&#X4E2D;`, `<span class="X">`) are the page's.
      if (!token || overlapsAny(facts.ads, start, end) || overlapsAny(facts.markup, start, end)) continue;
      runs ??= [];
      runs.push({ run, token, lowerCase: exact === undefined, start, end });
    }
    if (!runs) return undefined;
    // The words around a placeholder are read as fix-all leaves them: ads (with the blanks before
    // them) gone, as invisible characters are, and the placeholders beside it restored. Restoring
    // one may decide another (`X委ZF` reads 党委ZF, and 党委 decides ZF), so the line is judged
    // again until no more placeholders are decided.
    let rewritten: readonly Rewritten[] = removedAds(text, facts.ads);
    const judged = new Array<Judgement | undefined>(runs.length);
    for (let changed = true; changed; ) {
      changed = false;
      for (let index = 0; index < runs.length; index++) {
        if (decided(judged[index])) continue;
        const run = runs[index]!;
        const candidate = candidateAt(text, run, rewritten);
        const decision = candidate && decide(candidate, undefined);
        const judgement: Judgement | undefined = candidate && decision ? { candidate, decision } : undefined;
        judged[index] = judgement;
        if (!decided(judgement)) continue;
        rewritten = withAdded(rewritten, {
          start: run.start,
          end: run.end,
          text: judgement.decision.expansion,
        });
        changed = true;
      }
    }
    let pending: Pending[] | undefined;
    let restored: Restored[] | undefined;
    for (let index = 0; index < runs.length; index++) {
      const judgement = judged[index];
      if (!judgement) continue;
      const { candidate, decision } = judgement;
      const run = runs[index]!;
      if (decision === NEEDS_EVIDENCE) {
        pending = withItem(pending, { candidate, run });
        continue;
      }
      reportDecision(report, candidate.run, run.start, run.end, decision);
      if (decision.decided) {
        restored = withItem(restored, restoredBy(candidate, decision));
      }
    }
    if (pending) return { pending, restored: restored ?? NO_RESTORED, rewritten };
    return restored ? { pending: NO_PENDING, restored, rewritten: NOTHING_REWRITTEN } : undefined;
  },
  checkDocument({ model, revised, lineData, linesWithData, lineText, lineFacts }, report) {
    // The words fix-all restores are evidence too: after it, `X中央` reads 党中央, and a second
    // fix-all would take that as evidence for an `X` the first left alone. So evidence grows with
    // each decision until no more candidates are decided.
    const evidence = new Evidence(model, revised, {
      text: lineText,
      ads: (line) => lineFacts(line).ads,
      restored: (line) => lineData(line)?.restored ?? NO_RESTORED,
    });
    // What evidence decides depends on the waiting candidates and the evidence alone: when the
    // edit changed neither, every decision stands.
    const awaits = (data: LinePlaceholders | undefined) => data !== undefined && data.pending.length > 0;
    if (
      revised?.lines.every(({ index }) => !awaits(revised.lineData(index)) && !awaits(lineData(index))) &&
      !evidence.revise()
    )
      return revised.keep();
    // Evidence is looked up only for the few candidates no collocation decides.
    const waiting: { pending: Pending; line: number; lineStart: number }[] = [];
    for (const line of linesWithData) {
      const { pending } = lineData(line)!;
      if (pending.length === 0) continue;
      const lineStart = model.lines[line]!.start;
      for (const candidate of pending) waiting.push({ pending: candidate, line, lineStart });
    }
    // Most transcripts need no evidence: every placeholder is decided by the words around it.
    if (waiting.length === 0) return;
    /** What fix-all rewrites on each line where a candidate is decided here: the others read it. */
    const rewrittenOn = new Map<number, Rewritten[]>();
    const decisions = new Array<{ candidate: Candidate; decision: Decision } | undefined>(waiting.length);
    for (let changed = true; changed; ) {
      changed = false;
      waiting.forEach(({ pending, line }, index) => {
        if (decisions[index]?.decision.decided) return;
        const rewritten = rewrittenOn.get(line);
        const candidate = rewritten ? candidateAt(lineText(line), pending.run, rewritten) : pending.candidate;
        const decision = candidate && decide(candidate, evidence);
        decisions[index] =
          candidate && decision && decision !== NEEDS_EVIDENCE ? { candidate, decision } : undefined;
        if (!decision || decision === NEEDS_EVIDENCE || !decision.decided) return;
        evidence.add(restoredBy(candidate, decision));
        let list = rewrittenOn.get(line);
        if (!list) {
          list = [...lineData(line)!.rewritten];
          rewrittenOn.set(line, list);
        }
        list.push({ start: pending.run.start, end: pending.run.end, text: decision.expansion });
        changed = true;
      });
    }
    waiting.forEach(({ pending, lineStart }, index) => {
      const decided = decisions[index];
      if (decided)
        reportDecision(
          report,
          decided.candidate.run,
          lineStart + pending.run.start,
          lineStart + pending.run.end,
          decided.decision,
        );
    });
  },
});

function reportDecision(
  report: Reporter<'decided' | 'undecided' | 'replace'>,
  run: string,
  start: number,
  end: number,
  decision: Decision,
): void {
  const args = { token: run, expansion: decision.expansion, word: decision.word };
  report({
    start,
    end,
    message: decision.decided ? 'decided' : 'undecided',
    args,
    fixes: fixesOf(run, decision),
  });
}

type PlaceholderFixes = readonly FixProposal<'replace'>[];

/**
 * The fixes of a placeholder as written, by what it is read as: one list for all its findings, as
 * a long transcript has thousands of `X中央`. Decided placeholders are keyed by their expansion
 * (a few words), undecided ones by their token's alternatives, which go with their configuration.
 */
const decidedFixes = new Map<string, Map<string, PlaceholderFixes>>();
const undecidedFixes = new WeakMap<readonly string[], Map<string, PlaceholderFixes>>();

function fixesOf(run: string, decision: Decision): PlaceholderFixes {
  const key = decision.decided ? decision.expansion : decision.alternatives;
  let byRun = typeof key === 'string' ? decidedFixes.get(key) : undecidedFixes.get(key);
  if (!byRun) {
    byRun = new Map();
    if (typeof key === 'string') decidedFixes.set(key, byRun);
    else undecidedFixes.set(key, byRun);
  }
  let fixes = byRun.get(run);
  if (!fixes) {
    fixes = decision.decided
      ? [fixTo(run, decision.expansion, true)]
      : decision.alternatives.map((alternative) => fixTo(run, alternative, false));
    byRun.set(run, fixes);
  }
  return fixes;
}

function fixTo(run: string, expansion: string, decided: boolean): FixProposal<'replace'> {
  return {
    title: 'replace',
    args: { token: run, expansion },
    replacement: expansion,
    safe: decided,
    // Only decided expansions join "replace all": an uncertain X must not ride along with X中央.
    group: decided ? `${run}→${expansion}` : undefined,
  };
}

/** A run of letters that names a placeholder token. */
interface Run {
  readonly run: string;
  readonly token: Token;
  readonly lowerCase: boolean;
  readonly start: number;
  readonly end: number;
}

/** The run as a candidate, with the words around it as fix-all leaves them; undefined when it is none. */
function candidateAt(text: string, found: Run, rewritten: readonly Rewritten[]): Candidate | undefined {
  const preceding = visibleBefore(text, found.start, 4, rewritten);
  const following = visibleAfter(text, found.end, 4, rewritten);
  const previous = charBefore(preceding, preceding.length);
  const next = charAt(following, 0);
  if (!isHan(previous) && !isHan(next)) return undefined;
  if (isAsciiDigit(previous) || isAsciiDigit(next) || isAsciiLetter(previous) || isAsciiLetter(next))
    return undefined;
  if (
    spells(found.run, 'X') &&
    (LEGITIMATE_X_FOLLOWERS.test(following) || isTemplateSlot(previous, following))
  )
    return undefined;
  const { run, token, lowerCase } = found;
  return { run, token, lowerCase, preceding, following, previous, next };
}

/**
 * Whether a run of letters is `upperCase` written in either case. Asked of every candidate, it
 * makes no string where the length or the run itself tells: upper-casing each was a third of
 * judging a candidate.
 */
function spells(run: string, upperCase: string): boolean {
  return run.length === upperCase.length && (run === upperCase || run.toUpperCase() === upperCase);
}

/** Sites also write the built-in placeholders in lower case: `zz`, `x`. */
function lowerCaseToken(run: string): Token | undefined {
  return run === run.toLowerCase() ? BUILT_IN.get(run.toUpperCase()) : undefined;
}

/**
 * Whether a Latin word (invisible characters allowed inside) is one this rule may expand: other
 * rules read a placeholder glued to Chinese as the Chinese word it stands for, which is what the
 * text says once it is fixed.
 */
export function isPlaceholderToken(word: string, config: ResolvedConfig): boolean {
  const run = word.replace(invisibleChars, '');
  return tokensFor(config).has(run) || lowerCaseToken(run) !== undefined;
}

/** Whether `text` holds a Latin word this rule may expand: quotes around `"ZF"` quote Chinese. */
export function holdsPlaceholderToken(text: string, config: ResolvedConfig): boolean {
  for (const [word] of text.matchAll(latinRun)) if (isPlaceholderToken(word, config)) return true;
  return false;
}

const tokenTables = new WeakMap<ResolvedConfig, ReadonlyMap<string, Token>>();

/** The built-in placeholders with the user's on top, built once per configuration. */
function tokensFor(config: ResolvedConfig): ReadonlyMap<string, Token> {
  let tokens = tokenTables.get(config);
  if (!tokens) {
    const table = new Map(BUILT_IN);
    for (const [token, expansion] of config.placeholderMappings) {
      table.set(token, {
        expansion,
        alternatives: [expansion],
        before: NO_WORDS,
        after: NO_WORDS,
        needsContext: false,
      });
    }
    tokens = table;
    tokenTables.set(config, tokens);
  }
  return tokens;
}

const NEEDS_EVIDENCE = Symbol('needs evidence');

/** A placeholder fix-all restores, as evidence: the word and the text around it. */
interface Restored {
  readonly expansion: string;
  readonly preceding: string;
  readonly following: string;
}

function restoredBy(candidate: Candidate, decision: Decision): Restored {
  return { expansion: decision.expansion, preceding: candidate.preceding, following: candidate.following };
}

const NO_RESTORED: readonly Restored[] = [];
const NO_PENDING: readonly Pending[] = [];
const NOTHING_REWRITTEN: readonly Rewritten[] = [];

interface LinePlaceholders {
  readonly pending: readonly Pending[];
  readonly restored: readonly Restored[];
  /**
   * What fix-all rewrites on the line, its ads and the placeholders decided on it, for judging
   * again the candidates that await evidence: kept only where one does, the only lines read again.
   */
  readonly rewritten: readonly Rewritten[];
}

interface Pending {
  readonly candidate: Candidate;
  readonly run: Run;
}

interface Candidate {
  readonly run: string;
  readonly token: Token;
  readonly lowerCase: boolean;
  readonly preceding: string;
  readonly following: string;
  readonly previous: string | undefined;
  readonly next: string | undefined;
}

/**
 * The words of a collocation as one pattern, the longest first, so that its match is the longest
 * word: `X组织` is 党组织, not 党组, and the message names the whole collocation. One search where
 * trying the words one by one took five times as long.
 */
function longestFirst(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}

function startingWith(words: readonly string[]): RegExp {
  return new RegExp(`^(?:${longestFirst(words)})`);
}

function endingWith(words: readonly string[]): RegExp {
  return new RegExp(`(?:${longestFirst(words)})$`);
}

/** A user's placeholder has no collocations: a pattern that matches nothing. */
const NO_WORDS = /(?!)/;

/**
 * Whether a character bounds a placeholder's word. A half-width mark bounds it as its full-width
 * form does: fix-all may convert it, and the placeholder must read the same before and after.
 */
function boundsWord(char: string | undefined): boolean {
  return char === undefined || isChinese(char) || /\s/.test(char) || HALF_WIDTH_MARK.test(char);
}

/**
 * What a candidate is. Collocations decide within the line; without one, the answer depends on
 * the rest of the document, and `NEEDS_EVIDENCE` says so until `evidence` is given.
 */
function decide(
  candidate: Candidate,
  evidence: Evidence | undefined,
): Decision | typeof NEEDS_EVIDENCE | undefined {
  const { run, token, lowerCase, preceding, following, previous, next } = candidate;
  for (const named of NAME_CONTEXTS)
    if (spells(run, named.token) && following.startsWith(named.following)) {
      const word = named.expansion + named.following;
      return { expansion: named.expansion, decided: true, word };
    }
  const { expansion } = token;
  // Each question is asked only when the answers before leave it open: most placeholders are
  // decided by the first, the word after them.
  const after = token.before.exec(following)?.[0];
  const before = after === undefined ? token.after.exec(preceding)?.[0] : undefined;
  let word = after !== undefined ? expansion + after : before !== undefined ? before + expansion : undefined;
  if (word === undefined) {
    if (!evidence) return NEEDS_EVIDENCE;
    const nextTwo = following.slice(0, 2);
    const previousTwo = preceding.slice(-2);
    if (evidence.has(expansion, nextTwo, 'after')) word = expansion + nextTwo;
    else if (evidence.has(expansion, previousTwo, 'before')) word = previousTwo + expansion;
  }
  if (word !== undefined) return { expansion, decided: true, word };
  const fallbackWord = `${expansion}${isHan(next) ? next : ''}`;
  // A cut mark after it bounds it too (`ZF----`): `truncated` may remove the mark.
  const bounded = boundsWord(previous) && (boundsWord(next) || CUT_MARK.test(following));
  if (!token.needsContext && !lowerCase && bounded) return { expansion, decided: true, word: fallbackWord };
  if (isHan(previous) && isHan(next) && !lowerCase)
    return { expansion, decided: false, alternatives: token.alternatives, word: fallbackWord };
  return undefined;
}

/** How often each window around an expansion occurs in a text, by the window. */
type WindowCounts = Map<string, number>;

/**
 * The windows of each transcript's text, by expansion, for the next analysis to take over and
 * revise: an edit changes the windows of its lines only.
 */
const windowsByModel = new WeakMap<Transcript, Map<string, WindowCounts>>();

/**
 * The lines as a reader finds them once fix-all has run: their text without the ads, their
 * placeholders restored. Asked line by line, so that a line without the word asked for costs a
 * search and makes nothing.
 */
interface LineWords {
  text(line: number): string;
  ads(line: number): readonly TextRange[];
  restored(line: number): readonly Restored[];
}

/**
 * The uncensored words of the document, for the question "does this text also say 党中央?".
 * Indexed once per expansion on first use, so a document without placeholders pays nothing; after
 * an edit, the index of the analysis before is revised for the edited lines.
 */
class Evidence {
  private readonly indexed: Map<string, WindowCounts>;
  /** Placeholders decided by evidence in this analysis, which fix-all restores too. */
  private readonly decided: Restored[] = [];
  private readonly decidedWindows = new Map<string, Set<string>>();

  constructor(
    private readonly model: Transcript,
    private readonly revised: Revision<LinePlaceholders> | undefined,
    private readonly words: LineWords,
  ) {
    this.indexed = windowsByModel.get(model) ?? new Map();
    windowsByModel.set(model, this.indexed);
  }

  add(restored: Restored): void {
    this.decided.push(restored);
    for (const [expansion, windows] of this.decidedWindows)
      restoredWindows(expansion, restored, (window) => windows.add(window));
  }

  /** Whether the text has `expansion` with these two Han characters after or before it. */
  has(expansion: string, neighbours: string, side: 'after' | 'before'): boolean {
    if (!/^\p{Script=Han}{2}$/u.test(neighbours)) return false;
    const window = side === 'after' ? `${expansion}${neighbours}` : `${neighbours}${expansion}`;
    return this.windowsOf(expansion).has(window) || this.decidedOf(expansion).has(window);
  }

  private decidedOf(expansion: string): Set<string> {
    let windows = this.decidedWindows.get(expansion);
    if (!windows) {
      const found = new Set<string>();
      for (const restored of this.decided)
        restoredWindows(expansion, restored, (window) => found.add(window));
      windows = found;
      this.decidedWindows.set(expansion, windows);
    }
    return windows;
  }

  /**
   * Takes over the windows the analysis before indexed, revised for the changed lines. Whether a
   * window appeared or vanished: only then may a decision change.
   */
  revise(): boolean {
    const before = this.revised && windowsByModel.get(this.revised.previous);
    let changed = false;
    for (const expansion of [...(before?.keys() ?? [])])
      if (this.takeOver(before!, expansion)) changed = true;
    return changed;
  }

  private windowsOf(expansion: string): WindowCounts {
    let windows = this.indexed.get(expansion);
    if (windows) return windows;
    const before = this.revised && windowsByModel.get(this.revised.previous);
    if (before?.has(expansion)) {
      this.takeOver(before, expansion);
      return this.indexed.get(expansion)!;
    }
    windows = new Map();
    // Words are looked for line by line, as no window across a line break is two Han characters.
    for (let line = 0; line < this.model.lines.length; line++) this.countLine(windows, expansion, line);
    this.indexed.set(expansion, windows);
    return windows;
  }

  /** Makes the windows of `expansion` indexed before this analysis's, revised: whether any appeared or vanished. */
  private takeOver(before: Map<string, WindowCounts>, expansion: string): boolean {
    const windows = before.get(expansion)!;
    // Taken over, not copied: the analysis before has made its decisions.
    before.delete(expansion);
    this.indexed.set(expansion, windows);
    const { lines, lineData } = this.revised!;
    // What the changed lines take away and add, netted first: retyping a line changes nothing.
    const change: WindowCounts = new Map();
    for (const { index, before: facts, textBefore: text } of lines) {
      countWindows(change, expansion, text, facts.ads, lineData(index)?.restored ?? NO_RESTORED, -1);
      this.countLine(change, expansion, index);
    }
    let appearedOrVanished = false;
    for (const [window, by] of change) {
      const count = countWindow(windows, window, by);
      if (count === 0 || count === by) appearedOrVanished = true;
    }
    return appearedOrVanished;
  }

  private countLine(windows: WindowCounts, expansion: string, line: number): void {
    const { words } = this;
    countWindows(windows, expansion, words.text(line), words.ads(line), words.restored(line), 1);
  }
}

/**
 * Counts in `windows`, by `change`, the windows around each `expansion` in the line as a reader
 * sees it: `党\u200B全面` is evidence for 党全面, as it will be once fix-all has removed the
 * invisible character, `工作更多资料+微信:x党` for 工作党, and a restored `X中央` for 党中央.
 */
function countWindows(
  windows: WindowCounts,
  expansion: string,
  text: string,
  ads: readonly TextRange[],
  restored: readonly Restored[],
  change: 1 | -1,
): void {
  let at = text.indexOf(expansion);
  // Most lines hold neither the expansion nor a restored placeholder: nothing is made for them.
  if (at < 0 && restored.length === 0) return;
  if (restored.length > 0) countRestoredWindows(windows, expansion, restored, change);
  if (at < 0) return;
  const removed = removedAds(text, ads);
  for (; at >= 0; at = text.indexOf(expansion, at + 1)) {
    countWindow(windows, expansion + visibleAfter(text, at + expansion.length, 2, removed), change);
    countWindow(windows, visibleBefore(text, at, 2, removed) + expansion, change);
  }
}

/**
 * Counts the windows the restored placeholders leave. Apart from `countWindows`, which every line
 * calls: its closure would have each call allocate what it captures.
 */
function countRestoredWindows(
  windows: WindowCounts,
  expansion: string,
  restored: readonly Restored[],
  change: 1 | -1,
): void {
  for (const placeholder of restored)
    restoredWindows(expansion, placeholder, (window) => countWindow(windows, window, change));
}

/** Changes the count of `window` by `by`, forgetting a window counted to none: its new count. */
function countWindow(windows: WindowCounts, window: string, by: number): number {
  const total = (windows.get(window) ?? 0) + by;
  if (total === 0) windows.delete(window);
  else windows.set(window, total);
  return total;
}

/**
 * The windows around `expansion` in the text a restored placeholder leaves: `共产党` restored
 * before 党中央 gives 党党中 as evidence for 党, as the fixed text will, and `治X党` restored gives
 * 治党党 for the 党 that was there.
 */
function restoredWindows(expansion: string, restored: Restored, found: (window: string) => void): void {
  const snippet = restored.preceding + restored.expansion + restored.following;
  for (let at = snippet.indexOf(expansion); at >= 0; at = snippet.indexOf(expansion, at + 1)) {
    found(snippet.slice(at, at + expansion.length + 2));
    found(snippet.slice(Math.max(0, at - 2), at + expansion.length));
  }
}
