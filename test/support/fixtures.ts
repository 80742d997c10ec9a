// Test fixtures live in the source tree; tests run from the compiled `out/` tree.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { type Analysis, analyze, type Locale, RULES, resolveConfig, type SpeechTidySettings } from '../../server/src/core';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export function fixturePath(name: string): string {
  return path.join(REPO_ROOT, 'test', 'fixtures', name);
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** Analyses `text` as the server would, with the given settings on top of the defaults. */
export function analyzeText(text: string, settings: SpeechTidySettings = {}, locale: Locale = 'en'): Analysis {
  return analyze(text, { config: resolveConfig(settings, RULES), locale });
}
