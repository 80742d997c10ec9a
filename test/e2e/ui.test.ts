// UI checks: the packaged .vsix installed into code-server (a real VS Code workbench), driven
// with the keyboard and mouse through Debian's chromium, as a user would. Each step saves a
// screenshot under test-results/ui/ to look at.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { outline } from '../../server/src/core';
import { analyzeText } from '../support/fixtures';
import { flatten } from '../support/invariants';
import { type CodeServer, installExtension, startCodeServer, stateDirs } from './codeServer';
import { BROWSER_ARGS } from './runSuite';
import { CHROMIUM, ensureBrowser, ensureCodeServer, log, REPO_ROOT } from './setup';

const VSIX = path.join(REPO_ROOT, 'dist', 'speech-tidy.vsix');
const SHOTS = path.join(REPO_ROOT, 'test-results', 'ui');
const SAMPLE = '会议讲话.speech';
const TXT_SAMPLE = '述职报告.txt';
/**
 * Chinese in a language without defaults of its own (VS Code's plain text and Markdown turn
 * the ambiguous-character boxes off), to see what a transcript would look like without ours.
 */
const NOTE = 'note.json';
const PROMPTED = '待确认.txt';
const TABLE = '城市名录.speech';
/** A transcript with one problem, a half-width comma: the status bar's words for one. */
const ONE_PROBLEM = '一处问题.speech';

let server: CodeServer;
let browser: Browser;
let page: Page;
let workspace: string;
let stateDir: string;

const samplePath = () => path.join(workspace, SAMPLE);
const readSample = () => readFileSync(samplePath(), 'utf8');

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** F1, the command's title, Enter: how a user runs a command. */
async function runCommand(title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).waitFor();
  await page.keyboard.press('Enter');
}

/** Ctrl+P and the file's name. */
async function quickOpen(name: string): Promise<void> {
  await page.keyboard.press('Control+KeyP');
  await page.locator('.quick-input-widget input').fill(name);
  // Enter opens the highlighted entry, which lags behind the typing for a moment.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor();
}

async function goTo(line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+KeyG');
  await page.locator('.quick-input-widget input').fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
}

/** Scrolls to the line of the sample that holds a zero-width space (before Fix All). */
async function revealInvisibleCharacter(): Promise<void> {
  const line = readFileSync(path.join(REPO_ROOT, 'samples', SAMPLE), 'utf8')
    .split('\n')
    .findIndex((text) => text.includes('强化'));
  await page.locator('.monaco-editor .view-lines').first().click();
  await goTo(line + 1, 1);
  await page.waitForTimeout(300);
}

/**
 * Ctrl+S once the edit has reached the editor (its tab shows unsaved changes: a fix is applied
 * after the menu closes), then the text as saved on disk when the tab shows none.
 */
async function save(): Promise<string> {
  await page.locator('.tab.active.dirty').waitFor();
  await page.keyboard.press('Control+KeyS');
  await page.locator('.tab.active:not(.dirty)').waitFor();
  return readSample();
}

async function waitUntil(probe: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await page.waitForTimeout(200);
  }
}

/** The count on the Problems tab, as the user sees it. */
async function waitForProblemsBadge(count: number): Promise<void> {
  const badges = page.locator('.panel .composite-bar .badge-content');
  await waitUntil(
    async () => (await badges.allTextContents()).includes(String(count)),
    `the Problems badge to show ${count}`,
  );
}

function statusItem() {
  return page.locator('[id="speech-tidy.speech-tidy.speechTidy.status"]');
}

function hanCount(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}

/** The language server's process: the one running the installed extension's bundle. */
function serverPid(): number | undefined {
  const bundle = path.join(stateDirs(stateDir).extensionsDir, 'speech-tidy.speech-tidy-');
  const table = execFileSync('ps', ['-A', '-o', 'pid=,args='], { encoding: 'utf8' });
  const line = table.split('\n').find((row) => row.includes(bundle) && row.includes('server.js'));
  return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

describe('Speech Tidy in the VS Code workbench (code-server, packaged .vsix)', () => {
  before(async () => {
    ensureCodeServer();
    ensureBrowser();
    assert.ok(existsSync(VSIX), `${VSIX} is missing: npm run package`);
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    workspace = mkdtempSync(path.join(os.tmpdir(), 'speech-tidy-ui-'));
    for (const name of [SAMPLE, TXT_SAMPLE])
      copyFileSync(path.join(REPO_ROOT, 'samples', name), path.join(workspace, name));
    copyFileSync(path.join(REPO_ROOT, 'samples', TXT_SAMPLE), path.join(workspace, PROMPTED));
    writeFileSync(path.join(workspace, NOTE), '{ "date": "（2023年9月14日，根据录音整理）" }\n');
    // A table of Chinese words exported with half-width commas: 140,000 of them in Chinese text.
    const row = ['北京市', '上海市', '广州市', '深圳市', '杭州市', '南京市', '成都市', '武汉市'].join(',');
    writeFileSync(path.join(workspace, TABLE), `城市名录\n\n${`${row}\n`.repeat(20_000)}`);
    writeFileSync(
      path.join(workspace, ONE_PROBLEM),
      '植树动员会讲话\n\n今天我们召开动员会,部署春季植树工作。\n',
    );
    stateDir = mkdtempSync(path.join(os.tmpdir(), 'speech-tidy-ui-state-'));
    const { extensionsDir, userDataDir } = stateDirs(stateDir);
    installExtension(VSIX, extensionsDir, userDataDir);
    server = await startCodeServer(workspace, {
      stateDir,
      quiet: true,
      settings: {
        'workbench.colorTheme': 'Default Light Modern',
        'editor.minimap.enabled': false,
        'speechTidy.detectPlainText': 'prompt',
      },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: SAMPLE }).click();
    await statusItem().waitFor({ timeout: 60_000 });
  });

  // A menu left open by a failed step would swallow the next step's keys.
  beforeEach(async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    for (const folder of [workspace, stateDir]) if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('the status bar shows the transcript’s length in Chinese characters and its problem count', async () => {
    const text = readSample();
    const expected = analyzeText(text).findings.length;
    await waitUntil(
      async () => ((await statusItem().textContent()) ?? '').trim().endsWith(` ${expected}`),
      `the status bar to count ${expected} problems`,
    );
    const label = await statusItem().textContent();
    assert.match((label ?? '').trim(), new RegExp(`^${hanCount(text).toLocaleString('en')} 字`));
  });

  test('the Outline view lists the headings of the transcript in order', async () => {
    // More room for the outline: fold the file tree away, as a user would.
    await page.locator('.pane-header', { hasText: path.basename(workspace) }).click();
    await runCommand('Explorer: Focus on Outline View');
    const rows = page.locator('.pane-body .monaco-list-row[aria-label$=")"]');
    const expected = flatten(outline(analyzeText(readSample()).model)).map((node) => node.name);
    await rows.nth(expected.length - 1).waitFor();
    const shown = (
      await rows.evaluateAll((elements) => elements.map((e) => e.getAttribute('aria-label') ?? ''))
    )
      .map((label) => label.replace(/ \([^()]*\)$/, ''))
      .filter((label) => expected.includes(label));
    assert.deepEqual(shown, expected);
    assert.ok(expected.some((name) => name.startsWith('（二）提升政务服务水平')));
  });

  test('the Problems view lists the residue the website left', async () => {
    await runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    const findings = analyzeText(readSample()).findings;
    await waitForProblemsBadge(findings.length);
    const messages = await page
      .locator('.markers-panel .monaco-list-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
    for (const residue of ['全文阅读', '系列№3517', '2024年6月']) {
      assert.ok(
        messages.some((message) => message.includes(residue) && message.includes('speech-tidy')),
        `no problem about ${residue}`,
      );
    }
    await shot('01-outline-and-problems');
  });

  test('typing renames a heading in the Outline view and a half-width comma shows as a problem', async () => {
    const sample = readSample();
    const lines = sample.split('\n');
    const heading = lines.findIndex((text) => text.includes('（二）提升政务服务水平'));
    const paragraph = lines.findIndex((text) => text.includes('要坚持以群众'));
    const problems = analyzeText(sample).findings.length;
    await page.locator('.monaco-editor .view-lines').first().click();
    await goTo(heading + 1, lines[heading]!.indexOf('提升') + 1);
    await page.keyboard.type('全面');
    await goTo(paragraph + 1, lines[paragraph]!.indexOf('以群众') + 1);
    await page.keyboard.type(',');
    // The server revises the outline and the problems for the edited lines only: the renamed
    // heading and the one new problem must reach the views.
    const renamed = page.locator('.pane-body .monaco-list-row[aria-label^="（二）全面提升政务服务水平"]');
    await renamed.waitFor();
    await waitForProblemsBadge(problems + 1);
    await shot('01b-after-typing');
    // Undone, as a user would, for the tests after this one.
    const original = page.locator('.pane-body .monaco-list-row[aria-label^="（二）提升政务服务水平"]');
    for (let undo = 0; undo < 6 && (await original.count()) === 0; undo++) {
      await page.keyboard.press('Control+KeyZ');
      await page.waitForTimeout(500);
    }
    await original.waitFor();
    await waitForProblemsBadge(problems);
    assert.equal(readSample(), sample, 'the file on disk is as it was');
  });

  test('full-width punctuation is not boxed as ambiguous; the invisible character is highlighted', async () => {
    // Out of the box VS Code boxes （，） next to digits as ambiguous characters: the date line of
    // nearly every transcript...
    await quickOpen(NOTE);
    await waitUntil(
      async () => (await page.locator('.monaco-editor .cdr.unicode-highlight').count()) === 3,
      'VS Code to box the full-width punctuation of the date line in a JSON file',
    );
    await quickOpen(SAMPLE);
    await revealInvisibleCharacter();
    // ...but in a transcript, with that date line and many more numbers, only the U+200B in
    // “强化​数据赋能” is.
    assert.equal(await page.locator('.monaco-editor .cdr.unicode-highlight').count(), 1);
  });

  test('a quick fix chosen with Ctrl+. changes the text', async () => {
    const before = readSample();
    const lines = before.split('\n');
    const line = lines.findIndex((text) => text.includes('贯彻X中央'));
    const column = lines[line]!.indexOf('X中央') + 1;
    await page.locator('.monaco-editor .view-lines').first().click();
    await goTo(line + 1, column);
    await page.keyboard.press('Control+Period');
    const menu = page.locator('.action-widget');
    await menu.waitFor();
    await shot('02-quick-fix-menu');
    // Enter takes the highlighted action: the preferred fix, offered first.
    const chosen = (await menu.locator('.monaco-list-row.focused').textContent()) ?? '';
    assert.match(chosen, /Replace “X” with “党”/);
    await page.keyboard.press('Enter');
    const saved = await save();
    assert.equal(saved, before.replace('贯彻X中央', '贯彻党中央'));
  });

  test('“Speech Tidy: Fix All” leaves no residue', async () => {
    await runCommand('Speech Tidy: Fix All');
    const saved = await save();
    const remaining = analyzeText(saved).findings;
    assert.deepEqual(
      remaining.filter((finding) => finding.fixes.some((fix) => fix.safe)).map((finding) => finding.rule),
      [],
    );
    for (const residue of ['全文阅读', '更多资', '第 2 页', '\u200B', '公众号', '本文档由用户上传']) {
      assert.ok(!saved.includes(residue), `“${residue}” is still there`);
    }
    await waitForProblemsBadge(remaining.length);
    await revealInvisibleCharacter();
    assert.equal(await page.locator('.monaco-editor .cdr.unicode-highlight').count(), 0);
    await shot('03-after-fix-all');
  });

  test('asked first (detectPlainText "prompt"), “Always” switches a .txt transcript', async () => {
    await quickOpen(PROMPTED);
    const toast = page.locator('.notifications-toasts .notification-toast', {
      hasText: 'looks like a Chinese speech transcript',
    });
    await toast.waitFor();
    await page.waitForTimeout(500); // The toast slides in.
    await shot('04-detection-prompt');
    assert.equal(await page.locator('[id="status.editor.mode"]').textContent(), 'Plain Text');
    await toast.getByRole('button', { name: 'Always' }).click();
    await page.locator('[id="status.editor.mode"]', { hasText: 'Speech Transcript' }).waitFor();
  });

  test('after “Always”, a .txt transcript opens as a Speech Transcript straight away', async () => {
    await quickOpen(TXT_SAMPLE);
    await page.locator('[id="status.editor.mode"]', { hasText: 'Speech Transcript' }).waitFor();
    await statusItem().waitFor();
    await shot('05-detected-txt');
  });

  test('when the language server crashes, the user is told and it restarts', async () => {
    const crashed = serverPid();
    assert.ok(crashed, 'no language server process found');
    process.kill(crashed, 'SIGKILL');
    const toast = page.locator('.notifications-toasts .notification-toast', {
      hasText: 'stopped unexpectedly and has been restarted',
    });
    await toast.waitFor();
    await page.waitForTimeout(500); // The toast slides in.
    await shot('06-server-crashed');
    await waitUntil(async () => (serverPid() ?? crashed) !== crashed, 'a new server process');
    // Checked again: the status bar counts the transcript's problems once more.
    const expected = analyzeText(readFileSync(path.join(workspace, TXT_SAMPLE), 'utf8')).findings.length;
    await waitUntil(
      async () => ((await statusItem().textContent()) ?? '').trim().endsWith(` ${expected}`),
      `the status bar to count ${expected} problems again`,
    );
  });

  test('one problem is “1 problem” in the status bar’s hover and in what a screen reader says', async () => {
    await quickOpen(ONE_PROBLEM);
    await waitUntil(
      async () => ((await statusItem().textContent()) ?? '').trim().endsWith(' 1'),
      'the status bar to count 1 problem',
    );
    const spoken = await statusItem().evaluate(
      (item) =>
        item.getAttribute('aria-label') ?? item.querySelector('[aria-label]')?.getAttribute('aria-label'),
    );
    const length = hanCount(readFileSync(path.join(workspace, ONE_PROBLEM), 'utf8'));
    assert.equal(spoken, `${length} Chinese characters, 1 problem`);
    await statusItem().hover();
    await page
      .locator('.monaco-hover', { hasText: '1 problem found; click to open the Problems view' })
      .waitFor();
    await page.mouse.move(0, 0);
  });

  test('a file with more problems than are listed: the status bar shows 100,000+ and a warning counts them', async () => {
    await quickOpen(TABLE);
    await waitUntil(
      async () => ((await statusItem().textContent()) ?? '').trim().endsWith(' 100,000+'),
      'the status bar to show 100,000+ problems',
      120_000,
    );
    const count = analyzeText(readFileSync(path.join(workspace, TABLE), 'utf8')).findings.length;
    await page
      .locator('.notifications-toasts .notification-toast', {
        hasText: `found ${count.toLocaleString('en')} problems in ${TABLE}, too many to list: it lists the first 100,000`,
      })
      .waitFor();
    await page.waitForTimeout(500); // The toast slides in.
    await shot('07-too-many-problems');
    log('UI screenshots in test-results/ui/');
  });
});
