// The protocol tests' client sends a workspace edit as VS Code does: one `didChange` whose changes,
// read as LSP reads them (each in the text the ones before it left), make the edited text. Where
// an edit would leave a CR and an LF as one line break, no position lies between them, and the
// client joins the edit to the one beside it; the robustness sessions seldom reach that.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { propertyParameters } from '../support/generators';
import { applyTextEdits, contentChangesOf, positionAt } from '../support/lspClient';

/** Line breaks of every kind between Latin and Chinese text. */
const piece = fc.constantFrom('a', '中', '\r', '\n', '\r\n');
const text = fc.array(piece, { maxLength: 6 }).map((pieces) => pieces.join(''));
/** Most joins need an edit whose text starts with an LF, or removes what stood before one. */
const newText = fc.oneof(
  fc.constantFrom('', '\n', '\na'),
  fc.array(piece, { maxLength: 3 }).map((pieces) => pieces.join('')),
);

/**
 * Edits between cut points of `text`, none inside a CRLF: VS Code has no position there. Cuts
 * often fall together, which makes inserts at one place and edits that touch.
 */
function editsOf(text: string, cuts: readonly number[], texts: readonly string[]): TextEdit[] {
  const places = [...Array(text.length + 1).keys()].filter(
    (offset) => !(text[offset - 1] === '\r' && text[offset] === '\n'),
  );
  const offsets = cuts.map((cut) => places[cut % places.length]!).sort((a, b) => a - b);
  const edits: TextEdit[] = [];
  // Even cuts start an edit and odd ones end it; equal cuts make inserts at one place.
  for (let index = 0; index < offsets.length; index += 2) {
    const start = offsets[index]!;
    const end = offsets[index + 1] ?? start;
    edits.push({
      range: { start: positionAt(text, start), end: positionAt(text, end) },
      newText: texts[(index / 2) % texts.length]!,
    });
  }
  return edits;
}

describe('the protocol test client', () => {
  test('the changes it sends for a workspace edit, applied one by one, give the edited text', (t) => {
    const parameters = propertyParameters<[string, number[], string[]]>(5000, 0.2);
    let joined = 0;
    fc.assert(
      fc.property(
        text,
        fc.array(fc.nat(12), { maxLength: 10 }),
        fc.array(newText, { minLength: 1, maxLength: 4 }),
        (original, cuts, texts) => {
          const edits = editsOf(original, cuts, texts);
          const changes = contentChangesOf(original, edits);
          if (changes.length < edits.length) joined++;
          let current = original;
          for (const change of changes) {
            // A fresh document each time: the library's own table of line starts is what reads
            // the positions, with nothing carried over from the change before.
            const document = TextDocument.create('file:///a.speech', 'speech', 0, current);
            for (const position of [change.range.start, change.range.end])
              assert.deepEqual(
                document.positionAt(document.offsetAt(position)),
                position,
                `${JSON.stringify(position)} is no place in ${JSON.stringify(current)}`,
              );
            current = TextDocument.update(document, [change], 1).getText();
          }
          assert.equal(current, applyTextEdits(original, edits));
        },
      ),
      parameters,
    );
    t.diagnostic(`${parameters.numRuns} cases, ${joined} with edits joined (seed ${parameters.seed})`);
    assert.ok(joined > 0, 'no case joined edits around a line break');
  });
});
