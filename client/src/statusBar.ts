// The active transcript at a glance: how long it is in Chinese characters (字数, the measure
// speeches are commissioned and timed by) and how many problems Speech Tidy found in it.
import {
  type Diagnostic,
  type DiagnosticCollection,
  DiagnosticSeverity,
  type Disposable,
  type Event,
  env,
  l10n,
  languages,
  MarkdownString,
  StatusBarAlignment,
  type TextDocument,
  window,
  workspace,
} from 'vscode';
import { countHan } from '../../server/src/core/text';
import { MAX_PUBLISHED_DIAGNOSTICS } from '../../server/src/publishing';
import { SPEECH } from './detection';
import { RESTART_COMMAND, type ServerState } from './server';

/** What the status bar needs from the language server. */
export interface ProblemSource {
  readonly state: ServerState;
  readonly diagnostics: DiagnosticCollection | undefined;
  readonly onDidChangeState: Event<void>;
}

/** Counting a long transcript on every keystroke would be wasted work while typing. */
const RECOUNT_DELAY_MS = 250;

function severityIcon(found: readonly Diagnostic[]): string {
  if (found.length === 0) return '$(check)';
  // A loop, not `Math.min(...)`: spreading a few hundred thousand problems overflows the stack.
  let worst = DiagnosticSeverity.Hint;
  for (const { severity } of found) if (severity < worst) worst = severity;
  if (worst === DiagnosticSeverity.Error) return '$(error)';
  return worst === DiagnosticSeverity.Warning ? '$(warning)' : '$(info)';
}

export class TranscriptStatus implements Disposable {
  private readonly item = window.createStatusBarItem('speechTidy.status', StatusBarAlignment.Right, 100);
  private readonly subscriptions: Disposable[];
  private readonly numbers = new Intl.NumberFormat(env.language);
  private counted: { uri: string; version: number; han: number } | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly server: ProblemSource) {
    this.item.name = l10n.t('Speech Tidy: Transcript Length and Problems');
    this.subscriptions = [
      server.onDidChangeState(() => this.update()),
      window.onDidChangeActiveTextEditor(() => this.update()),
      // Switching a plain-text file to speech reopens it under the same editor.
      workspace.onDidOpenTextDocument(() => this.update()),
      workspace.onDidChangeTextDocument(({ document }) => {
        if (document === window.activeTextEditor?.document) this.schedule();
      }),
      languages.onDidChangeDiagnostics(({ uris }) => {
        const active = window.activeTextEditor?.document.uri.toString();
        if (uris.some((uri) => uri.toString() === active)) this.update();
      }),
    ];
    this.update();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), RECOUNT_DELAY_MS);
  }

  private hanCount(document: TextDocument): number {
    const uri = document.uri.toString();
    if (this.counted?.uri !== uri || this.counted.version !== document.version) {
      this.counted = { uri, version: document.version, han: countHan(document.getText()) };
    }
    return this.counted.han;
  }

  update(): void {
    const document = window.activeTextEditor?.document;
    if (!document || document.languageId !== SPEECH) {
      this.item.hide();
      return;
    }
    const length = this.numbers.format(this.hanCount(document));
    const lengthText = `$(book) ${l10n.t('{0} 字', length)}`;
    const tooltip = new MarkdownString('**Speech Tidy**\n\n');
    tooltip.appendText(l10n.t('Length: {0} Chinese characters (字数)', length));
    tooltip.appendMarkdown('\n\n');
    const { state } = this.server;
    if (state !== 'running') {
      // A transcript nobody is checking must not look like a clean one.
      this.item.text = `${lengthText}  ${state === 'starting' ? '$(sync~spin)' : '$(circle-slash)'}`;
      tooltip.appendText(
        state === 'starting'
          ? l10n.t('Starting the language server…')
          : l10n.t('Not checked: the language server is not running. Click to restart it.'),
      );
      this.item.command = state === 'starting' ? undefined : RESTART_COMMAND;
      this.item.accessibilityInformation = { label: l10n.t('{0} Chinese characters, not checked', length) };
    } else {
      const found = this.server.diagnostics?.get(document.uri) ?? [];
      // The server lists no more than this; a warning told the user how many there are.
      const problems = `${this.numbers.format(found.length)}${found.length >= MAX_PUBLISHED_DIAGNOSTICS ? '+' : ''}`;
      this.item.text = `${lengthText}  ${severityIcon(found)} ${problems}`;
      // English says "1 problem": each count has its own text, as l10n has no plural forms.
      tooltip.appendText(
        found.length === 0
          ? l10n.t('No problems found')
          : found.length === 1
            ? l10n.t('1 problem found; click to open the Problems view')
            : l10n.t('{0} problems found; click to open the Problems view', problems),
      );
      this.item.command = 'workbench.actions.view.problems';
      this.item.accessibilityInformation = {
        label:
          found.length === 1
            ? l10n.t('{0} Chinese characters, 1 problem', length)
            : l10n.t('{0} Chinese characters, {1} problems', length, problems),
      };
    }
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
