// What VS Code reads from the manifest before any code runs: a missing translation shows the
// user a raw `%key%`, a rule missing from the settings cannot be configured from the UI.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../server/src/core';
import { REPO_ROOT } from '../support/fixtures';

const readJson = (file: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8'));
const manifest = readJson('package.json');
const nls: Record<string, Record<string, string>> = {
  en: readJson('package.nls.json'),
  'zh-cn': readJson('package.nls.zh-cn.json'),
};

test('the rules setting lists every rule with its default severity', () => {
  const rules = manifest.contributes.configuration.properties['speechTidy.rules'];
  assert.deepEqual(
    Object.keys(rules.properties),
    RULES.map((rule) => rule.id),
  );
  for (const rule of RULES) assert.equal(rules.properties[rule.id].default, rule.defaultSeverity, rule.id);
  // The generator writes the descriptions too; this is what catches an edited rule text.
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/sync-manifest.mjs'), '--check'], {
    stdio: 'pipe',
  });
});

test('every %key% of the manifest is translated, in English and Chinese', () => {
  const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]!);
  assert.ok(keys.length > 10);
  for (const [locale, strings] of Object.entries(nls)) {
    assert.deepEqual(
      keys.filter((key) => !(key in strings)),
      [],
      `missing in package.nls${locale === 'en' ? '' : `.${locale}`}.json`,
    );
  }
  assert.deepEqual(Object.keys(nls['zh-cn']!).sort(), Object.keys(nls.en!).sort());
});

test('every message of the client has a Chinese translation, and no translation is stale', () => {
  const sourceDir = path.join(REPO_ROOT, 'client/src');
  const used = new Set<string>();
  for (const file of readdirSync(sourceDir)) {
    const source = readFileSync(path.join(sourceDir, file), 'utf8');
    for (const match of source.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(match[1]!);
  }
  const bundle = readJson(path.join(manifest.l10n, 'bundle.l10n.zh-cn.json'));
  assert.deepEqual([...used].filter((message) => !(message in bundle)).sort(), []);
  assert.deepEqual(
    Object.keys(bundle)
      .filter((message) => !used.has(message))
      .sort(),
    [],
  );
});

test('every command has a title in the Speech Tidy category', () => {
  const commands: { command: string; category: string }[] = manifest.contributes.commands;
  assert.deepEqual(commands.map((command) => command.command).sort(), [
    'speechTidy.fixAll',
    'speechTidy.restartServer',
    'speechTidy.showOutput',
    'speechTidy.treatAsSpeech',
  ]);
  for (const command of commands) assert.equal(command.category, 'Speech Tidy');
});

test('workspace settings that carry patterns or replacements are restricted in untrusted workspaces', () => {
  const { untrustedWorkspaces } = manifest.capabilities;
  assert.equal(untrustedWorkspaces.supported, 'limited');
  assert.deepEqual([...untrustedWorkspaces.restrictedConfigurations].sort(), [
    'speechTidy.ignoredPhrases',
    'speechTidy.placeholderMappings',
    'speechTidy.watermarkPhrases',
  ]);
});
