// How results look to people: coloured lines on a terminal, diffs, the outline tree, and the
// totals behind the summary and the exit code. JSON and SARIF are in documents.ts.
import type { LineIndex, Locale, OutlineNode, Severity } from '../core';
import type { FileReport, FileStats, FindingOut, Mode } from './processFile';
import { say } from './texts';

export interface Paint {
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
  readonly severity: (severity: Severity, text: string) => string;
  readonly added: (text: string) => string;
  readonly removed: (text: string) => string;
  readonly hunk: (text: string) => string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const SEVERITY_COLOR: Record<Severity, (text: string) => string> = {
  error: ansi(31, 39),
  warning: ansi(33, 39),
  information: ansi(34, 39),
  hint: ansi(2, 22),
};

export function paint(enabled: boolean): Paint {
  const plain = (text: string) => text;
  if (!enabled) {
    return {
      dim: plain,
      bold: plain,
      severity: (_, text) => text,
      added: plain,
      removed: plain,
      hunk: plain,
    };
  }
  return {
    dim: ansi(2, 22),
    bold: ansi(1, 22),
    severity: (severity, text) => SEVERITY_COLOR[severity](text),
    added: ansi(32, 39),
    removed: ansi(31, 39),
    hunk: ansi(36, 39),
  };
}

/** Whether a stream gets colours: `--color`/`--no-color`, then NO_COLOR and FORCE_COLOR, then a terminal. */
export function wantsColor(
  flag: boolean | undefined,
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv,
): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true;
}

/** `file:line:col  severity  rule  message`, the shape editors' problem matchers read. */
export function findingLine(display: string, finding: FindingOut, p: Paint): string {
  const where = `${display}:${finding.line}:${finding.column}`;
  return `${p.bold(where)}  ${p.severity(finding.severity, finding.severity)}  ${p.dim(finding.rule)}  ${finding.message}`;
}

export function colorDiff(diff: string, p: Paint): string {
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return p.bold(line);
      if (line.startsWith('+')) return p.added(line);
      if (line.startsWith('-')) return p.removed(line);
      if (line.startsWith('@@')) return p.hunk(line);
      return line;
    })
    .join('\n');
}

/** `watermark 3, placeholder 2`: the counts that are not zero, in the order given. */
export function countsList(counts: Readonly<Record<string, number>>, locale: Locale): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${name} ${n}`)
    .join(say(locale, 'listSeparator'));
}

/** A file's part of the text output: its findings for `check`, its change for `fix`. */
export function renderFile(result: FileReport, mode: Mode, p: Paint, locale: Locale): string {
  if (mode === 'check') {
    return result.findings.map((finding) => `${findingLine(result.display, finding, p)}\n`).join('');
  }
  const fix = result.fix;
  if (!fix || Object.keys(fix.fixed).length === 0) return '';
  if (mode === 'dry-run' && fix.diff)
    return colorDiff(fix.diff.endsWith('\n') ? fix.diff : `${fix.diff}\n`, p);
  const count = Object.values(fix.fixed).reduce((sum, n) => sum + n, 0);
  const rules = countsList(fix.fixed, locale);
  const left = fix.remaining.length;
  return `${p.bold(result.display)}: ${say(locale, 'fixedFile', { count, rules, left })}\n`;
}

export interface Summary {
  readonly files: number;
  readonly filesWithFindings: number;
  readonly findings: number;
  readonly bySeverity: Record<Severity, number>;
  readonly fixable: number;
  readonly errors: number;
}

/**
 * Running totals, so that a text run over many thousand files keeps counts, not every finding.
 * For `fix`, "left" counts what remains after the fix, and that is what decides the exit code.
 */
export class Tally {
  files = 0;
  filesWithFindings = 0;
  findings = 0;
  fixable = 0;
  readonly fixableByRule: Record<string, number> = {};
  readonly bySeverity: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  changedFiles = 0;
  fixed = 0;
  left = 0;
  /** Whether some finding (left) is at or above the threshold. */
  failing = false;

  constructor(private readonly failsAt: (severity: Severity) => boolean) {}

  add(stats: FileStats): void {
    this.files++;
    if (stats.findings > 0) this.filesWithFindings++;
    this.findings += stats.findings;
    this.fixable += stats.fixable;
    for (const [rule, count] of Object.entries(stats.fixableByRule))
      this.fixableByRule[rule] = (this.fixableByRule[rule] ?? 0) + count;
    for (const severity of SEVERITIES) {
      this.bySeverity[severity] += stats.bySeverity[severity];
      this.left += stats.left[severity];
      if (stats.left[severity] > 0 && this.failsAt(severity)) this.failing = true;
    }
    if (stats.fixed > 0) this.changedFiles++;
    this.fixed += stats.fixed;
  }

  summary(errors: number): Summary {
    const { files, filesWithFindings, findings, fixable } = this;
    return { files, filesWithFindings, findings, bySeverity: { ...this.bySeverity }, fixable, errors };
  }
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export interface Position1 {
  readonly line: number;
  readonly column: number;
}

/** A DocumentSymbol as the Outline view gets it, with 1-based positions like the rest of the CLI. */
export interface OutlineJson {
  readonly kind: OutlineNode['kind'];
  readonly level: number;
  readonly name: string;
  readonly detail?: string;
  /** The whole section, up to the next heading of the same or a higher level. */
  readonly range: { readonly start: Position1; readonly end: Position1 };
  /** The heading itself. */
  readonly selectionRange: { readonly start: Position1; readonly end: Position1 };
  readonly children: OutlineJson[];
}

export function outlineJson(nodes: readonly OutlineNode[], index: LineIndex): OutlineJson[] {
  const at = (offset: number): Position1 => {
    const { line, character } = index.position(offset);
    return { line: line + 1, column: character + 1 };
  };
  return nodes.map((node) => ({
    kind: node.kind,
    level: node.level,
    name: node.name,
    ...(node.detail ? { detail: node.detail } : {}),
    range: { start: at(node.start), end: at(node.end) },
    selectionRange: { start: at(node.selectionStart), end: at(node.selectionEnd) },
    children: outlineJson(node.children, index),
  }));
}

/** The tree as the Outline view shows it: names nested under their sections, with line numbers. */
export function outlineText(nodes: readonly OutlineJson[], p: Paint): string[] {
  // One list for the whole tree: spreading a section's lines into its parent's overflows the
  // stack once a section has some hundred thousand headings.
  const lines: string[] = [];
  const write = (siblings: readonly OutlineJson[], prefix: string) =>
    siblings.forEach((node, at) => {
      const last = at === siblings.length - 1;
      const branch =
        prefix === '' && siblings.length === 1 && node.kind === 'title' ? '' : last ? '└─ ' : '├─ ';
      const detail = node.detail ? `  ${p.dim(node.detail)}` : '';
      const name = node.kind === 'title' ? p.bold(node.name) : node.name;
      lines.push(`${prefix}${branch}${name}${detail}  ${p.dim(`:${node.selectionRange.start.line}`)}`);
      write(node.children, branch === '' ? prefix : `${prefix}${last ? '   ' : '│  '}`);
    });
  write(nodes, '');
  return lines;
}
