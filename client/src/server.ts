// Owns the language client: started on the first speech document rather than on activation,
// because the extension also activates for every plain-text file it might detect.
import { EventEmitter, type LogOutputChannel, l10n, window, workspace } from 'vscode';
import {
  CloseAction,
  type CloseHandlerResult,
  ErrorAction,
  type ErrorHandler,
  type ErrorHandlerResult,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';

/** More crashes than this within the window means restarting would only crash again. */
const MAX_CRASHES = 4;
const CRASH_WINDOW_MS = 3 * 60 * 1000;
/** Write errors come in bursts when the connection breaks; a few are survivable. */
const MAX_CONNECTION_ERRORS = 3;

export const RESTART_COMMAND = 'speechTidy.restartServer';
export const SHOW_OUTPUT_COMMAND = 'speechTidy.showOutput';

/**
 * Restarts a crashed server and tells the user each time, so that a transcript silently losing
 * its diagnostics is never mistaken for a clean one.
 */
class CrashReporter implements ErrorHandler {
  private readonly crashes: number[] = [];

  constructor(
    private readonly output: LogOutputChannel,
    private readonly act: (command: string) => void,
  ) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    const action = (count ?? 1) <= MAX_CONNECTION_ERRORS ? ErrorAction.Continue : ErrorAction.Shutdown;
    return { action };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0]! > CRASH_WINDOW_MS) this.crashes.shift();
    const showOutput = l10n.t('Show Output');
    if (this.crashes.length <= MAX_CRASHES) {
      this.output.error('The language server stopped unexpectedly; restarting it.');
      void window
        .showWarningMessage(
          l10n.t('The Speech Tidy language server stopped unexpectedly and has been restarted.'),
          showOutput,
        )
        .then((choice) => choice && this.act(SHOW_OUTPUT_COMMAND));
      return { action: CloseAction.Restart, handled: true };
    }
    this.output.error(
      `The language server stopped ${this.crashes.length} times in 3 minutes; not restarting it.`,
    );
    const restart = l10n.t('Restart Server');
    void window
      .showErrorMessage(
        l10n.t(
          'The Speech Tidy language server stopped {0} times in 3 minutes and was not restarted. Transcripts are not being checked.',
          this.crashes.length,
        ),
        restart,
        showOutput,
      )
      .then((choice) => {
        if (choice === restart) this.act(RESTART_COMMAND);
        else if (choice === showOutput) this.act(SHOW_OUTPUT_COMMAND);
      });
    this.crashes.length = 0;
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

export type ServerState = 'running' | 'starting' | 'stopped';

export class SpeechServer {
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;
  private readonly stateChanged = new EventEmitter<void>();
  /** Fires when the server starts, stops or crashes, for the status bar. */
  readonly onDidChangeState = this.stateChanged.event;

  constructor(
    private readonly serverModule: string,
    private readonly output: LogOutputChannel,
    private readonly locale: string,
    private readonly act: (command: string) => void,
  ) {}

  /** The diagnostics the server published, for the status bar. */
  get diagnostics() {
    return this.client?.diagnostics;
  }

  get state(): ServerState {
    const state = this.client?.state;
    if (state === State.Running) return 'running';
    return state === State.Starting ? 'starting' : 'stopped';
  }

  /** Starts the server unless it runs already; resolves once it has initialized. */
  start(): Promise<void> {
    if (this.client && this.starting) return this.starting;
    const module = this.serverModule;
    // Over stdio, as other editors run it: each keystroke in a long transcript republishes every
    // diagnostic, and the server's own encoder writes them in under a third of the time that
    // IPC's JSON.stringify of the whole message takes (1.5 against 5 ms for 3,072).
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.stdio },
      debug: {
        module,
        transport: TransportKind.stdio,
        options: { execArgv: ['--nolazy', '--inspect=6009'] },
      },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { language: 'speech', scheme: 'file' },
        { language: 'speech', scheme: 'untitled' },
      ],
      // The server withholds the patterns of an untrusted workspace's .speech-tidy.json, which
      // VS Code's restrictedConfigurations cannot cover; it reads this once, at start.
      initializationOptions: { locale: this.locale, workspaceTrusted: workspace.isTrusted },
      outputChannel: this.output,
      errorHandler: new CrashReporter(this.output, this.act),
    };
    const client = new LanguageClient('speechTidy', 'Speech Tidy', serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState(() => this.stateChanged.fire());
    this.starting = client.start().catch((error: unknown) => {
      this.client = undefined;
      this.starting = undefined;
      this.output.error(`The language server did not start: ${String(error)}`);
      const showOutput = l10n.t('Show Output');
      void window
        .showErrorMessage(l10n.t('The Speech Tidy language server did not start.'), showOutput)
        .then((choice) => choice && this.act(SHOW_OUTPUT_COMMAND));
      throw error;
    });
    return this.starting;
  }

  async restart(): Promise<void> {
    const client = this.client;
    if (!client?.isRunning()) {
      this.client = undefined;
      this.starting = undefined;
      await client?.dispose().catch(() => undefined);
      return this.start();
    }
    this.output.info('Restarting the language server.');
    await client.restart();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.starting = undefined;
    await client?.dispose();
    this.stateChanged.dispose();
  }
}
