// Closing a document must give its memory back: nothing in the core may keep an analyzer alive
// once the server lets go of it (a 10 MB transcript's analysis holds some 60 MB).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { RULES, resolveConfig, TranscriptAnalyzer } from '../../server/src/core';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const SPEECH = [
  '关于加强基层治理的讲话',
  '同志们：',
  '一、提高ZZ站位',
  '一是加强X的领导，二是研究解决ZZ问题。更多资料+微信:abc',
  '（一）压实责任',
  '要把工作落到实处,确保取得实效',
  '各项任务。',
].join('\n');

/**
 * Analyses, edits and reads everything of a transcript, as the server does for an open document.
 * The transcript is long enough for V8 to optimize the core's code: optimized code is where an
 * object's shape held on to the first document analysed.
 */
function useAndDrop(): WeakRef<TranscriptAnalyzer> {
  const analyzer = new TranscriptAnalyzer(`${SPEECH}\n`.repeat(1000), {
    config: resolveConfig({}, RULES),
    locale: 'en',
    rules: RULES,
  });
  for (const typed of ['的', '工作']) {
    const at = analyzer.text.indexOf('压实');
    analyzer.update(at, at, typed);
    const analysis = analyzer.analysis();
    for (const finding of analysis.findings) void finding.fixes;
    void analysis.outline;
  }
  return new WeakRef(analyzer);
}

test('an analyzer nothing holds any more is collected, with everything it analysed', async () => {
  const dropped = useAndDrop();
  // A WeakRef holds its target until the current job ends.
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  assert.equal(dropped.deref(), undefined, 'something in the core still holds the analyzer');
});
