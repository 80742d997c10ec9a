// The folder both runners open in VS Code: copies of the samples and fixtures, in a temporary
// folder because the tests edit and save them.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import iconv from 'iconv-lite';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The transcript the workspace holds in GBK; its second heading is what the tests look for. */
export const GBK_SPEECH = [
  '在全县安全生产工作会议上的讲话',
  '同志们：',
  '一、统一思想，提高认识',
  '安全生产是发展的前提，各乡镇各部门要把安全生产摆在突出位置。',
  '二、筑牢安全生产防线',
  '要深入开展隐患排查治理，坚决遏制重特大事故发生。',
  '谢谢大家！',
  '',
].join('\n');

/** File in the workspace ← file in the repository. */
const COPIES: Readonly<Record<string, string>> = {
  '会议讲话.speech': 'samples/会议讲话.speech',
  'fix-all-command.speech': 'samples/会议讲话.speech',
  'quick-fix.speech': 'samples/会议讲话.speech',
  'replace-all.speech': 'samples/会议讲话.speech',
  'restart.speech': 'samples/会议讲话.speech',
  'locale.speech': 'samples/会议讲话.speech',
  '述职报告.txt': 'samples/述职报告.txt',
  'not-detected.txt': 'samples/述职报告.txt',
  'by-hand.txt': 'samples/述职报告.txt',
  'save.speech': 'test/fixtures/meeting-speech.speech',
  'settings.speech': 'test/fixtures/work-report.speech',
};

export function prepareWorkspace(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'speech-tidy-workspace-'));
  for (const [name, source] of Object.entries(COPIES)) {
    copyFileSync(path.join(REPO_ROOT, source), path.join(folder, name));
  }
  writeFileSync(
    path.join(folder, 'shopping-list.txt'),
    'Milk, eggs, bread.\nCall the plumber on Tuesday at 8:30.\n',
  );
  // Saved by Notepad on a Chinese Windows ("ANSI"): GBK without a mark, which VS Code reads only
  // when told to guess or told the encoding.
  writeFileSync(path.join(folder, 'gbk-speech.txt'), iconv.encode(GBK_SPEECH, 'gbk'));
  mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  writeFileSync(path.join(folder, '.vscode', 'settings.json'), '{}\n');
  return folder;
}
