// workspace/symbol over a real folder: which files count as transcripts, what is found in them,
// and how the index follows the file watcher, the editor's unsaved text and folder changes.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import type { SymbolInformation, WorkspaceSymbol } from 'vscode-languageserver';
import { fileUri, LspClient, rangeOf } from '../support/lspClient';
import { lines, SPEECH } from './transcripts';

const FLOOD = lines(
  '在全县防汛抗旱工作会议上的讲话',
  '同志们：',
  '入汛以来，全县各级各部门认真落实防汛责任，做了大量工作。下面，我讲两点意见。',
  '一、坚持人民至上，压实防汛责任',
  '各乡镇要立足防大汛、抗大灾，层层落实责任。一是落实包保责任；二是加强隐患排查。',
  '二、突出重点部位，筑牢安全防线',
  '水库、河道、地质灾害隐患点是防汛重点，要安排专人值守。',
  '谢谢大家！',
);

const SCHOOL = lines(
  '在全市教育工作会议上的讲话',
  '同志们：',
  '这次会议的任务是总结去年教育工作，安排今年重点任务。',
  '一、办好人民满意的教育',
  '要坚持立德树人，促进学生全面发展，努力让每个孩子都能享有公平而有质量的教育。',
  '二、建设高素质教师队伍',
  '要加强师德师风建设，提高教师待遇，让广大教师安心从教、热心从教。',
  '谢谢大家！',
);

/** Speech-like words in files that are not transcripts, to prove they are not indexed. */
const DECOY = lines('一、诱饵标题不应出现', '同志们：这是一份会议纪要的草稿，放在不该被索引的地方。');

type FoundSymbol = SymbolInformation | WorkspaceSymbol;

const nameOf = (symbol: FoundSymbol) => symbol.name;
const uriOf = (symbol: FoundSymbol) => symbol.location.uri;

describe('workspace/symbol', () => {
  let root: string;
  let other: string;
  let client: LspClient;
  const file = (...parts: string[]) => path.join(root, ...parts);

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'speech-tidy-ws-'));
    other = mkdtempSync(path.join(tmpdir(), 'speech-tidy-ws2-'));
    writeFileSync(file('经济工作会议.speech'), SPEECH);
    writeFileSync(file('防汛讲话.txt'), FLOOD);
    mkdirSync(file('2024'));
    writeFileSync(
      file('2024', '教育讲话.speech'),
      SCHOOL.replace('在全市教育工作会议上的讲话', '春季教育工作讲话'),
    );
    writeFileSync(file('短稿.speech'), lines('一、短稿标题'));
    writeFileSync(file('notes.txt'), 'Meeting notes\nAgenda: budget, hiring, office move.\n');
    writeFileSync(file('纪要.md'), DECOY);
    mkdirSync(file('node_modules'));
    writeFileSync(file('node_modules', 'dep.speech'), DECOY);
    mkdirSync(file('.history'));
    writeFileSync(file('.history', 'old.speech'), DECOY);
    writeFileSync(path.join(other, '另一个文件夹.speech'), SCHOOL);
    client = await LspClient.start({ workspaceFolders: [root] });
  });
  after(async () => {
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
    rmSync(other, { recursive: true, force: true });
  });

  async function symbols(query: string): Promise<FoundSymbol[]> {
    const found = await client.workspaceSymbols(query);
    assert.ok(Array.isArray(found), 'workspace/symbol answers a list');
    return found;
  }

  test('indexes .speech files and .txt transcripts, skipping other text and tool folders', async () => {
    const all = await symbols('');
    const files = new Set(all.map(uriOf));
    assert.deepEqual(
      [...files].sort(),
      [
        fileUri(file('经济工作会议.speech')),
        fileUri(file('防汛讲话.txt')),
        fileUri(file('2024', '教育讲话.speech')),
        fileUri(file('短稿.speech')),
      ].sort(),
    );
    assert.ok(!all.some((symbol) => symbol.name.includes('诱饵')));
    const log = await client.logs.wait((entry) => entry.message.startsWith('Indexed'), 'the indexing log');
    assert.match(log.message, /^Indexed 4 transcripts in \d+ ms\.$/);
  });

  test('finds headings at their positions, with the enclosing heading as container', async () => {
    const [found, ...more] = await symbols('营商环境');
    assert.equal(more.length, 0);
    assert.ok(found);
    assert.equal(found.name, '（二）营商环境持续优化');
    assert.equal(found.containerName, '一、充分肯定今年取得的成绩');
    assert.equal(uriOf(found), fileUri(file('经济工作会议.speech')));
    assert.ok('range' in found.location);
    assert.deepEqual(found.location.range.start, rangeOf(SPEECH, '（二）营商环境').start);
  });

  test('finds titles, matches characters in order like VS Code, and leaves out enumeration items', async () => {
    assert.deepEqual((await symbols('防汛抗旱')).map(nameOf), ['在全县防汛抗旱工作会议上的讲话']);
    assert.deepEqual((await symbols('压责任')).map(nameOf), ['一、坚持人民至上，压实防汛责任']);
    assert.deepEqual(await symbols('落实包保责任'), [], 'enumeration items are not workspace symbols');
  });

  test('a created file is indexed after the watcher reports it', async () => {
    writeFileSync(file('新建讲话.txt'), FLOOD.replace('筑牢安全防线', '守住安全底线'));
    await client.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: fileUri(file('新建讲话.txt')), type: 1 }],
    });
    const found = await symbols('守住安全底线');
    assert.deepEqual(found.map(uriOf), [fileUri(file('新建讲话.txt'))]);
  });

  test('a changed file is read again', async () => {
    writeFileSync(file('防汛讲话.txt'), FLOOD.replace('压实防汛责任', '压紧压实防汛责任链条'));
    await client.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: fileUri(file('防汛讲话.txt')), type: 2 }],
    });
    assert.deepEqual((await symbols('责任链条')).map(nameOf), ['一、坚持人民至上，压紧压实防汛责任链条']);
    const inChanged = (await symbols('')).filter((symbol) => uriOf(symbol) === fileUri(file('防汛讲话.txt')));
    assert.ok(
      !inChanged.some((symbol) => symbol.name === '一、坚持人民至上，压实防汛责任'),
      'the old heading is gone',
    );
  });

  test('a deleted file leaves the index', async () => {
    unlinkSync(file('2024', '教育讲话.speech'));
    await client.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: fileUri(file('2024', '教育讲话.speech')), type: 3 }],
    });
    assert.deepEqual(await symbols('高素质教师'), []);
  });

  test("an open document is indexed from the editor's text, and from the disk again once closed", async () => {
    const uri = fileUri(file('经济工作会议.speech'));
    const edited = SPEECH.replace('（二）营商环境持续优化', '（二）营商环境再上台阶');
    await client.open(uri, edited);
    await client.diagnosticsFor(uri, 1);
    assert.deepEqual((await symbols('营商环境')).map(nameOf), ['（二）营商环境再上台阶']);
    await client.close(uri);
    assert.deepEqual((await symbols('营商环境')).map(nameOf), ['（二）营商环境持续优化']);
  });

  test('while a file is open, changes on disk do not override the editor', async () => {
    const uri = fileUri(file('防汛讲话.txt'));
    const editorText = FLOOD.replace('筑牢安全防线', '编辑器里的新标题');
    await client.open(uri, editorText);
    await client.diagnosticsFor(uri, 1);
    writeFileSync(file('防汛讲话.txt'), FLOOD.replace('筑牢安全防线', '磁盘上的新标题'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    assert.deepEqual((await symbols('新标题')).map(nameOf), ['二、突出重点部位，编辑器里的新标题']);
    await client.close(uri);
    assert.deepEqual((await symbols('新标题')).map(nameOf), ['二、突出重点部位，磁盘上的新标题']);
  });

  test('documents that are not files (untitled, unsaved) never show up with a made-up file path', async () => {
    const uri = 'untitled:Untitled-1';
    await client.open(uri, FLOOD.replace('筑牢安全防线', '未保存的标题'));
    await client.diagnosticsFor(uri, 1);
    await client.documentSymbols(uri);
    const found = await symbols('');
    assert.ok(
      found.every((symbol) => uriOf(symbol).startsWith('file:') && !uriOf(symbol).includes('untitled')),
      found.map(uriOf).join(', '),
    );
    await client.close(uri);
  });

  test('workspace folders added and removed are indexed and forgotten', async () => {
    await client.notify('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: fileUri(other), name: 'other' }], removed: [] },
    });
    const added = await symbols('高素质教师');
    assert.deepEqual(added.map(uriOf), [fileUri(path.join(other, '另一个文件夹.speech'))]);
    await client.notify('workspace/didChangeWorkspaceFolders', {
      event: { added: [], removed: [{ uri: fileUri(other), name: 'other' }] },
    });
    assert.deepEqual(await symbols('高素质教师'), []);
    assert.ok((await symbols('营商环境')).length > 0, 'the first folder is still indexed');
  });
});

describe('workspace/symbol in a folder of one transcript', () => {
  test('the log counts it in the singular', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'speech-tidy-ws1-'));
    writeFileSync(path.join(root, '讲话.speech'), SCHOOL);
    const client = await LspClient.start({ workspaceFolders: [root] });
    try {
      const log = await client.logs.wait((entry) => entry.message.startsWith('Indexed'), 'the indexing log');
      assert.match(log.message, /^Indexed 1 transcript in \d+ ms\.$/);
    } finally {
      await client.dispose();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('workspace/symbol in a folder of transcripts saved in GBK', () => {
  let root: string;
  let client: LspClient;
  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'speech-tidy-gbk-'));
    // Notepad on a Chinese Windows saved "ANSI" as GBK; VS Code reads it when told to guess.
    writeFileSync(path.join(root, '防汛讲话.txt'), iconv.encode(FLOOD, 'gbk'));
    writeFileSync(path.join(root, '教育讲话.txt'), SCHOOL);
    client = await LspClient.start({
      workspaceFolders: [root],
      settings: { speechTidy: {}, files: { autoGuessEncoding: true } },
    });
  });
  after(async () => {
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  const found = async (query: string) => ((await client.workspaceSymbols(query)) ?? []).map(nameOf);

  test("headings read as the editor reads the file, and again when the folder's settings change", async () => {
    assert.deepEqual(await found('压实防汛'), ['一、坚持人民至上，压实防汛责任']);
    assert.deepEqual(await found('教师队伍'), ['二、建设高素质教师队伍'], 'UTF-8 files read as before');
    await client.changeSettings({ speechTidy: {}, files: { autoGuessEncoding: false } });
    assert.deepEqual(
      await found('压实防汛'),
      [],
      'read as UTF-8, the file is no transcript the editor shows',
    );
    await client.changeSettings({ speechTidy: {}, files: { encoding: 'gbk' } });
    assert.deepEqual(await found('压实防汛'), ['一、坚持人民至上，压实防汛责任']);
  });
});
