import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineIndex, parse } from '../../server/src/core';
import { analyzeText, fixAll, readFixture } from '../support/fixtures';

/** Where a finding starts and ends, as an editor counts: line and UTF-16 column. */
function positions(text: string, rule: string): string[] {
  const { model, findings } = analyzeText(text);
  return findings
    .filter((finding) => finding.rule === rule)
    .map((finding) => {
      const start = model.lineIndex.position(finding.start);
      const end = model.lineIndex.position(finding.end);
      return `${start.line}:${start.character}-${end.line}:${end.character}`;
    });
}

describe('positions are UTF-16 code units', () => {
  test('after a BOM, an emoji family and an Extension B character on the same line', () => {
    // BOM (1) + 👨‍👩‍👧 (2+1+2+1+2) + 𠀀 (2): the X is at column 11, where code points would say 7.
    const text = '\uFEFF👨‍👩‍👧𠀀X中央\n';
    assert.deepEqual(positions(text, 'placeholder'), ['0:11-0:12']);
  });

  test('in a CRLF fixture with a BOM, emoji and Extension B characters before the residue', () => {
    const text = readFixture('unicode-residue.speech');
    // Line 4: “这一年，全镇共评选“幸福家庭”120户，” is 20 units, “𠀀村、𪚥村的创建工作走在了前列” 17
    // (𠀀 and 𪚥 take two each), so the comma is at 37 and X at 38; after “X员干部带头示范作用明显。”
    // the ad starts at 51, its zero-width space at 55, and it ends at 64.
    assert.deepEqual(positions(text, 'placeholder'), ['4:38-4:39']);
    assert.deepEqual(positions(text, 'halfwidth-punctuation'), ['4:37-4:38']);
    assert.deepEqual(positions(text, 'watermark'), ['4:51-4:64', '5:0-6:0']);
    assert.deepEqual(positions(text, 'invisible-char'), ['4:55-4:56']);
  });

  test('CR, LF and CRLF each end one line', () => {
    const index = new LineIndex(parse('甲\r\n乙\n丙\r丁').lines);
    assert.deepEqual(
      [0, 1, 3, 4, 5, 6, 7, 8].map((offset) => index.position(offset)),
      [
        { line: 0, character: 0 },
        { line: 0, character: 1 },
        { line: 1, character: 0 },
        { line: 1, character: 1 },
        { line: 2, character: 0 },
        { line: 2, character: 1 },
        { line: 3, character: 0 },
        { line: 3, character: 1 },
      ],
    );
  });

  test('a finding on an astral character spans both of its code units', () => {
    assert.deepEqual(positions('同志们：\n这次评选的先进个人有王𪚥', 'truncated'), ['1:11-1:13']);
  });

  test('removing the first line keeps the BOM and takes the CRLF', () => {
    const text = '\uFEFF正文复制\r\n加强基层治理\r\n同志们：\r\n今天开会。\r\n';
    assert.deepEqual(positions(text, 'watermark'), ['0:1-1:0']);
    assert.equal(fixAll(text), '\uFEFF加强基层治理\r\n同志们：\r\n今天开会。\r\n');
  });
});
