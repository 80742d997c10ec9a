// Test fixtures live in the source tree; tests run from the compiled `out/` tree.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  type Analysis,
  analyze,
  applyEdits,
  type Finding,
  fixAllEdits,
  type Locale,
  RULES,
  resolveConfig,
  type SpeechTidySettings,
} from '../../server/src/core';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export function fixturePath(name: string): string {
  return path.join(REPO_ROOT, 'test', 'fixtures', name);
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** Analyses `text` as the server would, with the given settings on top of the defaults. */
export function analyzeText(
  text: string,
  settings: SpeechTidySettings = {},
  locale: Locale = 'en',
): Analysis {
  return analyze(text, { config: resolveConfig(settings, RULES), locale });
}

/** The findings of one rule. */
export function findingsOf(rule: string, text: string, settings: SpeechTidySettings = {}): Finding[] {
  return analyzeText(text, settings).findings.filter((finding) => finding.rule === rule);
}

/** The text each finding covers, for assertions that read like the transcript. */
export function covered(text: string, findings: readonly Finding[]): string[] {
  return findings.map((finding) => text.slice(finding.start, finding.end));
}

/** The text after fix-all, optionally of one rule only. */
export function fixAll(text: string, rule?: string, settings: SpeechTidySettings = {}): string {
  return applyEdits(text, fixAllEdits(analyzeText(text, settings).findings, rule));
}

/** The text after applying the first fix of the only finding of `rule`. */
export function applyOnlyFix(rule: string, text: string): string {
  const findings = findingsOf(rule, text);
  assert.equal(findings.length, 1, `expected one ${rule} finding in ${JSON.stringify(text)}`);
  const [fix] = findings[0]!.fixes;
  assert.ok(fix, `the ${rule} finding has no fix`);
  return applyEdits(text, fix.edits);
}

/** Fix-all of every rule makes `text` into `expected`, and a second fix-all changes nothing. */
export function assertIdempotent(text: string, expected: string, settings: SpeechTidySettings = {}): void {
  const once = fixAll(text, undefined, settings);
  assert.equal(once, expected);
  assert.equal(fixAll(once, undefined, settings), once, 'a second fix-all changed the text');
}

/**
 * Checks what makes a rule's fixes safe: every edit stays inside its finding's range, fix-all
 * gives `expected`, and fix-all on that result changes nothing.
 */
export function assertSafeFixAll(rule: string, text: string, expected: string): void {
  for (const finding of findingsOf(rule, text)) {
    for (const fix of finding.fixes) {
      for (const edit of fix.edits) {
        assert.ok(
          finding.start <= edit.start && edit.end <= finding.end,
          `${rule}: an edit at ${edit.start}-${edit.end} leaves its finding at ${finding.start}-${finding.end}`,
        );
      }
    }
  }
  const fixed = fixAll(text, rule);
  assert.equal(fixed, expected);
  assert.equal(fixAll(fixed, rule), fixed, `${rule}: fix-all is not idempotent`);
}
