// The language of the server's texts is VS Code's display language, which only the client knows:
// it must reach the server in `initialize`. The protocol tests show that the server answers in
// the locale it is given; this shows that the real client gives it `vscode.env.language`, by
// reading the initialize request from the client's own LSP trace, and that the diagnostics VS Code
// shows are in that language.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyze, RULES, resolveConfig, toLocale } from '../../../server/src/core';
import { open, republishedAfterRestart, setSetting, waitFor } from './helpers';

/** VS Code's LogLevel.Trace and LogLevel.Info, as the output view's log level commands name them. */
const TRACE = 1;
const INFO = 3;

function speechTidyLog(): string | undefined {
  return vscode.window.visibleTextEditors
    .find(
      (editor) => editor.document.uri.scheme === 'output' && /Speech Tidy/.test(editor.document.uri.fsPath),
    )
    ?.document.getText();
}

interface InitializeParams {
  readonly locale?: string;
  readonly initializationOptions?: { readonly locale?: string };
}

/** The last initialize request in the log, as vscode-languageclient traces it with `verbose`. */
function lastInitialize(log: string): InitializeParams | undefined {
  const requests = [
    ...log.matchAll(/Sending request 'initialize - \(\d+\)'\.\s*\nParams: (\{[\s\S]*?\n\})/g),
  ];
  const last = requests.at(-1);
  return last ? (JSON.parse(last[1]!) as InitializeParams) : undefined;
}

describe('locale', () => {
  after(async () => {
    await vscode.commands.executeCommand('speechTidy.showOutput');
    await vscode.commands.executeCommand(`workbench.action.output.activeOutputLogLevel.${INFO}`);
    await setSetting('speechTidy', 'trace.server', undefined);
  });

  it("hands VS Code's display language to the server, and the diagnostics come in it", async () => {
    const { document } = await open('locale.speech');
    await waitFor(() => vscode.languages.getDiagnostics(document.uri).length > 0, 'diagnostics');

    // The client traces LSP messages, parameters included, only with the channel at Trace level
    // and speechTidy.trace.server at verbose; a restart then shows the initialize request.
    await setSetting('speechTidy', 'trace.server', 'verbose');
    // The level reaches the client asynchronously: traffic showing up traced means it has. It
    // applies to the channel the output view shows, which a busy machine may not have switched to
    // yet; then both are asked for again. The traffic is a code action request, which VS Code
    // sends every time (document symbols it answers from its outline cache while the text stands).
    for (let attempt = 1; ; attempt++) {
      await vscode.commands.executeCommand('speechTidy.showOutput');
      await vscode.commands.executeCommand(`workbench.action.output.activeOutputLogLevel.${TRACE}`);
      try {
        await waitFor(
          async () => {
            const start = new vscode.Position(0, 0);
            await vscode.commands.executeCommand(
              'vscode.executeCodeActionProvider',
              document.uri,
              new vscode.Range(start, start),
            );
            return /Sending request 'textDocument\/codeAction/.test(speechTidyLog() ?? '');
          },
          'the client to trace LSP messages',
          8_000,
        );
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }

    const republished = republishedAfterRestart(document.uri);
    await vscode.commands.executeCommand('speechTidy.restartServer');
    const diagnostics = await republished;
    const params = await waitFor(
      () => lastInitialize(speechTidyLog() ?? ''),
      'the initialize request in the Speech Tidy output',
    );
    assert.equal(params.locale, vscode.env.language);
    assert.equal(params.initializationOptions?.locale, vscode.env.language);

    // What the core says in the locale VS Code displays, for the text as it is.
    const locale = toLocale(vscode.env.language);
    const expected = analyze(document.getText(), { config: resolveConfig({}, RULES), locale }).findings.map(
      (finding) => finding.message,
    );
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.message).sort(), expected.sort());
  });
});
