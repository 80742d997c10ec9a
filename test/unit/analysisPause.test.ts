// When the server analyses a changed document: at once after a quiet moment, and no more often
// than once a pause (which grows with the document) while the user types.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { waitBeforeAnalysis } from '../../server/src/languageServer';

describe('the pause between two analyses of a document', () => {
  test('a change to a document not yet analysed, or quiet for a pause, is analysed at once', () => {
    assert.equal(waitBeforeAnalysis(undefined, 36, 5_000), 0);
    assert.equal(waitBeforeAnalysis(1_000, 36, 5_000), 0);
    assert.equal(waitBeforeAnalysis(4_964, 36, 5_000), 0, 'the pause has just ended');
  });

  test('a change within the pause after an analysis waits for the rest of it', () => {
    assert.equal(waitBeforeAnalysis(4_990, 36, 5_000), 26);
    assert.equal(waitBeforeAnalysis(5_000, 200, 5_000), 200, 'the analysis has just ended');
  });
});
