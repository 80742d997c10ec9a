// The folder both runners open in VS Code: copies of the samples and fixtures, in a temporary
// folder because the tests edit and save them.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

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
  mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  writeFileSync(path.join(folder, '.vscode', 'settings.json'), '{}\n');
  return folder;
}
