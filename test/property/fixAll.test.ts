// Properties of fix-all on any transcript: its edits never overlap, they stay inside the
// findings, every character outside the findings survives in order, and a second fix-all
// changes nothing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  analyze,
  applyEdits,
  fixAllEdits,
  RULES,
  resolveConfig,
  type SpeechTidySettings,
} from '../../server/src/core';
import {
  denseText,
  document,
  propertyParameters,
  settings,
  settingsWithoutPhrases,
} from '../support/generators';
import { assertEditsCovered, assertNoOverlap, assertSurvives, fixAllOf } from '../support/invariants';

function analysisOf(text: string, userSettings: SpeechTidySettings) {
  return analyze(text, { config: resolveConfig(userSettings, RULES), locale: 'en' });
}

function assertIdempotent(text: string, userSettings: SpeechTidySettings): void {
  const once = fixAllOf(text, analysisOf(text, userSettings)).fixed;
  const twice = fixAllOf(once, analysisOf(once, userSettings)).fixed;
  assert.equal(twice, once, 'a second fix-all changed the text');
}

describe('fix-all on any transcript', () => {
  test('its edits never overlap, each other or a finding’s own', (t) => {
    const parameters = propertyParameters<[string, SpeechTidySettings]>(3000);
    let edits = 0;
    fc.assert(
      fc.property(document, settings, (text, userSettings) => {
        const analysis = analysisOf(text, userSettings);
        const all = fixAllEdits(analysis.findings);
        assertNoOverlap(all);
        for (const rule of RULES) assertNoOverlap(fixAllEdits(analysis.findings, rule.id));
        for (const finding of analysis.findings) {
          for (const fix of finding.fixes) assertNoOverlap([...fix.edits].sort((a, b) => a.start - b.start));
        }
        // Applying them never meets an overlap either.
        applyEdits(text, all);
        edits += all.length;
      }),
      parameters,
    );
    assert.ok(edits > parameters.numRuns, 'the generated texts have fixes to combine');
    t.diagnostic(`${parameters.numRuns} cases (seed ${parameters.seed}), ${edits} edits combined`);
  });

  test('every character outside the findings survives, in order', (t) => {
    const parameters = propertyParameters<[string, SpeechTidySettings]>(3000);
    let changed = 0;
    fc.assert(
      fc.property(document, settings, (text, userSettings) => {
        const analysis = analysisOf(text, userSettings);
        const { edits, fixed } = fixAllOf(text, analysis);
        assertEditsCovered(edits, analysis.findings);
        assertSurvives(text, fixed, analysis.findings);
        if (fixed !== text) changed++;
      }),
      parameters,
    );
    t.diagnostic(
      `${parameters.numRuns} cases (seed ${parameters.seed}), ${changed} texts changed by fix-all`,
    );
  });

  test('is idempotent: fix-all of its result changes nothing', (t) => {
    const parameters = propertyParameters<[string, SpeechTidySettings]>(3000);
    fc.assert(
      // The user's own watermark phrases are left out: see settingsWithoutPhrases.
      fc.property(document, settingsWithoutPhrases, assertIdempotent),
      parameters,
    );
    t.diagnostic(`${parameters.numRuns} cases (seed ${parameters.seed})`);
  });

  test('is idempotent on dense text: parentheses, list markers, marks, ads and breaks side by side', (t) => {
    const parameters = propertyParameters<[string]>(3000);
    fc.assert(
      fc.property(denseText, (text) => assertIdempotent(text, {})),
      parameters,
    );
    t.diagnostic(`${parameters.numRuns} cases (seed ${parameters.seed})`);
  });
});
