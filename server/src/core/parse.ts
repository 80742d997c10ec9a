// Parsing is the engine run without rules: line facts, then the document's structure.

import { resolveConfig } from './config';
import { TranscriptAnalyzer } from './engine';
import type { Transcript } from './model';

const noRules = { config: resolveConfig({}, []), locale: 'en', rules: [] } as const;

export function parse(text: string): Transcript {
  return new TranscriptAnalyzer(text, noRules).analysis().model;
}
