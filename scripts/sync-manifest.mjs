// Writes what the extension manifest says about rules (the `speechTidy.rules` setting and its
// localized descriptions) from the rules themselves, so that adding or renaming a rule in the
// core cannot leave VS Code's settings UI behind. `--check` only reports drift (tests run it).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

const bundle = await build({
  entryPoints: [path.join(root, 'server/src/core/rules/index.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', bundle.outputFiles[0].text)(
  module,
  module.exports,
  createRequire(import.meta.url),
);
const { RULES } = module.exports;

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];
const key = (id) => `speechTidy.rules.${id}.description`;

function rulesSetting(current) {
  return {
    ...current,
    type: 'object',
    default: Object.fromEntries(RULES.map((rule) => [rule.id, rule.defaultSeverity])),
    properties: Object.fromEntries(
      RULES.map((rule) => [
        rule.id,
        {
          type: 'string',
          enum: SEVERITIES,
          default: rule.defaultSeverity,
          markdownDescription: `%${key(rule.id)}%`,
        },
      ]),
    ),
    additionalProperties: false,
  };
}

const files = [
  {
    file: 'package.json',
    update(json) {
      const properties = json.contributes.configuration.properties;
      properties['speechTidy.rules'] = rulesSetting(properties['speechTidy.rules']);
      return json;
    },
  },
  ...[
    ['package.nls.json', 'en'],
    ['package.nls.zh-cn.json', 'zh-cn'],
  ].map(([file, locale]) => ({
    file,
    update(json) {
      for (const name of Object.keys(json)) {
        if (name.startsWith('speechTidy.rules.') && name !== 'speechTidy.rules.description')
          delete json[name];
      }
      for (const rule of RULES) {
        const fixable = rule.fixable ? { en: ' (fixable)', 'zh-cn': '（可自动修复）' }[locale] : '';
        json[key(rule.id)] = `${rule.description[locale]}${fixable}`;
      }
      return json;
    },
  })),
];

let stale = 0;
for (const { file, update } of files) {
  const target = path.join(root, file);
  const before = JSON.parse(readFileSync(target, 'utf8'));
  const after = update(structuredClone(before));
  if (isDeepStrictEqual(before, after)) continue;
  stale += 1;
  if (check) {
    console.error(`${file} does not match the rules in server/src/core/rules.`);
    continue;
  }
  writeFileSync(target, `${JSON.stringify(after, null, 2)}\n`);
  execFileSync(path.join(root, 'node_modules/.bin/biome'), ['format', '--write', target], {
    stdio: 'pipe',
  });
}
if (check && stale > 0) {
  console.error('Run `npm run sync-manifest` and commit the result.');
  process.exit(1);
}
