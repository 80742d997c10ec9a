// Settings as users write them (VS Code settings or `.speech-tidy.json`), validated and compiled
// once per change. User patterns run on RE2 semantics (re2js), which matches in linear time,
// so no pattern a workspace ships can hang the server.
import { RE2JS } from 're2js';
import { format, type Locale, type MessageArgs } from './l10n';
import type { Rule, SeveritySetting } from './rule';
import { gappedPhraseSource, withoutInvisible } from './text';

export interface SpeechTidySettings {
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  readonly watermarkPhrases?: readonly string[];
  readonly placeholderMappings?: Readonly<Record<string, string>>;
  readonly ignoredPhrases?: readonly string[];
}

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** A phrase or pattern of the user's: `/.../` is a regular expression, anything else a literal. */
export interface PhraseMatcher {
  readonly source: string;
  matches(text: string): Iterable<TextRange>;
}

export interface ResolvedConfig {
  readonly severities: ReadonlyMap<string, SeveritySetting>;
  readonly watermarkPhrases: readonly PhraseMatcher[];
  /** Extra censorship placeholders: the Latin token and what it stands for. */
  readonly placeholderMappings: ReadonlyMap<string, string>;
  readonly ignoredPhrases: readonly PhraseMatcher[];
  /** What was wrong with the settings, for the user to see; the rest still applies. */
  readonly problems: readonly string[];
}

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/** What can be wrong with a setting; the setting's name stays as the user wrote it. */
const PROBLEMS = {
  notList: { en: '{setting}: expected a list of strings', 'zh-cn': '{setting}：应为字符串列表' },
  notText: {
    en: '{setting}: ignored an entry that is not a non-empty string',
    'zh-cn': '{setting}：忽略了一项不是非空字符串的内容',
  },
  tooLong: {
    en: '{setting}: ignored an entry longer than {limit} characters',
    'zh-cn': '{setting}：忽略了一项超过 {limit} 个字符的内容',
  },
  badPattern: {
    en: '{setting}: ignored {value}: {reason}',
    'zh-cn': '{setting}：忽略了 {value}（{reason}）',
  },
  rulesNotObject: {
    en: 'rules: expected an object of rule ids and severities',
    'zh-cn': 'rules：应为“规则 id: 严重程度”形式的对象',
  },
  unknownRule: { en: 'rules: unknown rule "{id}"', 'zh-cn': 'rules：没有名为“{id}”的规则' },
  badSeverity: { en: 'rules.{id}: expected one of {allowed}', 'zh-cn': 'rules.{id}：只能取 {allowed} 之一' },
  mappingsNotObject: {
    en: 'placeholderMappings: expected an object of placeholders and expansions',
    'zh-cn': 'placeholderMappings：应为“占位符: 原词”形式的对象',
  },
  badMapping: {
    en: 'placeholderMappings: ignored "{token}": a placeholder is 1 to 8 Latin letters',
    'zh-cn': 'placeholderMappings：忽略了“{token}”，占位符应为 1 到 8 个拉丁字母',
  },
} as const;
const MAX_PATTERN_LENGTH = 500;

function literalMatcher(phrase: string): PhraseMatcher {
  const pattern = new RegExp(gappedPhraseSource(phrase), 'gu');
  return {
    source: phrase,
    *matches(text) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        yield { start: match.index, end: match.index + match[0].length };
      }
    },
  };
}

/**
 * A pattern is matched on the text as it reads, without its zero-width characters, as a phrase
 * is matched across them: sites slip them into phrases, and fix-all removes them, after which the
 * same pattern must find the same (`ZZ.{0,2}` reaches one character further once a zero-width
 * space before it has gone).
 */
function regexMatcher(source: string, body: string, flags: string): PhraseMatcher {
  const compiled = RE2JS.compile(body, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
  return {
    source,
    *matches(text) {
      const seen = withoutInvisible(text, 0, text.length);
      const matcher = compiled.matcher(seen.visible);
      while (matcher.find()) {
        if (matcher.end() > matcher.start())
          yield { start: seen.offsetOf(matcher.start()), end: seen.offsetOf(matcher.end() - 1) + 1 };
      }
    },
  };
}

function compilePhrases(values: unknown, setting: string, problem: Problem): PhraseMatcher[] {
  if (values === undefined) return [];
  if (!Array.isArray(values)) {
    problem('notList', { setting });
    return [];
  }
  const matchers: PhraseMatcher[] = [];
  for (const value of values) {
    if (typeof value !== 'string' || value.trim().length === 0) {
      problem('notText', { setting });
      continue;
    }
    if (value.length > MAX_PATTERN_LENGTH) {
      problem('tooLong', { setting, limit: MAX_PATTERN_LENGTH });
      continue;
    }
    const regex = /^\/(.+)\/([i]*)$/s.exec(value);
    try {
      matchers.push(regex ? regexMatcher(value, regex[1]!, regex[2]!) : literalMatcher(value));
    } catch (error) {
      problem('badPattern', { setting, value: JSON.stringify(value), reason: (error as Error).message });
    }
  }
  return matchers;
}

/** A JSON object: what settings, a configuration file and a protocol message must be. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Problem = (key: keyof typeof PROBLEMS, args: MessageArgs) => void;

/** Validates and compiles settings; what is wrong is described in `locale` and left out. */
export function resolveConfig(
  settings: unknown,
  rules: readonly Rule[],
  locale: Locale = 'en',
): ResolvedConfig {
  const problems: string[] = [];
  const problem: Problem = (key, args) => problems.push(format(PROBLEMS[key], locale, args));
  const source = isRecord(settings) ? settings : {};
  const severities = new Map<string, SeveritySetting>(rules.map((rule) => [rule.id, rule.defaultSeverity]));
  if (source.rules !== undefined) {
    if (!isRecord(source.rules)) problem('rulesNotObject', {});
    else {
      for (const [id, value] of Object.entries(source.rules)) {
        if (!severities.has(id)) problem('unknownRule', { id });
        else if (!SEVERITIES.includes(value as SeveritySetting))
          problem('badSeverity', { id, allowed: SEVERITIES.join(', ') });
        else severities.set(id, value as SeveritySetting);
      }
    }
  }
  const placeholderMappings = new Map<string, string>();
  if (source.placeholderMappings !== undefined) {
    if (!isRecord(source.placeholderMappings)) problem('mappingsNotObject', {});
    else {
      for (const [token, expansion] of Object.entries(source.placeholderMappings)) {
        if (!/^[A-Za-z]{1,8}$/.test(token) || typeof expansion !== 'string' || expansion.length === 0)
          problem('badMapping', { token });
        else placeholderMappings.set(token, expansion);
      }
    }
  }
  return {
    severities,
    watermarkPhrases: compilePhrases(source.watermarkPhrases, 'watermarkPhrases', problem),
    placeholderMappings,
    ignoredPhrases: compilePhrases(source.ignoredPhrases, 'ignoredPhrases', problem),
    problems,
  };
}
