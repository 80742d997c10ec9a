import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../support/fixtures';

test('a clean sentence has no findings', () => {
  assert.deepEqual(analyzeText('同志们：\n今天我们召开会议。\n').findings, []);
});
