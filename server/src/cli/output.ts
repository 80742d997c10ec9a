// How results look: lines for people (coloured on a terminal), JSON for scripts, SARIF for code
// scanning services. Findings reach these only as the plain data the workers produced.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  format as formatText,
  type LineIndex,
  type Locale,
  type OutlineNode,
  RULES,
  type Severity,
} from '../core';
import type { FileResult, FileStats, FindingOut, Mode } from './processFile';
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

type Analysed = Extract<FileResult, { kind: 'analysed' }>;

/** A file's part of the text output: its findings for `check`, its change for `fix`. */
export function renderFile(result: Omit<Analysed, 'stats'>, mode: Mode, p: Paint, locale: Locale): string {
  if (mode === 'check') {
    return result.findings.map((finding) => `${findingLine(result.display, finding, p)}\n`).join('');
  }
  const fix = result.fix;
  if (!fix || Object.keys(fix.fixed).length === 0) return '';
  if (mode === 'dry-run' && fix.diff)
    return colorDiff(fix.diff.endsWith('\n') ? fix.diff : `${fix.diff}\n`, p);
  const count = Object.values(fix.fixed).reduce((sum, n) => sum + n, 0);
  const rules = Object.entries(fix.fixed)
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ');
  const left = fix.remaining.length;
  return `${p.bold(result.display)}: ${say(locale, 'fixedFile', { count, rules, left })}\n`;
}
type Failed = Extract<FileResult, { kind: 'error' }>;

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

export function summarize(analysed: readonly Analysed[], errors: number): Summary {
  const tally = new Tally(() => false);
  for (const file of analysed) tally.add(file.stats);
  return tally.summary(errors);
}

export const JSON_FORMAT_VERSION = 1;

export function checkJson(
  analysed: readonly Analysed[],
  failed: readonly Failed[],
  version: string,
): unknown {
  return {
    version: JSON_FORMAT_VERSION,
    tool: { name: 'speech-tidy', version },
    files: analysed.map((file) => ({
      path: file.display,
      encoding: file.encoding,
      lineEnding: file.lineEnding,
      findings: file.findings,
    })),
    errors: failed.map((file) => ({ path: file.display, message: file.message })),
    summary: summarize(analysed, failed.length),
  };
}

export function fixJson(analysed: readonly Analysed[], failed: readonly Failed[], version: string): unknown {
  return {
    version: JSON_FORMAT_VERSION,
    tool: { name: 'speech-tidy', version },
    files: analysed.map((file) => ({
      path: file.display,
      encoding: file.encoding,
      lineEnding: file.lineEnding,
      changed: Object.keys(file.fix?.fixed ?? {}).length > 0,
      written: file.fix?.written ?? false,
      fixed: file.fix?.fixed ?? {},
      remaining: file.fix?.remaining ?? file.findings,
      ...(file.fix?.diff ? { diff: file.fix.diff } : {}),
    })),
    errors: failed.map((file) => ({ path: file.display, message: file.message })),
  };
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/**
 * A SARIF 2.1.0 log. Paths below the working folder are relative to `%SRCROOT%`, which is what
 * code scanning services resolve against the repository; others are absolute `file:` URIs.
 */
export function checkSarif(
  analysed: readonly Analysed[],
  failed: readonly Failed[],
  version: string,
  locale: Locale,
  cwd: string,
): unknown {
  const location = (display: string) => {
    if (path.isAbsolute(display)) return { uri: pathToFileURL(display).href };
    return { uri: display.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  };
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const results = analysed.flatMap((file) =>
    file.findings.map((finding) => ({
      ruleId: finding.rule,
      ruleIndex: ruleIndex.get(finding.rule) ?? -1,
      level: SARIF_LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: location(file.display),
            region: {
              startLine: finding.line,
              startColumn: finding.column,
              endLine: finding.endLine,
              endColumn: finding.endColumn,
            },
          },
        },
      ],
      ...(finding.fixable ? { properties: { fixable: true } } : {}),
    })),
  );
  const root = pathToFileURL(cwd).href;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'speech-tidy',
            version,
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: formatText(rule.description, locale) },
              defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
              properties: { fixable: rule.fixable },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: root.endsWith('/') ? root : `${root}/` } },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [
          {
            executionSuccessful: failed.length === 0,
            toolExecutionNotifications: failed.map((file) => ({
              level: 'error',
              message: { text: file.message },
              locations: [{ physicalLocation: { artifactLocation: location(file.display) } }],
            })),
          },
        ],
      },
    ],
  };
}

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
export function outlineText(nodes: readonly OutlineJson[], p: Paint, prefix = ''): string[] {
  const lines: string[] = [];
  nodes.forEach((node, at) => {
    const last = at === nodes.length - 1;
    const branch = prefix === '' && nodes.length === 1 && node.kind === 'title' ? '' : last ? '└─ ' : '├─ ';
    const detail = node.detail ? `  ${p.dim(node.detail)}` : '';
    const name = node.kind === 'title' ? p.bold(node.name) : node.name;
    lines.push(`${prefix}${branch}${name}${detail}  ${p.dim(`:${node.selectionRange.start.line}`)}`);
    const childPrefix = branch === '' ? prefix : `${prefix}${last ? '   ' : '│  '}`;
    lines.push(...outlineText(node.children, p, childPrefix));
  });
  return lines;
}
