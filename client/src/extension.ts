// The VS Code side of Speech Tidy: everything here needs the VS Code API. What a transcript
// contains and how to fix it is the language server's business (server/src).
import * as path from 'node:path';
import {
  type CodeAction,
  CodeActionKind,
  commands,
  type ExtensionContext,
  env,
  l10n,
  Range,
  type TextDocument,
  window,
  workspace,
} from 'vscode';
import { PlainTextDetection, SPEECH } from './detection';
import { RESTART_COMMAND, SHOW_OUTPUT_COMMAND, SpeechServer } from './server';
import { TranscriptStatus } from './statusBar';

/** The kind the server offers for fix-all; also what users put in editor.codeActionsOnSave. */
const FIX_ALL_KIND = CodeActionKind.SourceFixAll.append('speech');

let server: SpeechServer | undefined;

export function activate(context: ExtensionContext): void {
  const output = window.createOutputChannel('Speech Tidy', { log: true });
  const run = (command: string) => void commands.executeCommand(command);
  const speech = new SpeechServer(
    context.asAbsolutePath(path.join('dist', 'server.js')),
    output,
    env.language,
    run,
  );
  server = speech;
  const detection = new PlainTextDetection(output);
  const status = new TranscriptStatus(speech);

  const isSpeech = (document: TextDocument) => document.languageId === SPEECH;
  const startIfNeeded = (document: TextDocument) => {
    if (isSpeech(document)) speech.start().catch(() => undefined);
  };

  context.subscriptions.push(
    output,
    detection,
    status,
    workspace.onDidOpenTextDocument(startIfNeeded),
    workspace.onDidGrantWorkspaceTrust(() => {
      if (speech.state !== 'stopped') void speech.restart();
    }),
    commands.registerCommand('speechTidy.fixAll', async () => {
      const document = window.activeTextEditor?.document;
      if (!document || !isSpeech(document)) {
        void window.showInformationMessage(l10n.t('Open a speech transcript to fix it.'));
        return;
      }
      await speech.start();
      await fixAll(document);
    }),
    commands.registerCommand('speechTidy.treatAsSpeech', async () => {
      const document = window.activeTextEditor?.document;
      if (!document) {
        void window.showInformationMessage(l10n.t('Open the text you want to treat as a speech transcript.'));
        return;
      }
      await detection.treatAsSpeech(document);
    }),
    commands.registerCommand(RESTART_COMMAND, async () => {
      await speech.restart();
      window.setStatusBarMessage(l10n.t('Speech Tidy: language server restarted'), 3000);
    }),
    commands.registerCommand(SHOW_OUTPUT_COMMAND, () => output.show()),
  );
  for (const document of workspace.textDocuments) startIfNeeded(document);
}

async function fixAll(document: TextDocument): Promise<void> {
  const askedOf = document.version;
  const whole = new Range(document.positionAt(0), document.positionAt(document.getText().length));
  // VS Code cancels the question when the text changes while it is asked, and pins an edit to
  // the version the document has when the edit is applied, not to the one the server read: a
  // change since asking would put the edits in the wrong places.
  const changedMeanwhile = () => document.version !== askedOf;
  const actions = await Promise.resolve(
    commands.executeCommand<CodeAction[] | undefined>(
      'vscode.executeCodeActionProvider',
      document.uri,
      whole,
      FIX_ALL_KIND.value,
    ),
  ).catch((error: unknown) => {
    if (changedMeanwhile()) return undefined;
    throw error;
  });
  const action = actions?.find((candidate) => candidate.kind && FIX_ALL_KIND.contains(candidate.kind));
  if (!action?.edit && !changedMeanwhile()) {
    void window.showInformationMessage(
      l10n.t('Speech Tidy found nothing in this transcript it can fix safely.'),
    );
    return;
  }
  if (changedMeanwhile() || !action?.edit || !(await workspace.applyEdit(action.edit))) {
    void window.showWarningMessage(
      l10n.t('The transcript changed while it was being fixed. Run Fix All again.'),
    );
  }
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
