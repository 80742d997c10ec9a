// The server's open documents: the changes of one `didChange`, whatever their order and however
// odd their positions, leave the text that LSP's reading of them (one change after another) gives,
// and an analysis equal to one from scratch. Runs of changes that go bottom to top, as VS Code
// sends a workspace edit, are applied at once; every other change one at a time.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, RULES, resolveConfig } from '../../server/src/core';
import { DocumentStore } from '../../server/src/documents';
import { document, insertion, propertyParameters } from '../support/generators';
import { analysisSnapshot } from '../support/invariants';

const URI = 'file:///tmp/讲话.speech';
const config = resolveConfig({}, RULES);

/** How a batch of changes is made from the text it applies to. */
type Batch =
  | { readonly kind: 'bottom-to-top'; readonly cuts: readonly number[]; readonly texts: readonly string[] }
  | { readonly kind: 'anywhere'; readonly positions: readonly Position[]; readonly texts: readonly string[] }
  | { readonly kind: 'whole'; readonly text: string };

const position: fc.Arbitrary<Position> = fc.record({ line: fc.nat(30), character: fc.nat(60) });
const texts = fc.array(insertion, { minLength: 1, maxLength: 6 });
const batch: fc.Arbitrary<Batch> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('bottom-to-top' as const),
      cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 }),
      texts,
    }),
  },
  // Past a line's end, past the last line, ends in either order: LSP's reading still applies.
  fc.record({
    kind: fc.constant('anywhere' as const),
    positions: fc.array(position, { maxLength: 8 }),
    texts,
  }),
  fc.record({ kind: fc.constant('whole' as const), text: document }),
);

/** The changes of `plan` for `text`, as a client would send them. */
function changesOf(text: string, plan: Batch): TextDocumentContentChangeEvent[] {
  if (plan.kind === 'whole') return [{ text: plan.text }];
  const at = TextDocument.create(URI, 'speech', 0, text);
  if (plan.kind === 'anywhere') {
    return plan.positions.flatMap((start, index) =>
      index % 2 === 0
        ? [
            {
              range: { start, end: plan.positions[index + 1] ?? start },
              text: plan.texts[index % plan.texts.length]!,
            },
          ]
        : [],
    );
  }
  // Ranges between sorted cuts, every other one replaced, sent last first in the text's positions.
  const offsets = plan.cuts.map((cut) => Math.floor(cut * text.length)).sort((a, b) => a - b);
  return offsets
    .flatMap((start, index) =>
      index % 2 === 0
        ? [{ start, end: offsets[index + 1] ?? start, text: plan.texts[index % plan.texts.length]! }]
        : [],
    )
    .reverse()
    .map(({ start, end, text: inserted }) => ({
      range: { start: at.positionAt(start), end: at.positionAt(end) },
      text: inserted,
    }));
}

describe('the documents of the server', () => {
  test('the changes of a didChange leave the text of applying them one by one, and its analysis', (t) => {
    const parameters = propertyParameters<[string, Batch[]]>(1000, 0.4);
    let changes = 0;
    let binary = 0;
    fc.assert(
      fc.property(document, fc.array(batch, { minLength: 1, maxLength: 4 }), (initial, plans) => {
        const store = new DocumentStore(() => ({ config, locale: 'en', maxBytes: Number.MAX_SAFE_INTEGER }));
        store.open(URI, 'speech', 1, initial);
        store.analysis(URI);
        // Each change read in a document made afresh: the library's own line table goes wrong
        // after a change past the last line (`"\n"` then has 21 lines).
        const apply = (text: string, change: TextDocumentContentChangeEvent) =>
          TextDocument.update(TextDocument.create(URI, 'speech', 1, text), [change], 2).getText();
        let text = initial;
        // Several batches make one didChange: a run ends where the next batch starts over.
        const sent = plans.flatMap((plan) => {
          const batchChanges = changesOf(text, plan);
          for (const change of batchChanges) text = apply(text, change);
          return batchChanges;
        });
        changes += sent.length;
        const held = store.change(URI, 2, sent);
        assert.equal(held?.getText(), text);
        assert.equal(held?.lineCount, TextDocument.create(URI, 'speech', 1, text).lineCount);
        // NUL never occurs in text: a document holding one is refused as binary data, and is
        // analysed again once the changes have taken every NUL out.
        if (text.includes('\u0000')) {
          binary++;
          assert.equal(store.state(URI)?.kind, 'binary');
        } else
          assert.deepStrictEqual(
            analysisSnapshot(store.analysis(URI)!, text),
            analysisSnapshot(analyze(text, { config, locale: 'en' }), text),
          );
      }),
      parameters,
    );
    t.diagnostic(
      `${parameters.numRuns} didChange notifications (seed ${parameters.seed}), ${changes} changes, ${binary} leaving a NUL`,
    );
  });
});
