// The incremental engine: after any sequence of edits, what a TranscriptAnalyzer holds equals
// an analysis of the same text from scratch. Edits land anywhere, between the halves of a CRLF
// or a surrogate pair included, and insert line breaks of every kind.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  analyze,
  fixAllEdits,
  type Locale,
  RULES,
  resolveConfig,
  type SpeechTidySettings,
  TranscriptAnalyzer,
} from '../../server/src/core';
import { document, insertion, locale, propertyParameters, settings } from '../support/generators';
import { analysisSnapshot } from '../support/invariants';

/** An edit as proportions of the text it applies to, so it fits whatever the text is by then. */
interface EditPlan {
  readonly kind: 'anywhere' | 'at-break' | 'line';
  readonly at: number;
  readonly length: number;
  readonly text: string;
  /** Whether to read the analysis after this edit, which fills the engine's caches mid-sequence. */
  readonly read: boolean;
}

const editPlan: fc.Arbitrary<EditPlan> = fc.record({
  kind: fc.constantFrom('anywhere', 'anywhere', 'at-break', 'line'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.3, noNaN: true })),
  text: insertion,
  read: fc.boolean(),
});

/** The range an edit replaces in `text`. */
function place(text: string, plan: EditPlan): { start: number; end: number } {
  if (plan.kind === 'at-break') {
    const breaks = [...text.matchAll(/[\r\n]/g)].map((match) => match.index);
    if (breaks.length > 0) {
      const at = breaks[Math.min(breaks.length - 1, Math.floor(plan.at * breaks.length))]!;
      // Before, inside (between CR and LF) or after a break, deleting it or not.
      const start = at + (plan.length > 0.15 ? 1 : 0);
      return { start, end: Math.min(text.length, start + (plan.length > 0.2 ? 1 : 0)) };
    }
  }
  if (plan.kind === 'line') {
    const starts = [0, ...[...text.matchAll(/\r\n|\r|\n/g)].map((match) => match.index + match[0].length)];
    const line = Math.min(starts.length - 1, Math.floor(plan.at * starts.length));
    const start = starts[line]!;
    const end = line + 1 < starts.length ? starts[line + 1]! : text.length;
    return { start, end: plan.length > 0.1 ? end : start };
  }
  const start = Math.min(text.length, Math.floor(plan.at * (text.length + 1)));
  return { start, end: Math.min(text.length, start + Math.floor(plan.length * text.length)) };
}

describe('the incremental engine', () => {
  test('after any sequence of edits, equals an analysis from scratch of the same text', (t) => {
    const parameters = propertyParameters<[string, EditPlan[], SpeechTidySettings, Locale]>(3000, 0.4);
    let edits = 0;
    fc.assert(
      fc.property(
        document,
        fc.array(editPlan, { minLength: 1, maxLength: 12 }),
        settings,
        locale,
        (initial, plans, userSettings, language) => {
          const options = { config: resolveConfig(userSettings, RULES), locale: language };
          const analyzer = new TranscriptAnalyzer(initial, { ...options, rules: RULES });
          let text = initial;
          analyzer.analysis();
          for (const [index, plan] of plans.entries()) {
            const { start, end } = place(text, plan);
            analyzer.update(start, end, plan.text);
            text = text.slice(0, start) + plan.text + text.slice(end);
            edits++;
            assert.equal(analyzer.text, text, 'the analyzer holds the edited text');
            if (plan.read || index === plans.length - 1) {
              assert.deepStrictEqual(
                analysisSnapshot(analyzer.analysis(), text),
                analysisSnapshot(analyze(text, options), text),
                `after edit ${index + 1} (${start}-${end} → ${JSON.stringify(plan.text)})`,
              );
            }
          }
        },
      ),
      parameters,
    );
    t.diagnostic(`${parameters.numRuns} sequences (seed ${parameters.seed}), ${edits} edits`);
  });

  test('edits made bottom to top without a read between, as a fix-all sends them, leave an analysis equal to one from scratch', (t) => {
    const parameters = propertyParameters<[string, number[], string[], SpeechTidySettings, boolean]>(
      1000,
      0.4,
    );
    let edits = 0;
    fc.assert(
      fc.property(
        document,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }),
        fc.array(insertion, { minLength: 1, maxLength: 8 }),
        settings,
        fc.boolean(),
        (initial, cuts, insertions, userSettings, fixAll) => {
          const options = { config: resolveConfig(userSettings, RULES), locale: 'en' as const };
          const analyzer = new TranscriptAnalyzer(initial, { ...options, rules: RULES });
          const first = analyzer.analysis();
          // The document's own fix-all, or ranges between random cuts, every other one replaced.
          const ranges = fixAll
            ? fixAllEdits(first.findings).map(({ start, end, newText }) => ({ start, end, text: newText }))
            : cuts
                .map((cut) => Math.floor(cut * initial.length))
                .sort((a, b) => a - b)
                .flatMap((start, index, sorted) =>
                  index % 2 === 0
                    ? [
                        {
                          start,
                          end: sorted[index + 1] ?? start,
                          text: insertions[index % insertions.length]!,
                        },
                      ]
                    : [],
                );
          let text = initial;
          for (const { start, end, text: inserted } of [...ranges].reverse()) {
            analyzer.update(start, end, inserted);
            text = text.slice(0, start) + inserted + text.slice(end);
            edits++;
          }
          assert.equal(analyzer.text, text, 'the analyzer holds the edited text');
          assert.deepStrictEqual(
            analysisSnapshot(analyzer.analysis(), text),
            analysisSnapshot(analyze(text, options), text),
          );
        },
      ),
      parameters,
    );
    t.diagnostic(`${parameters.numRuns} batches (seed ${parameters.seed}), ${edits} edits`);
  });
});
