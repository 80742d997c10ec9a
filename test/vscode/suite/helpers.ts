// Small waits and look-ups for tests that drive VS Code through its API the way a user's
// actions would: everything the language server does arrives asynchronously.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'speech-tidy.speech-tidy';
export const SOURCE = 'speech-tidy';
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The tests need the prepared workspace folder open.');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function waitFor<T>(
  probe: () => T | undefined | null | false | PromiseLike<T | undefined | null | false>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

/** The document as it is now: switching its language replaces the TextDocument object. */
export function current(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
}

export function speechDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

export function waitForDiagnostics(uri: vscode.Uri, what = 'diagnostics'): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const found = speechDiagnostics(uri);
      return found.length > 0 && found;
    },
    `${what} on ${path.basename(uri.fsPath)}`,
  );
}

/**
 * Resolves when a new server has published diagnostics for `uri`: a stopping or crashed client
 * clears them first, so the first non-empty list after an empty one comes from the new server.
 */
export function republishedAfterRestart(uri: vscode.Uri, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  let cleared = speechDiagnostics(uri).length === 0;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`No new diagnostics for ${path.basename(uri.fsPath)} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = vscode.languages.onDidChangeDiagnostics(({ uris }) => {
      if (!uris.some((changed) => changed.toString() === uri.toString())) return;
      const found = speechDiagnostics(uri);
      if (found.length === 0) cleared = true;
      if (!cleared || found.length === 0) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(found);
    });
  });
}

export function coveredText(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): string {
  return document.getText(diagnostic.range);
}

export function rulesOf(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((diagnostic) => String(diagnostic.code)))].sort();
}

/**
 * The process id of the language server: a child of this extension host running our bundle.
 * Found through `ps`, as the client does not expose it (and should not, for tests alone).
 */
export function serverPid(): number | undefined {
  const table = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' });
  for (const line of table.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (match && Number(match[2]) === process.pid && /dist[\\/]server\.js/.test(match[3]!)) {
      return Number(match[1]);
    }
  }
  return undefined;
}

export async function setSetting(section: string, key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Workspace);
}
