// The public surface of the analysis core. Nothing here imports LSP or VS Code.
export {
  type Analysis,
  type AnalyzeOptions as AnalysisOptions,
  analyze,
  type Finding,
  type Fix,
} from './analyze';
export { isRecord, type ResolvedConfig, resolveConfig, type SpeechTidySettings } from './config';
export { looksLikeSpeech } from './detect';
export { TranscriptAnalyzer } from './engine';
export { applyEdits, combineFixes, fixAllEdits, groupMembers, groupSize } from './fix';
export { hoverMarkdown } from './hover';
export { format, type Locale, type MessageArgs, toLocale } from './l10n';
export type { Block, BlockKind, Heading, Transcript } from './model';
export { type FoldingRegion, foldingRegions, type OutlineNode, outline } from './outline';
export { parse } from './parse';
export type { Edit, Rule, Severity, SeveritySetting } from './rule';
export { RULES } from './rules';
export { LineIndex, partitionPoint } from './text';
