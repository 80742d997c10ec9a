// JSON and SARIF reports, written while the files are processed. A run over ten thousand dirty
// transcripts has a million findings: as one string that passes V8's limit on string length, and
// as objects it would hold gigabytes. So the one long array of each document is streamed, each
// element formatted as `JSON.stringify(document, null, 2)` would, and nothing else is kept. The
// elements are formatted in the thread that analysed the file (`jsonPart`, `sarifPart`); the
// document around them is written by the main thread.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format as formatText, type Locale, RULES, type Severity } from '../core';
import type { Summary } from './output';
import type { FileReport, FileResult, FindingOut, Mode, Part } from './processFile';

type Failed = Extract<FileResult, { kind: 'error' }>;

export interface ReportWriter {
  file(part: Part): void;
  end(failed: readonly Failed[], summary: Summary): void;
}

/** Where the streamed array goes in a document's skeleton. */
const SLOT = '\u0000speech-tidy-stream\u0000';
const SLOT_JSON = JSON.stringify(SLOT);
const FLUSH_AT = 1 << 20;

/** How deep the elements of the streamed arrays sit: in `files`, and in `runs[0].results`. */
const JSON_ELEMENT_DEPTH = 2;
const SARIF_ELEMENT_DEPTH = 4;

/**
 * Elements formatted at a time: a file's findings are formatted and written in pieces of this
 * many, as one string a million of them pass V8's limit on string length (a 13 MB table of
 * Chinese words with half-width commas has 1.4 million).
 */
const CHUNK_ELEMENTS = 10_000;

/** `elements`, joined, as they appear `depth` levels deep in a document formatted with an indent of 2. */
function formatElements(elements: readonly unknown[], depth: number): string {
  // Formatted inside as many arrays as the document has around them, and cut out: one call, and
  // no second pass over the text to indent it.
  let nested: unknown = elements;
  for (let level = 1; level < depth; level++) nested = [nested];
  const text = JSON.stringify(nested, null, 2);
  // Level i opens with 2i spaces and "[\n" and closes with "\n", 2i spaces and "]".
  const cut = depth * (depth + 1);
  return text.slice(cut, text.length - cut);
}

/** `items` as elements `depth` levels deep, joined: a chunk at a time, each made as it is formatted. */
function formatInChunks<T>(items: readonly T[], depth: number, toElement: (item: T) => unknown): string[] {
  const chunks: string[] = [];
  for (let at = 0; at < items.length; at += CHUNK_ELEMENTS) {
    if (at > 0) chunks.push(',\n');
    chunks.push(formatElements(items.slice(at, at + CHUNK_ELEMENTS).map(toElement), depth));
  }
  return chunks;
}

/** `element` as it appears `depth` levels deep, its array `key` formatted in chunks. */
function formatWithArray(element: Readonly<Record<string, unknown>>, key: string, depth: number): string[] {
  const items = element[key] as readonly unknown[];
  const text = formatElements([{ ...element, [key]: SLOT }], depth);
  const at = text.indexOf(SLOT_JSON);
  const [head, tail] = [text.slice(0, at), text.slice(at + SLOT_JSON.length)];
  if (items.length === 0) return [`${head}[]${tail}`];
  // The array's items sit two levels deeper than the element: in the element, in the array.
  const closing = `\n${'  '.repeat(depth + 1)}]${tail}`;
  return [`${head}[\n`, ...formatInChunks(items, depth + 2, (item) => item), closing];
}

/** A document with one array written part by part, in chunks of about a megabyte. */
class StreamedDocument {
  private buffer: string[] = [];
  private buffered = 0;
  private count = 0;

  constructor(
    private readonly write: (text: string) => void,
    /** How deep the array's elements sit. */
    private readonly depth: number,
  ) {}

  begin(skeleton: unknown): void {
    const text = JSON.stringify(skeleton, null, 2);
    this.push(text.slice(0, text.indexOf(SLOT_JSON)));
  }

  add(part: Part): void {
    if (part.elements === 0) return;
    this.push(this.count === 0 ? '[\n' : ',\n');
    for (const chunk of part.chunks) this.push(chunk);
    this.count += part.elements;
  }

  /** `skeleton` may now hold what only the end knows (errors, totals); what precedes the slot must not change. */
  end(skeleton: unknown): void {
    const text = JSON.stringify(skeleton, null, 2);
    const suffix = text.slice(text.indexOf(SLOT_JSON) + SLOT_JSON.length);
    this.push(`${this.count === 0 ? '[]' : `\n${'  '.repeat(this.depth - 1)}]`}${suffix}\n`);
    this.flush();
  }

  private push(text: string): void {
    this.buffer.push(text);
    this.buffered += text.length;
    if (this.buffered >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.buffer.length > 0) this.write(this.buffer.join(''));
    this.buffer = [];
    this.buffered = 0;
  }
}

export const JSON_FORMAT_VERSION = 1;

/** A file's element of `files` in our own format. */
export function jsonPart(file: FileReport, mode: Mode): Part {
  const base = { path: file.display, encoding: file.encoding, lineEnding: file.lineEnding };
  if (mode === 'check')
    return {
      chunks: formatWithArray({ ...base, findings: file.findings }, 'findings', JSON_ELEMENT_DEPTH),
      elements: 1,
    };
  const element = {
    ...base,
    changed: Object.keys(file.fix?.fixed ?? {}).length > 0,
    written: file.fix?.written ?? false,
    fixed: file.fix?.fixed ?? {},
    remaining: file.fix?.remaining ?? file.findings,
    ...(file.fix?.diff ? { diff: file.fix.diff } : {}),
  };
  return { chunks: formatWithArray(element, 'remaining', JSON_ELEMENT_DEPTH), elements: 1 };
}

/** Our own format: `files`, then `errors` and (for `check`) a `summary`. */
export function jsonReport(mode: Mode, version: string, write: (text: string) => void): ReportWriter {
  const document = new StreamedDocument(write, JSON_ELEMENT_DEPTH);
  const head = { version: JSON_FORMAT_VERSION, tool: { name: 'speech-tidy', version }, files: SLOT };
  document.begin(head);
  return {
    file(part) {
      document.add(part);
    },
    end(failed, summary) {
      const errors = failed.map((file) => ({ path: file.display, message: file.message }));
      document.end({ ...head, errors, ...(mode === 'check' ? { summary } : {}) });
    },
  };
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

const RULE_INDEX = new Map(RULES.map((rule, index) => [rule.id, index]));

/**
 * Where a file is in a SARIF log. Paths below the working folder (`display` is relative to it)
 * are relative to `%SRCROOT%`, which is what code scanning services resolve against the
 * repository; others are absolute `file:` URIs.
 */
function location(display: string) {
  if (path.isAbsolute(display)) return { uri: pathToFileURL(display).href };
  return { uri: display.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** A file's results in a SARIF log: one per finding. */
export function sarifPart(file: FileReport): Part {
  const artifactLocation = location(file.display);
  const result = (finding: FindingOut) => ({
    ruleId: finding.rule,
    ruleIndex: RULE_INDEX.get(finding.rule) ?? -1,
    level: SARIF_LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
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
  });
  return {
    chunks: formatInChunks(file.findings, SARIF_ELEMENT_DEPTH, result),
    elements: file.findings.length,
  };
}

/** A SARIF 2.1.0 log of the results `sarifPart` made. */
export function sarifReport(
  version: string,
  locale: Locale,
  cwd: string,
  write: (text: string) => void,
): ReportWriter {
  const root = pathToFileURL(cwd).href;
  const run = {
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
    results: SLOT,
  };
  const log = (invocations: unknown[]) => ({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ ...run, ...(invocations.length > 0 ? { invocations } : {}) }],
  });
  const document = new StreamedDocument(write, SARIF_ELEMENT_DEPTH);
  document.begin(log([]));
  return {
    file(part) {
      document.add(part);
    },
    end(failed) {
      const invocation = {
        executionSuccessful: failed.length === 0,
        toolExecutionNotifications: failed.map((file) => ({
          level: 'error',
          message: { text: file.message },
          locations: [{ physicalLocation: { artifactLocation: location(file.display) } }],
        })),
      };
      document.end(log([invocation]));
    },
  };
}
