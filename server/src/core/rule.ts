import type { ResolvedConfig } from './config';
import type { Localized, MessageArgs } from './l10n';
import type { Transcript } from './model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** One replacement in the analysed text, in UTF-16 offsets. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface FixProposal<K extends string> {
  readonly title: K;
  readonly args?: MessageArgs;
  readonly edits: readonly Edit[];
  /**
   * Safe fixes are decided by the text alone: they are preferred in the editor and applied by
   * fix-all. Others are offered as alternatives for a person to choose.
   */
  readonly safe: boolean;
  /** Fixes sharing a group (the same placeholder and expansion) can be applied together. */
  readonly group?: string;
}

export interface Report<K extends string> {
  readonly start: number;
  readonly end: number;
  readonly message: K;
  readonly args?: MessageArgs;
  readonly fixes?: readonly FixProposal<K>[];
}

export interface RuleContext {
  readonly model: Transcript;
  readonly config: ResolvedConfig;
}

export interface Rule<K extends string = string> {
  /** Public: users configure rules by this id, and it is each diagnostic's `code`. */
  readonly id: string;
  readonly description: Localized;
  readonly defaultSeverity: Severity;
  /** Whether any of its findings carries an automatic fix. */
  readonly fixable: boolean;
  readonly messages: Readonly<Record<K, Localized>>;
  check(context: RuleContext, report: (finding: Report<K>) => void): void;
}

/** Ties a rule's message keys to its catalogue, so a typo in a key fails to compile. */
export function defineRule<K extends string>(rule: Rule<K>): Rule<K> {
  return rule;
}
