// Settings as users write them (VS Code settings or `.speech-tidy.json`), validated and compiled
// once per change. User patterns run on RE2 semantics (re2js), which matches in linear time,
// so no pattern a workspace ships can hang the server.
import { RE2JS } from 're2js';
import type { Rule, SeveritySetting } from './rule';
import { gappedPhraseSource } from './text';

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

function regexMatcher(source: string, body: string, flags: string): PhraseMatcher {
  const compiled = RE2JS.compile(body, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
  return {
    source,
    *matches(text) {
      const matcher = compiled.matcher(text);
      while (matcher.find()) {
        if (matcher.end() > matcher.start()) yield { start: matcher.start(), end: matcher.end() };
      }
    },
  };
}

function compilePhrases(values: unknown, setting: string, problems: string[]): PhraseMatcher[] {
  if (values === undefined) return [];
  if (!Array.isArray(values)) {
    problems.push(`${setting}: expected a list of strings`);
    return [];
  }
  const matchers: PhraseMatcher[] = [];
  for (const value of values) {
    if (typeof value !== 'string' || value.trim().length === 0) {
      problems.push(`${setting}: ignored an entry that is not a non-empty string`);
      continue;
    }
    if (value.length > MAX_PATTERN_LENGTH) {
      problems.push(`${setting}: ignored an entry longer than ${MAX_PATTERN_LENGTH} characters`);
      continue;
    }
    const regex = /^\/(.+)\/([i]*)$/s.exec(value);
    try {
      matchers.push(regex ? regexMatcher(value, regex[1]!, regex[2]!) : literalMatcher(value));
    } catch (error) {
      problems.push(`${setting}: ignored ${JSON.stringify(value)}: ${(error as Error).message}`);
    }
  }
  return matchers;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function resolveConfig(settings: unknown, rules: readonly Rule[]): ResolvedConfig {
  const problems: string[] = [];
  const source = isRecord(settings) ? settings : {};
  const severities = new Map<string, SeveritySetting>(rules.map((rule) => [rule.id, rule.defaultSeverity]));
  if (source.rules !== undefined) {
    if (!isRecord(source.rules)) problems.push('rules: expected an object of rule ids and severities');
    else {
      for (const [id, value] of Object.entries(source.rules)) {
        if (!severities.has(id)) problems.push(`rules: unknown rule "${id}"`);
        else if (!SEVERITIES.includes(value as SeveritySetting))
          problems.push(`rules.${id}: expected one of ${SEVERITIES.join(', ')}`);
        else severities.set(id, value as SeveritySetting);
      }
    }
  }
  const placeholderMappings = new Map<string, string>();
  if (source.placeholderMappings !== undefined) {
    if (!isRecord(source.placeholderMappings))
      problems.push('placeholderMappings: expected an object of placeholders and expansions');
    else {
      for (const [token, expansion] of Object.entries(source.placeholderMappings)) {
        if (!/^[A-Za-z]{1,8}$/.test(token) || typeof expansion !== 'string' || expansion.length === 0)
          problems.push(`placeholderMappings: ignored "${token}": a placeholder is 1 to 8 Latin letters`);
        else placeholderMappings.set(token, expansion);
      }
    }
  }
  return {
    severities,
    watermarkPhrases: compilePhrases(source.watermarkPhrases, 'watermarkPhrases', problems),
    placeholderMappings,
    ignoredPhrases: compilePhrases(source.ignoredPhrases, 'ignoredPhrases', problems),
    problems,
  };
}
