// The extension in a real VS Code, driven through the `vscode` API as a user's actions would:
// open files, ask for the outline and fixes, save, change settings, run the commands.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { GBK_SPEECH } from '../workspace';
import {
  coveredText,
  current,
  EXTENSION_ID,
  open,
  REPO_ROOT,
  republishedAfterRestart,
  rulesOf,
  serverPid,
  setSetting,
  speechDiagnostics,
  waitFor,
  waitForDiagnostics,
  workspaceFile,
} from './helpers';

const FIX_ALL = 'source.fixAll.speech';
const readRepo = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('activation', () => {
  it('starts no language server until a transcript is opened, then checks a .speech file', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    // VS Code creates plain-text models of its own at startup, so onLanguage:plaintext (needed
    // to detect .txt transcripts) may activate the extension early: that must stay cheap.
    assert.equal(serverPid(), undefined, 'a language server runs before any transcript was opened');

    const editor = await open('会议讲话.speech');
    assert.equal(editor.document.languageId, 'speech');
    await waitFor(() => extension.isActive, 'the extension to activate');
    const diagnostics = await waitForDiagnostics(editor.document.uri);
    assert.ok(diagnostics.length > 10, `only ${diagnostics.length} diagnostics`);
  });

  it('switches a .txt transcript to the speech language and checks it', async () => {
    const uri = workspaceFile('述职报告.txt');
    await open('述职报告.txt');
    await waitFor(() => current(uri)?.languageId === 'speech', '述职报告.txt to become speech');
    const diagnostics = await waitForDiagnostics(uri);
    const document = current(uri)!;
    assert.ok(
      diagnostics.some((d) => d.code === 'watermark' && coveredText(document, d) === '更多资料加微信'),
    );
  });

  it('switches an untitled editor once a transcript is pasted into it', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), readRepo('samples/述职报告.txt')));
    await waitFor(
      () => current(document.uri)?.languageId === 'speech',
      'the pasted transcript to become speech',
    );
    await waitForDiagnostics(document.uri, 'diagnostics on the pasted transcript');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('leaves plain text that is no transcript alone', async () => {
    const uri = workspaceFile('shopping-list.txt');
    await open('shopping-list.txt');
    await sleep(1500);
    assert.equal(current(uri)?.languageId, 'plaintext');
  });
});

describe('outline', () => {
  it('lists the title and the headings by level, in order', async () => {
    const { document } = await open('会议讲话.speech');
    const symbols = await waitFor(
      () =>
        vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
          'vscode.executeDocumentSymbolProvider',
          document.uri,
        ),
      'document symbols',
    );
    assert.equal(symbols.length, 1, 'one root: the title');
    const [title] = symbols;
    assert.equal(title!.name, '以数字化改革为牵引 全面提升政务服务效能');
    const sections = title!.children;
    assert.deepEqual(
      sections.map((symbol) => symbol.name.slice(0, 8)),
      ['一、统一思想认识', '二、突出工作重点', '三、加强组织领导'],
    );
    const second = sections[1]!;
    assert.deepEqual(
      second.children.map((symbol) => symbol.name),
      ['（一）夯实数字基础设施', '（二）提升政务服务水平'],
    );
    assert.deepEqual(
      second.children[0]!.children.map((symbol) => symbol.name),
      ['1.加快网络建设', '2.整合政务云资源'],
    );
    // Choosing a heading in the outline goes to its line.
    const line = document.getText().split('\n').indexOf('（一）夯实数字基础设施');
    assert.equal(second.children[0]!.selectionRange.start.line, line);
  });
});

describe('diagnostics', () => {
  it('reports the residue the website left, at its exact place', async () => {
    const { document } = await open('会议讲话.speech');
    const diagnostics = await waitForDiagnostics(document.uri);
    const covered = (rule: string) =>
      diagnostics.filter((d) => d.code === rule).map((d) => coveredText(document, d).trim());
    assert.deepEqual(covered('watermark'), [
      '全文阅读',
      '“笃行致远”系列№3517',
      '2024年6月',
      '更多资 料+微信:',
      '第 2 页 共 4 页',
      '更多精品文档请关注公众号:szzf2023',
      '本文档由用户上传,如有侵权请联系删除',
    ]);
    assert.deepEqual(covered('placeholder'), ['X', 'X', 'X', 'ZZ']);
    assert.deepEqual(covered('invisible-char'), ['\u200B']);
    assert.deepEqual(covered('template-placeholder'), ['XX']);
    assert.ok(covered('halfwidth-punctuation').every((text) => /^[,;:!]$/.test(text)));
    const ad = diagnostics.find((d) => coveredText(document, d) === '更多资 料+微信:')!;
    assert.equal(ad.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(ad.message, /更多资料\+微信/);
  });
});

describe('quick fixes', () => {
  it('replaces the placeholder X in X中央 with 党, and nothing else', async () => {
    const { document } = await open('quick-fix.speech');
    const diagnostics = await waitForDiagnostics(document.uri);
    const placeholder = diagnostics.find(
      (d) =>
        d.code === 'placeholder' &&
        document.getText(new vscode.Range(d.range.start, d.range.end.translate(0, 2))) === 'X中央',
    );
    assert.ok(placeholder, 'no placeholder diagnostic on X中央');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      placeholder.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const preferred = actions.find((action) => action.isPreferred);
    assert.ok(preferred?.edit, `no preferred fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert.match(preferred.title, /党/);

    const before = document.getText();
    const offset = document.offsetAt(placeholder.range.start);
    assert.ok(await vscode.workspace.applyEdit(preferred.edit));
    assert.equal(document.getText(), `${before.slice(0, offset)}党${before.slice(offset + 1)}`);
    const placeholders = (found: readonly vscode.Diagnostic[]) =>
      found.filter((d) => d.code === 'placeholder').length;
    await waitFor(
      () => placeholders(speechDiagnostics(document.uri)) === placeholders(diagnostics) - 1,
      'one placeholder diagnostic fewer',
    );
  });
});

describe('replace all', () => {
  it('replaces every X that stands for 党, its edits made only when it is chosen', async () => {
    const { document } = await open('replace-all.speech');
    const diagnostics = await waitForDiagnostics(document.uri);
    const placeholders = diagnostics.filter(
      (d) => d.code === 'placeholder' && coveredText(document, d) === 'X',
    );
    assert.ok(placeholders.length > 1, `${placeholders.length} placeholders X`);
    const range = placeholders[0]!.range;
    const find = (actions: readonly vscode.CodeAction[]) =>
      actions.find((action) => action.title === `Replace all ${placeholders.length} “X” with “党”`);
    const offered = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      range,
      vscode.CodeActionKind.QuickFix.value,
    );
    assert.ok(find(offered), `no replace-all among ${offered.map((a) => a.title).join(' | ')}`);
    assert.equal(find(offered)!.edit, undefined, 'the edits come with the choice, not with the menu');

    // What VS Code does when the user picks an action: resolve it, then apply its edit.
    const resolved = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      range,
      vscode.CodeActionKind.QuickFix.value,
      offered.length,
    );
    const replaceAll = find(resolved);
    assert.ok(replaceAll?.edit, 'the resolved replace-all carries its edit');
    const expected = placeholders.reduceRight(
      (text, d) =>
        `${text.slice(0, document.offsetAt(d.range.start))}党${text.slice(document.offsetAt(d.range.end))}`,
      document.getText(),
    );
    assert.ok(await vscode.workspace.applyEdit(replaceAll.edit));
    assert.equal(document.getText(), expected);
  });
});

describe('fix-all on save', () => {
  afterEach(async () => {
    await vscode.workspace
      .getConfiguration('editor', { languageId: 'speech' })
      .update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
  });

  it('cleans the transcript on save with "source.fixAll.speech": "explicit"', async () => {
    const speechEditor = () => vscode.workspace.getConfiguration('editor', { languageId: 'speech' });
    await speechEditor().update(
      'codeActionsOnSave',
      { [FIX_ALL]: 'explicit' },
      vscode.ConfigurationTarget.Workspace,
      true,
    );
    // The workbench runs the save participants and passes settings on to this extension host
    // once it holds them itself: seen here, they are in force where the save happens.
    await waitFor(
      () => speechEditor().get<Record<string, string>>('codeActionsOnSave')?.[FIX_ALL] === 'explicit',
      'the workbench to take in codeActionsOnSave',
    );
    // VS Code for the Web saves a second after each edit, without the explicit-save actions.
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off');
    const editor = await open('save.speech');
    const { document } = editor;
    await waitForDiagnostics(document.uri);
    // A user's edit that pastes in one more zero-width space, into the first long paragraph;
    // saving must clean it along with the rest.
    const line = document
      .getText()
      .split('\n')
      .findIndex((text) => text.length > 40 && /^\p{Script=Han}{2}/u.test(text) && text.includes('。'));
    assert.ok(line >= 0, 'the fixture has no long paragraph');
    await editor.edit((edit) => edit.insert(new vscode.Position(line, 1), '\u200B'));
    assert.ok(document.isDirty);

    await vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor(() => !document.isDirty, 'the save to finish');
    const clean = readRepo('test/fixtures/meeting-speech.clean.speech');
    if (document.getText() !== clean) {
      // Say which link failed: the server's offer, or the workbench running it on save.
      const offered = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        new vscode.Range(0, 0, document.lineCount, 0),
        FIX_ALL,
      );
      assert.fail(
        `the save left the transcript unclean (version ${document.version}); the server offers now: ` +
          `${offered.map((action) => action.title).join(' | ') || 'nothing'}\n${document.getText()}`,
      );
    }
    assert.equal(readFileSync(document.uri.fsPath, 'utf8'), clean);
  });
});

describe('settings', () => {
  afterEach(async () => {
    await setSetting('speechTidy', 'rules', undefined);
    await setSetting('speechTidy', 'watermarkPhrases', undefined);
    await setSetting('speechTidy', 'detectPlainText', undefined);
  });

  it('re-checks open transcripts when a rule is turned off or a watermark phrase added', async () => {
    const { document } = await open('settings.speech');
    const before = await waitForDiagnostics(document.uri);
    assert.ok(rulesOf(before).includes('halfwidth-punctuation'));

    await setSetting('speechTidy', 'rules', { 'halfwidth-punctuation': 'off' });
    await waitFor(
      () => !rulesOf(speechDiagnostics(document.uri)).includes('halfwidth-punctuation'),
      'halfwidth-punctuation diagnostics to go away',
    );

    await setSetting('speechTidy', 'watermarkPhrases', ['新城区']);
    const custom = await waitFor(
      () => speechDiagnostics(document.uri).find((d) => coveredText(document, d) === '新城区'),
      'a diagnostic on the custom watermark phrase',
    );
    assert.equal(custom.code, 'watermark');
  });

  it('leaves .txt files as plain text with detectPlainText "off"', async () => {
    await setSetting('speechTidy', 'detectPlainText', 'off');
    const uri = workspaceFile('not-detected.txt');
    await open('not-detected.txt');
    await sleep(1500);
    assert.equal(current(uri)?.languageId, 'plaintext');
  });
});

describe('workspace symbols', () => {
  afterEach(async () => {
    await setSetting('files', 'autoGuessEncoding', undefined);
  });

  it('finds the headings of a transcript saved in GBK once VS Code is told to guess encodings', async () => {
    const uri = workspaceFile('gbk-speech.txt');
    const find = async () =>
      (
        await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
          'vscode.executeWorkspaceSymbolProvider',
          '筑牢安全生产防线',
        )
      ).filter((symbol) => symbol.location.uri.toString() === uri.toString());
    // Read as UTF-8, as VS Code shows it until told otherwise, the file is no transcript.
    assert.deepEqual(await find(), []);

    await setSetting('files', 'autoGuessEncoding', true);
    const [found] = await waitFor(async () => {
      const symbols = await find();
      return symbols.length > 0 && symbols;
    }, 'the GBK transcript to be indexed');
    assert.equal(found!.name, '二、筑牢安全生产防线');
    // Where VS Code, guessing the same way, shows the heading.
    const document = await vscode.workspace.openTextDocument(uri);
    const line = GBK_SPEECH.split('\n').indexOf('二、筑牢安全生产防线');
    assert.equal(document.lineAt(line).text, '二、筑牢安全生产防线');
    assert.deepEqual(found!.location.range.start, new vscode.Position(line, 0));
  });
});

describe('commands', () => {
  afterEach(async () => {
    await setSetting('speechTidy', 'detectPlainText', undefined);
  });

  it('"Treat as Speech" switches the active plain-text file by hand', async () => {
    await setSetting('speechTidy', 'detectPlainText', 'off');
    const uri = workspaceFile('by-hand.txt');
    await open('by-hand.txt');
    assert.equal(current(uri)?.languageId, 'plaintext');
    await vscode.commands.executeCommand('speechTidy.treatAsSpeech');
    await waitFor(() => current(uri)?.languageId === 'speech', 'by-hand.txt to become speech');
    await waitForDiagnostics(uri);
  });

  it('"Fix All" removes every residue it can fix safely', async () => {
    const { document } = await open('fix-all-command.speech');
    await waitForDiagnostics(document.uri);
    await vscode.commands.executeCommand('speechTidy.fixAll');
    const text = document.getText();
    for (const residue of [
      '全文阅读',
      '系列№',
      '更多资',
      '第 2 页',
      '\u200B',
      '本文档由用户上传',
      '公众号',
    ]) {
      assert.ok(!text.includes(residue), `“${residue}” is still there`);
    }
    assert.ok(text.includes('党中央') && text.includes('政治站位'));
    assert.ok(!/\p{Script=Han}[,;:!]/u.test(text), 'half-width punctuation is left in Chinese text');
    // Only what needs a person is left.
    await waitFor(
      () => rulesOf(speechDiagnostics(document.uri)).join() === 'template-placeholder',
      'only template-placeholder diagnostics to be left',
    );
  });

  it('"Fix All" leaves no problem whether VS Code sends its edits one by one or as one change', async () => {
    // VS Code sends up to 1,000 edits of a workspace edit as changes bottom to top, more as one.
    for (const items of [300, 750]) {
      const lines = Array.from(
        { length: items },
        (_, i) => `第${i + 1}项：坚持X中央的统一领导,推动工作落实。`,
      );
      const document = await vscode.workspace.openTextDocument({
        language: 'speech',
        content: `全市工作会议讲话\n\n${lines.join('\n')}\n`,
      });
      await vscode.window.showTextDocument(document);
      await waitFor(() => speechDiagnostics(document.uri).length === 2 * items, `${2 * items} problems`);
      await vscode.commands.executeCommand('speechTidy.fixAll');
      const text = document.getText();
      assert.ok(!text.includes('X中央') && !text.includes(','), `${items} items: residue is left`);
      assert.equal(text.split('党中央').length - 1, items);
      await waitFor(() => speechDiagnostics(document.uri).length === 0, `no problem left in ${items} items`);
    }
  });

  it('"Fix All" changes nothing when the user types while the fixes are being worked out', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'speech',
      content: '全市工作会议讲话\n\n一要坚持X中央的统一领导,推动工作落实。\n',
    });
    const editor = await vscode.window.showTextDocument(document);
    await waitForDiagnostics(document.uri);
    // A second provider that answers late, after the user has typed at the start: the server's
    // answer, already in, was worked out for the text before the typing.
    let typed = false;
    const lateProvider = vscode.languages.registerCodeActionsProvider('speech', {
      async provideCodeActions(asked, _range, { only }) {
        if (asked !== document || typed || only?.value !== FIX_ALL) return [];
        await sleep(500);
        typed = await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '【'));
        return [];
      },
    });
    try {
      const typedText = `【${document.getText()}`;
      await vscode.commands.executeCommand('speechTidy.fixAll');
      assert.ok(typed, 'the late provider did not type');
      assert.equal(document.getText(), typedText);
    } finally {
      lateProvider.dispose();
    }
  });

  it('"Restart Server" starts a new server that checks the open transcripts again', async () => {
    const { document } = await open('restart.speech');
    await waitForDiagnostics(document.uri);
    const before = await waitFor(serverPid, 'the language server process');
    const republished = republishedAfterRestart(document.uri);
    await vscode.commands.executeCommand('speechTidy.restartServer');
    const after = await waitFor(() => {
      const pid = serverPid();
      return pid !== before && pid;
    }, 'a new language server process');
    assert.notEqual(after, before);
    assert.ok((await republished).length > 0);
  });

  it('"Show Output" shows the Speech Tidy log', async () => {
    await vscode.commands.executeCommand('speechTidy.showOutput');
    const output = await waitFor(
      () =>
        vscode.window.visibleTextEditors.find(
          (editor) =>
            editor.document.uri.scheme === 'output' && /Speech Tidy/.test(editor.document.uri.fsPath),
        ),
      'the Speech Tidy output to be visible',
    );
    assert.match(output.document.getText(), /looks like a speech transcript/);
  });
});

describe('a crashed server', () => {
  it('is restarted, and the open transcripts are checked again', async () => {
    const { document } = await open('restart.speech');
    await waitForDiagnostics(document.uri);
    const crashed = await waitFor(serverPid, 'the language server process');
    const republished = republishedAfterRestart(document.uri);
    process.kill(crashed, 'SIGKILL');
    const restarted = await waitFor(() => {
      const pid = serverPid();
      return pid !== crashed && pid;
    }, 'a restarted language server');
    assert.ok(restarted);
    assert.ok((await republished).length > 0);
  });

  it('is given up after five crashes in three minutes, until "Restart Server"', async () => {
    const { document } = await open('restart.speech');
    let kills = 0;
    for (;;) {
      const pid = await waitFor(serverPid, 'the language server process');
      process.kill(pid, 'SIGKILL');
      kills += 1;
      await waitFor(() => serverPid() !== pid, 'the crashed server to be gone');
      await sleep(1000);
      if (serverPid() === undefined) break;
      assert.ok(kills < 5, 'still restarting after five crashes');
    }
    // The previous test crashed it once already.
    assert.equal(kills, 4);
    const republished = republishedAfterRestart(document.uri);
    await vscode.commands.executeCommand('speechTidy.restartServer');
    await waitFor(serverPid, 'the server started by hand');
    assert.ok((await republished).length > 0);
  });
});
