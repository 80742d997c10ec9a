// The entry point of the core for a whole text: the server, the CLI and the tests all call
// `analyze` (or keep a `TranscriptAnalyzer` to follow edits), so they never disagree.
import { type Analysis, type AnalysisOptions, TranscriptAnalyzer } from './engine';
import { RULES } from './rules';

export type { Analysis, Finding, Fix } from './engine';

export interface AnalyzeOptions extends Omit<AnalysisOptions, 'rules'> {
  readonly rules?: AnalysisOptions['rules'];
}

export function analyze(text: string, options: AnalyzeOptions): Analysis {
  return new TranscriptAnalyzer(text, { ...options, rules: options.rules ?? RULES }).analysis();
}
