// The grammar colours what the language server reports. It sees one line at a time and no
// context, so these tests hold it to the core on whole transcripts: everything the core finds
// or recognises in the fixtures and samples is coloured accordingly, and clean transcripts show
// no error colours at all. Tokenized with the vscode-textmate and Oniguruma versions VS Code
// 1.100 ships.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { type IGrammar, INITIAL, parseRawGrammar, Registry } from 'vscode-textmate';
import type { BlockKind } from '../../server/src/core';
import { NAMED_REFERENCES, TAG_NAMES } from '../../server/src/core/markup';
import { OFFICES } from '../../server/src/core/structure';
import { analyzeText, REPO_ROOT } from '../support/fixtures';

async function loadGrammar(): Promise<IGrammar> {
  const wasm = readFileSync(path.join(REPO_ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const grammarPath = path.join(REPO_ROOT, 'syntaxes/speech.tmLanguage.json');
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () => parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath),
  });
  const grammar = await registry.loadGrammar('text.speech');
  assert.ok(grammar, 'the grammar does not load');
  return grammar;
}

/** The scopes of every UTF-16 code unit of `text`, as VS Code would colour it. */
function scopesPerChar(grammar: IGrammar, text: string): string[][] {
  const result: string[][] = [];
  let stack = INITIAL;
  for (const line of text.split(/\r?\n/)) {
    const { tokens, ruleStack } = grammar.tokenizeLine(line, stack);
    stack = ruleStack;
    for (const token of tokens) {
      for (let i = token.startIndex; i < Math.min(token.endIndex, line.length); i++)
        result.push(token.scopes);
    }
    // Line breaks carry no colour.
    result.push([]);
    if (text.includes('\r\n')) result.push([]);
  }
  return result;
}

const transcripts = [
  ...readdirSync(path.join(REPO_ROOT, 'test/fixtures')).map((name) => `test/fixtures/${name}`),
  ...readdirSync(path.join(REPO_ROOT, 'samples')).map((name) => `samples/${name}`),
].filter((name) => /\.(speech|txt)$/.test(name));

/** What the core reports, and the scope a theme must colour it with. */
const FINDING_SCOPES: Readonly<Record<string, string>> = {
  watermark: 'invalid.illegal.watermark',
  placeholder: 'invalid.deprecated.placeholder',
  'template-placeholder': 'invalid.deprecated.template-slot',
  'invisible-char': 'invalid.illegal.invisible',
  'html-markup': 'invalid.illegal.markup',
};

const BLOCK_SCOPES: Partial<Record<BlockKind, string>> = {
  title: 'markup.heading.title',
  subtitle: 'markup.heading.subtitle',
  date: 'meta.date',
};

/** The text as VS Code shows it: it drops the byte order mark when it reads a file. */
function read(name: string): string {
  return readFileSync(path.join(REPO_ROOT, name), 'utf8').replace(/^\uFEFF/, '');
}

const has = (scopes: readonly string[] | undefined, prefix: string) =>
  (scopes ?? []).some((scope) => scope.startsWith(prefix));

describe('speech.tmLanguage.json against the core', async () => {
  const grammar = await loadGrammar();

  for (const name of transcripts) {
    test(`colours what the core finds in ${name}`, () => {
      const text = read(name);
      const scopes = scopesPerChar(grammar, text);
      const { findings, model } = analyzeText(text);
      const missed: string[] = [];
      for (const finding of findings) {
        const scope = FINDING_SCOPES[finding.rule];
        if (!scope) continue;
        for (let i = finding.start; i < finding.end; i++) {
          // Blanks around a removed line, and the line break itself, are not coloured.
          if (/\s/.test(text[i]!) && finding.rule !== 'invisible-char') continue;
          if (!has(scopes[i], scope)) {
            missed.push(`${finding.rule} “${text.slice(finding.start, finding.end)}” at ${i}`);
            break;
          }
        }
      }
      for (const block of model.blocks) {
        const { start, end } = block.line;
        const first = start + (text.slice(start, end).search(/\S/) || 0);
        const expected = block.heading ? `markup.heading.${block.heading.level}` : BLOCK_SCOPES[block.kind];
        if (expected && !has(scopes[first], expected)) {
          missed.push(`${block.kind} “${text.slice(start, end)}” is not ${expected}`);
        }
      }
      assert.deepEqual(missed, []);
    });
  }

  test('colours a byline after every office the core knows as the speaker, however the name is set', () => {
    const bylines = OFFICES.flatMap((office) =>
      ['王某某', '王  明', '艾尔肯·吐尼亚孜'].map((name) => `${office} ${name}`),
    );
    const uncoloured = bylines.filter((byline) => {
      const scopes = scopesPerChar(grammar, `在全县工作会议上的讲话\n${byline}\n`);
      return !has(scopes['在全县工作会议上的讲话\n'.length], 'entity.other.speaker');
    });
    assert.deepEqual(uncoloured, []);
  });

  test('colours every character reference and tag the core knows as HTML, as the core finds it', () => {
    const tags = TAG_NAMES.flatMap((name) => (name === 'h[1-6]' ? ['h1', 'h6'] : [name]));
    const markups = [
      ...Object.keys(NAMED_REFERENCES).map((name) => `&${name};`),
      '&#8220;',
      '&#x201C;',
      '<!-- 正文 -->',
      ...tags.flatMap((tag) => [`<${tag}>`, `</${tag.toUpperCase()}>`, `<${tag} class="x"/>`]),
    ];
    const head = '在全县工作会议上的讲话\n同志们：\n今天';
    const missed = markups.filter((markup) => {
      const text = `${head}${markup}开会。\n`;
      const coloured = has(scopesPerChar(grammar, text)[head.length], 'invalid.illegal.markup');
      const found = analyzeText(text).findings.some(
        (finding) => finding.rule === 'html-markup' && finding.start === head.length,
      );
      return !coloured || !found;
    });
    assert.deepEqual(missed, []);
  });

  for (const name of transcripts) {
    test(`shows error colours in ${name} only where the core finds something`, () => {
      const text = read(name);
      const scopes = scopesPerChar(grammar, text);
      const { findings } = analyzeText(text);
      const found = (i: number) => findings.some((finding) => finding.start <= i && i < finding.end);
      const falseAlarms: string[] = [];
      for (let i = 0; i < text.length; i++) {
        if (has(scopes[i], 'invalid.') && !found(i))
          falseAlarms.push(`“${text.slice(i - 6, i + 6)}” at ${i}`);
      }
      assert.deepEqual(falseAlarms, []);
    });
  }
});
