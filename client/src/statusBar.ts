// The active transcript at a glance: how long it is in Chinese characters (字数, the measure
// speeches are commissioned and timed by) and how many problems Speech Tidy found in it.
import {
  type DiagnosticCollection,
  DiagnosticSeverity,
  type Disposable,
  env,
  l10n,
  languages,
  MarkdownString,
  StatusBarAlignment,
  type TextDocument,
  window,
  workspace,
} from 'vscode';
import { HAN } from '../../server/src/core/text';
import { SPEECH } from './detection';

/** Counting a long transcript on every keystroke would be wasted work while typing. */
const RECOUNT_DELAY_MS = 250;
const han = new RegExp(HAN, 'gu');

function countHan(text: string): number {
  let count = 0;
  han.lastIndex = 0;
  while (han.exec(text) !== null) count += 1;
  return count;
}

export class TranscriptStatus implements Disposable {
  private readonly item = window.createStatusBarItem('speechTidy.status', StatusBarAlignment.Right, 100);
  private readonly subscriptions: Disposable[];
  private readonly numbers = new Intl.NumberFormat(env.language);
  private counted: { uri: string; version: number; han: number } | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly diagnostics: () => DiagnosticCollection | undefined) {
    this.item.name = l10n.t('Speech Tidy: Transcript Length and Problems');
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions = [
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
    const found = this.diagnostics()?.get(document.uri) ?? [];
    const errors = found.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error).length;
    const problems = found.length;
    const icon = problems === 0 ? '$(check)' : errors > 0 ? '$(error)' : '$(warning)';
    this.item.text = `$(book) ${l10n.t('{0} 字', length)}  ${icon} ${this.numbers.format(problems)}`;
    const tooltip = new MarkdownString(`**Speech Tidy**\n\n`);
    tooltip.appendText(l10n.t('Length: {0} Chinese characters (字数)', length));
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(
      problems === 0
        ? l10n.t('No problems found')
        : l10n.t('{0} problems found; click to open the Problems view', this.numbers.format(problems)),
    );
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = {
      label: l10n.t('{0} Chinese characters, {1} problems', length, problems),
    };
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
