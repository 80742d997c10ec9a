// Transcripts arrive as `.txt` files or as text pasted into an untitled editor. The decision of
// what a transcript is belongs to the core (looksLikeSpeech); this module only applies it.
import {
  ConfigurationTarget,
  type Disposable,
  type LogOutputChannel,
  l10n,
  languages,
  type TextDocument,
  type TextEditor,
  window,
  workspace,
} from 'vscode';
import { looksLikeSpeech } from '../../server/src/core/detect';

export const SPEECH = 'speech';
type DetectMode = 'auto' | 'prompt' | 'off';

/** Pasting into an untitled editor arrives in pieces; decide once the text has settled. */
const UNTITLED_SETTLE_MS = 400;

function fileName(document: TextDocument): string {
  const path = document.uri.path;
  return document.isUntitled ? path : path.slice(path.lastIndexOf('/') + 1);
}

export class PlainTextDetection implements Disposable {
  /**
   * Documents already decided in this session, either way. Switching a document the user has
   * set back to plain text would fight them, and asking twice about the same file nags.
   */
  private readonly decided = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: Disposable[];

  constructor(private readonly output: LogOutputChannel) {
    this.subscriptions = [
      window.onDidChangeVisibleTextEditors((editors) => this.checkEditors(editors)),
      workspace.onDidChangeTextDocument(({ document }) => {
        if (document.isUntitled && document.languageId === 'plaintext') this.settle(document);
      }),
      workspace.onDidCloseTextDocument((document) => {
        const key = document.uri.toString();
        clearTimeout(this.timers.get(key));
        this.timers.delete(key);
      }),
    ];
    this.checkEditors(window.visibleTextEditors);
  }

  /** "Speech Tidy: Treat as Speech": the user's word beats any detection. */
  async treatAsSpeech(document: TextDocument): Promise<TextDocument> {
    this.decided.add(document.uri.toString());
    if (document.languageId === SPEECH) return document;
    this.output.info(`Treating ${fileName(document)} as a speech transcript, as asked.`);
    return languages.setTextDocumentLanguage(document, SPEECH);
  }

  private checkEditors(editors: readonly TextEditor[]): void {
    for (const editor of editors) void this.check(editor.document);
  }

  private settle(document: TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(document);
      }, UNTITLED_SETTLE_MS),
    );
  }

  private async check(document: TextDocument): Promise<void> {
    if (document.languageId !== 'plaintext' || !['file', 'untitled'].includes(document.uri.scheme)) return;
    const key = document.uri.toString();
    if (this.decided.has(key)) return;
    const mode = workspace
      .getConfiguration('speechTidy', document)
      .get<DetectMode>('detectPlainText', 'auto');
    if (mode === 'off') return;
    if (!looksLikeSpeech(document.getText())) {
      // An untitled editor is still being filled; a saved file is what it is.
      if (!document.isUntitled) this.decided.add(key);
      return;
    }
    this.decided.add(key);
    if (mode === 'auto') {
      this.output.info(
        `${fileName(document)} looks like a speech transcript; switching it to Speech Transcript.`,
      );
      await languages.setTextDocumentLanguage(document, SPEECH);
      return;
    }
    const treat = l10n.t('Treat as Speech');
    const always = l10n.t('Always');
    const never = l10n.t('Never');
    const choice = await window.showInformationMessage(
      l10n.t('“{0}” looks like a Chinese speech transcript. Check it with Speech Tidy?', fileName(document)),
      treat,
      always,
      never,
    );
    const settings = workspace.getConfiguration('speechTidy');
    if (choice === always) await settings.update('detectPlainText', 'auto', ConfigurationTarget.Global);
    if (choice === never) await settings.update('detectPlainText', 'off', ConfigurationTarget.Global);
    if ((choice === treat || choice === always) && !document.isClosed) {
      await languages.setTextDocumentLanguage(document, SPEECH);
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
