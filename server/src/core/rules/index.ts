import type { Rule } from '../rule';
import { brokenLine } from './broken-line';
import { doubledPunctuation } from './doubled-punctuation';
import { halfwidthPunctuation } from './halfwidth-punctuation';
import { headingMark } from './heading-mark';
import { headingNumbering } from './heading-numbering';
import { htmlMarkup } from './html-markup';
import { invisibleChar } from './invisible-char';
import { placeholder } from './placeholder';
import { spaceBetweenChinese } from './space-between-chinese';
import { templatePlaceholder } from './template-placeholder';
import { truncated } from './truncated';
import { unbalancedPair } from './unbalanced-pair';
import { watermark } from './watermark';

/**
 * Every rule, in the order their fixes win when two would touch the same text: removing a
 * watermark or joining a broken line takes whatever lies inside it along. The document passes
 * run in this order too: halfwidth-punctuation reads the lines broken-line's pass joins.
 */
export const RULES: readonly Rule[] = [
  watermark,
  brokenLine,
  truncated,
  invisibleChar,
  htmlMarkup,
  placeholder,
  templatePlaceholder,
  doubledPunctuation,
  spaceBetweenChinese,
  halfwidthPunctuation,
  headingNumbering,
  headingMark,
  unbalancedPair,
];
