// The index behind workspace/symbol: a folder read a few files at a time, and the editor's text of
// an open transcript winning over the disk's, however the reads and the editor interleave.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { analyze, RULES, resolveConfig } from '../../server/src/core';
import { WorkspaceIndex } from '../../server/src/workspaceIndex';

const config = resolveConfig({}, RULES);
const speech = (heading: string) =>
  [
    '在全区安全生产工作会议上的讲话',
    '同志们：',
    `一、${heading}`,
    '各单位要压实责任，抓好落实。',
    '谢谢大家！',
  ].join('\n');
const names = (index: WorkspaceIndex, query: string) =>
  index.query(query, 1_000).map((symbol) => symbol.name);

describe('the workspace index', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'speech-tidy-index-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  const write = (relative: string, text: string) => {
    const file = path.join(folder, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };

  test('reads every transcript of a folder, many more than it reads at once', async () => {
    for (let number = 0; number < 60; number++)
      write(path.join(`第${number % 7}组`, `讲话${number}.speech`), speech(`抓好第${number}项重点任务`));
    write(path.join('node_modules', '讲话.speech'), speech('工具目录里的标题'));
    write('说明.txt', '这不是讲话稿，只是一段说明文字。');
    const index = new WorkspaceIndex();
    await index.indexFolder(folder);
    assert.equal(index.size, 60);
    assert.deepEqual(names(index, '第59项'), ['一、抓好第59项重点任务']);
    assert.deepEqual(names(index, '工具目录'), []);
  });

  test('reads transcripts of megabytes, more of them than it holds in memory at once', {
    timeout: 20_000,
  }, async () => {
    const filler = `${'各单位要压实责任，抓好落实，推动各项工作取得新成效。'.repeat(40)}\n`;
    const large = (heading: string) => `${speech(heading)}\n${filler.repeat(1_700)}`;
    for (let number = 0; number < 3; number++)
      write(path.join('合集', `文集${number}.speech`), large(`第${number}卷的要点`));
    const index = new WorkspaceIndex();
    await index.indexFolder(path.join(folder, '合集'));
    assert.deepEqual(names(index, '卷的要点').sort(), [
      '一、第0卷的要点',
      '一、第1卷的要点',
      '一、第2卷的要点',
    ]);
  });

  /** The headings of `file` alone, with where each starts, once indexed. */
  const placesIn = async (file: string) => {
    const index = new WorkspaceIndex();
    await index.indexFile(file);
    return index
      .query('', 10)
      .map(({ name, location }) => [name, 'range' in location ? location.range.start : undefined]);
  };
  const placesOf = (heading: string) => [
    ['在全区安全生产工作会议上的讲话', { line: 0, character: 0 }],
    [`一、${heading}`, { line: 2, character: 0 }],
  ];

  test('places a heading where the editor shows it, after a byte-order mark the editor drops', async () => {
    const file = write(path.join('带签名', '讲话.speech'), `\uFEFF${speech('压实安全责任')}`);
    assert.deepEqual(await placesIn(file), placesOf('压实安全责任'));
  });

  test('reads a transcript saved as UTF-16, in either byte order, as the editor does', async () => {
    // Windows Notepad saves "Unicode" as UTF-16 with a byte-order mark, which VS Code reads.
    const text = Buffer.from(speech('抓好安全生产'), 'utf16le');
    const littleEndian = write(path.join('记事本', '小端.speech'), '');
    const bigEndian = write(path.join('记事本', '大端.speech'), '');
    writeFileSync(littleEndian, Buffer.concat([Buffer.from([0xff, 0xfe]), text]));
    writeFileSync(bigEndian, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text).swap16()]));
    assert.deepEqual(await placesIn(littleEndian), placesOf('抓好安全生产'));
    assert.deepEqual(await placesIn(bigEndian), placesOf('抓好安全生产'));
  });

  test("reads a folder's transcripts in the encoding the editor is told for that folder", async () => {
    const gbk = write(path.join('旧稿', '讲话.txt'), '');
    writeFileSync(gbk, iconv.encode(speech('压实安全责任'), 'gbk'));
    write(path.join('旧稿', '新稿', '讲话.txt'), speech('统一思想认识'));
    const index = new WorkspaceIndex();
    const outer = path.join(folder, '旧稿');
    assert.equal(index.readFolderAs(outer, { encoding: 'gbk' }), true, 'a first setting reads the folder');
    assert.equal(index.readFolderAs(path.join(outer, '新稿'), { encoding: 'utf8' }), true);
    await index.indexFolder(outer);
    assert.deepEqual(names(index, '一、').sort(), ['一、压实安全责任', '一、统一思想认识'].sort());
    assert.equal(
      index.readFolderAs(outer, { encoding: 'gbk' }),
      false,
      'the same setting reads nothing again',
    );
    // Told the folder is UTF-8 now, the file reads as the editor then shows it: no transcript.
    assert.equal(index.readFolderAs(outer, {}), true);
    await index.indexFolder(outer);
    assert.deepEqual(names(index, '一、'), ['一、统一思想认识']);
  });

  test('a transcript open in the editor keeps its headings while its folder is read again', async () => {
    const file = write('经济工作.speech', speech('磁盘上的标题'));
    const editorText = speech('编辑器里的标题');
    const index = new WorkspaceIndex();
    index.indexOpen(file, editorText, analyze(editorText, { config, locale: 'zh-cn' }));
    await index.indexFolder(folder);
    assert.deepEqual(names(index, '标题'), ['一、编辑器里的标题']);
    index.closed(file);
    await index.indexFile(file);
    assert.deepEqual(names(index, '标题'), ['一、磁盘上的标题']);
  });

  test('a transcript open in the editor stays when its file or folder is deleted, until it is closed', () => {
    const file = write(path.join('汇报', '总结.speech'), speech('磁盘上的总结标题'));
    const editorText = speech('编辑器里的总结标题');
    const index = new WorkspaceIndex();
    index.indexOpen(file, editorText, analyze(editorText, { config, locale: 'zh-cn' }));
    index.remove(file);
    index.removeFolder(path.dirname(file));
    assert.deepEqual(names(index, '总结标题'), ['一、编辑器里的总结标题']);
    index.closed(file);
    index.remove(file);
    assert.deepEqual(names(index, '总结标题'), []);
  });

  test('a transcript opened while the disk is being read keeps the headings of the editor', async () => {
    const file = write('防汛工作.speech', speech('磁盘上的防汛标题'));
    const editorText = speech('编辑器里的防汛标题');
    const index = new WorkspaceIndex();
    const reading = index.indexFile(file);
    index.indexOpen(file, editorText, analyze(editorText, { config, locale: 'zh-cn' }));
    await reading;
    assert.deepEqual(names(index, '防汛标题'), ['一、编辑器里的防汛标题']);
  });
});
