import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { applyEdits, combineFixes, type Fix, fixAllEdits } from '../../server/src/core';
import { analyzeText, fixAll, readFixture } from '../support/fixtures';

const DIRTY = ['meeting-speech', 'work-report', 'run-in-headings', 'unicode-residue', 'wechat-article'];
const CLEAN = ['clean-confusables', 'clean-crlf-bom'];

describe('fix-all on whole transcripts', () => {
  for (const name of DIRTY) {
    test(`${name}: the result is what a careful editor writes by hand`, () => {
      assert.equal(fixAll(readFixture(`${name}.speech`)), readFixture(`${name}.clean.speech`));
    });

    test(`${name}: a second fix-all changes nothing`, () => {
      const clean = readFixture(`${name}.clean.speech`);
      assert.equal(fixAll(clean), clean);
      assert.deepEqual(fixAllEdits(analyzeText(clean).findings), []);
    });
  }

  for (const name of CLEAN) {
    test(`${name}: a clean transcript has no findings and fix-all leaves it byte for byte`, () => {
      const text = readFixture(`${name}.speech`);
      assert.deepEqual(
        analyzeText(text).findings.map(
          (finding) => `${finding.rule}: ${text.slice(finding.start, finding.end)}`,
        ),
        [],
      );
      assert.equal(fixAll(text), text);
    });
  }

  test('CRLF and the BOM survive fix-all', () => {
    const fixed = fixAll(readFixture('unicode-residue.speech'));
    assert.equal(fixed.charCodeAt(0), 0xfeff);
    assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false);
  });

  test('fix-all of one rule touches only that rule’s findings', () => {
    const text = '同志们:\n认真贯彻落实X中央决策部署。更多资料+微信:\n';
    assert.equal(fixAll(text, 'placeholder'), '同志们:\n认真贯彻落实党中央决策部署。更多资料+微信:\n');
    assert.equal(fixAll(text, 'watermark'), '同志们:\n认真贯彻落实X中央决策部署。\n');
    assert.equal(fixAll(text), '同志们：\n认真贯彻落实党中央决策部署。\n');
  });
});

describe('combining fixes', () => {
  const fix = (start: number, end: number, newText = ''): Fix => ({
    title: `${start}-${end}`,
    edits: [{ start, end, newText }],
    safe: true,
  });

  test('a fix inside another is dropped: the outer one does both jobs', () => {
    assert.deepEqual(combineFixes([fix(5, 6), fix(2, 10)]), [{ start: 2, end: 10, newText: '' }]);
  });

  test('two removals sharing a line break remove their union', () => {
    assert.deepEqual(combineFixes([fix(11, 17), fix(16, 25)]), [{ start: 11, end: 25, newText: '' }]);
  });

  test('of two partly overlapping fixes the earlier wins', () => {
    assert.deepEqual(combineFixes([fix(4, 8, 'b'), fix(2, 6, 'a')]), [{ start: 2, end: 6, newText: 'a' }]);
  });

  test('fixes side by side are all kept, in order', () => {
    assert.deepEqual(
      combineFixes([fix(3, 4, 'b'), fix(1, 2, 'a'), fix(2, 3)]).map((edit) => edit.newText),
      ['a', '', 'b'],
    );
  });

  test('applyEdits refuses overlapping edits instead of corrupting the text', () => {
    assert.throws(
      () =>
        applyEdits('0123456789', [
          { start: 1, end: 5, newText: 'x' },
          { start: 3, end: 6, newText: 'y' },
        ]),
      /overlapping edits/,
    );
  });

  test('applyEdits takes edits in any order', () => {
    const edits = [
      { start: 8, end: 9, newText: '党' },
      { start: 3, end: 4, newText: '，' },
    ];
    assert.equal(applyEdits('同志们,认真落实X中央', edits), '同志们，认真落实党中央');
  });
});

describe('fix-all on any mixture of transcript lines', () => {
  const lines = [...DIRTY, ...CLEAN].flatMap((name) => readFixture(`${name}.speech`).split(/\r?\n/));
  const eol = fc.constantFrom('\n', '\r\n', '\n\n');
  /** A line with zero-width characters slipped in anywhere, as some sites do to every line. */
  const noisyLine = fc
    .tuple(
      fc.constantFrom(
        ...lines.filter((line) => !line.includes('----')).map((line) => line.replace(/^\uFEFF/, '')),
      ),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('\u200B', '\u2060', '\u00AD')), { maxLength: 3 }),
    )
    .map(([line, inserts]) => {
      const chars = Array.from(line);
      for (const [at, char] of inserts) chars.splice(at % (chars.length + 1), 0, char);
      return chars.join('');
    });

  test('zero-width characters anywhere change nothing but their own removal', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(noisyLine, eol), { maxLength: 10 }), (picked) => {
        const text = picked.map(([line, end]) => line + end).join('');
        const withoutNoise = text.replace(/[\u200B\u2060\u00AD]/g, '');
        assert.equal(fixAll(text), fixAll(withoutNoise));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  test('never overlaps, changes text only inside findings, and is idempotent', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...lines), eol), { maxLength: 12 }), (picked) => {
        const text = picked.map(([line, end]) => line + end).join('');
        const { findings } = analyzeText(text);
        const edits = fixAllEdits(findings);
        for (const edit of edits) {
          assert.ok(
            findings.some((finding) => finding.start <= edit.start && edit.end <= finding.end),
            `edit ${edit.start}-${edit.end} outside every finding`,
          );
        }
        const once = applyEdits(text, edits);
        assert.equal(fixAll(once), once);
      }),
      { numRuns: 300, seed: 20240601 },
    );
  });
});
