// manifest.test.ts checks that every l10n.t('…') literal has a Chinese translation. It can only
// see what it can read: a message written as a template literal, in double quotes or built at
// run time would reach a Chinese user in English with no test failing. This file closes that gap,
// and checks the manifest strings VS Code shows outside the settings and the command palette.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/fixtures';

const readJson = (file: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8'));

test('every l10n.t() call in the client takes a single-quoted literal the bundle can be checked against', () => {
  const sourceDir = path.join(REPO_ROOT, 'client/src');
  const unreadable: string[] = [];
  let calls = 0;
  for (const file of readdirSync(sourceDir).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(path.join(sourceDir, file), 'utf8');
    for (const match of source.matchAll(/\bl10n\.t\(\s*(.)/g)) {
      calls += 1;
      if (match[1] !== "'") {
        const line = source.slice(0, match.index).split('\n').length;
        unreadable.push(`${file}:${line}`);
      }
    }
  }
  assert.ok(calls > 10, `only ${calls} l10n.t() calls found`);
  assert.deepEqual(unreadable, []);
});

test('the bundle keeps every {n} argument of its message', () => {
  const bundle: Record<string, string> = readJson('client/l10n/bundle.l10n.zh-cn.json');
  const args = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((match) => match[0]).sort();
  for (const [english, chinese] of Object.entries(bundle)) {
    assert.deepEqual(args(chinese), args(english), english);
    assert.match(chinese, /\p{Script=Han}/u, english);
  }
});

test('the manifest translations keep every {n} argument and #setting# link', () => {
  const en: Record<string, string> = readJson('package.nls.json');
  const zh: Record<string, string> = readJson('package.nls.zh-cn.json');
  // `code` is not compared: the Chinese rightly writes `/模式/` where the English has `/pattern/`.
  const references = (text: string) => [...text.matchAll(/#[\w.]+#|\{\d+\}/g)].map((m) => m[0]).sort();
  for (const [key, english] of Object.entries(en)) {
    const chinese = zh[key] ?? '';
    assert.match(chinese, /\p{Script=Han}/u, key);
    assert.deepEqual(references(chinese), references(english), key);
  }
});

test("the language's name and the extension's description are translated", () => {
  const manifest = readJson('package.json');
  const [language] = manifest.contributes.languages;
  assert.match(language.aliases[0], /^%[\w.-]+%$/, 'the name VS Code shows is aliases[0]');
  assert.match(manifest.description, /^%[\w.-]+%$/);
});
