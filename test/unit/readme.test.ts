// README.zh-CN.md is README.md in Chinese, section for section. Prose cannot be compared across
// languages, but the skeleton can: headings, code blocks, tables, links, and the names a reader
// types (rule ids, settings). When README.md gains a section, a row or an example, this fails and
// says where, until the Chinese catches up.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { RULES } from '../../server/src/core';
import { REPO_ROOT } from '../support/fixtures';

const read = (name: string) => readFileSync(path.join(REPO_ROOT, name), 'utf8');
const english = read('README.md');
const chinese = read('README.zh-CN.md');

interface Skeleton {
  /** `##` for a second-level heading, and so on, in order. */
  readonly headings: string[];
  /** The headings as written, to name the section where the two differ. */
  readonly titles: string[];
  /** The info string of each fenced code block (`sh`, `jsonc`, …), in order. */
  readonly codeBlocks: string[];
  /** The number of rows of each table, header included, in order. */
  readonly tables: number[];
  /** Link and image targets outside code blocks, in order. */
  readonly links: string[];
}

function skeleton(markdown: string): Skeleton {
  const headings: string[] = [];
  const titles: string[] = [];
  const codeBlocks: string[] = [];
  const tables: number[] = [];
  const prose: string[] = [];
  let fence: string | undefined;
  let inTable = false;
  for (const line of markdown.split('\n')) {
    const fenceMark = /^(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      if (fenceMark && fenceMark[1]!.startsWith(fence)) fence = undefined;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark[1]!;
      codeBlocks.push(fenceMark[2]!.trim());
      inTable = false;
      continue;
    }
    prose.push(line);
    const heading = /^(#{1,6})\s/.exec(line);
    if (heading) {
      headings.push(heading[1]!);
      titles.push(line);
    }
    const isRow = /^\s*\|.*\|\s*$/.test(line);
    if (isRow && !/^\s*\|[\s:|-]+\|\s*$/.test(line)) {
      if (inTable) tables[tables.length - 1]! += 1;
      else tables.push(1);
    }
    inTable = isRow;
  }
  const links = [...prose.join('\n').matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
  return { headings, titles, codeBlocks, tables, links };
}

describe('README.zh-CN.md keeps in step with README.md', () => {
  const en = skeleton(english);
  const zh = skeleton(chinese);

  test('each links to the other at the top', () => {
    const top = (markdown: string) => markdown.split('\n').slice(0, 5).join('\n');
    assert.match(top(english), /\]\(README\.zh-CN\.md\)/);
    assert.match(top(chinese), /\]\(README\.md\)/);
  });

  test('the same headings at the same levels, in the same order', () => {
    assert.ok(en.headings.length > 10, 'README.md has its sections');
    assert.deepEqual(
      zh.headings,
      en.headings,
      `README.md:\n  ${en.titles.join('\n  ')}\nREADME.zh-CN.md:\n  ${zh.titles.join('\n  ')}`,
    );
  });

  test('the same code blocks, of the same languages, in the same order', () => {
    assert.deepEqual(zh.codeBlocks, en.codeBlocks);
  });

  test('the same tables, with as many rows', () => {
    assert.deepEqual(zh.tables, en.tables);
  });

  test('the same links and images, apart from the link to each other', () => {
    const others = (links: string[]) => links.filter((link) => !/^README(\.zh-CN)?\.md$/.test(link));
    assert.deepEqual(others(zh.links), others(en.links));
  });

  test('every rule id README.md mentions is in README.zh-CN.md', () => {
    const mentioned = RULES.map((rule) => rule.id).filter((id) => english.includes(`\`${id}\``));
    assert.equal(mentioned.length, RULES.length, 'README.md names every rule');
    assert.deepEqual(
      mentioned.filter((id) => !chinese.includes(`\`${id}\``)),
      [],
    );
  });

  test('every speechTidy.* setting README.md mentions is in README.zh-CN.md', () => {
    const settings = (markdown: string) => new Set(markdown.match(/speechTidy\.[A-Za-z]+(?:\.[A-Za-z]+)*/g));
    const mentioned = [...settings(english)];
    assert.ok(mentioned.length >= 7, `only ${mentioned.join(', ')}`);
    const translated = settings(chinese);
    assert.deepEqual(
      mentioned.filter((setting) => !translated.has(setting)),
      [],
    );
  });

  test('every command and option README.md shows is in README.zh-CN.md', () => {
    // Command-line options and npm scripts are typed as written: a translation must keep them.
    const names = (markdown: string) =>
      new Set(markdown.match(/(?<![\w-])--[a-z][\w-]*|npm (?:run )?[a-z][\w:-]*|source\.fixAll\.speech/g));
    const translated = names(chinese);
    assert.deepEqual(
      [...names(english)].filter((name) => !translated.has(name)),
      [],
    );
  });
});
