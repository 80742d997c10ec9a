// LSP requests in, core calls, LSP results out. Nothing here knows what a watermark is.
import { pathToFileURL } from 'node:url';
import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, clearConfigCache, loadConfigFor, mergeSettings } from './configFile';
import {
  type Analysis,
  combineFixes,
  type Edit,
  fixAllEdits,
  foldingRegions,
  format,
  groupMembers,
  groupSize,
  hoverMarkdown,
  isRecord,
  type Locale,
  type ResolvedConfig,
  RULES,
  resolveConfig,
  type SpeechTidySettings,
  toLocale,
} from './core';
import type { EncodingSettings } from './decoding';
import { type AnalysisEnvironment, DocumentStore } from './documents';
import {
  type BulkFix,
  codeAction,
  FIX_ALL_KIND,
  findingOf,
  isBulkFix,
  toDiagnostic,
  toDocumentSymbol,
  toFoldingRange,
  toRange,
  toTextEdits,
  versionedEdit,
} from './protocol';
import { MAX_PUBLISHED_DIAGNOSTICS } from './publishing';
import { filePathOf, isIndexedPath, WorkspaceIndex } from './workspaceIndex';

/**
 * Between two analyses of one document lies a pause that grows with it: a long transcript does
 * not republish thousands of diagnostics for every keystroke of a burst.
 */
const CHARACTERS_PER_PAUSE_MS = 100_000;
const MAX_PAUSE_MS = 200;
const MAX_WORKSPACE_SYMBOLS = 2000;
const DEFAULT_MAX_FILE_SIZE_MB = 20;
const MEGABYTE = 1024 * 1024;

const TEXTS = {
  tooLarge: {
    en: 'Speech Tidy does not analyse {name}: at {size} MB it is larger than the limit of {limit} MB (setting speechTidy.maxFileSizeMB).',
    'zh-cn':
      'Speech Tidy 未分析 {name}：文件大小 {size} MB，超过了 {limit} MB 的上限（设置项 speechTidy.maxFileSizeMB）。',
  },
  tooManyProblems: {
    en: 'Speech Tidy found {count} problems in {name}, too many to list: it lists the first {shown}. Fix All and the fixes for all problems of a kind still reach every one.',
    'zh-cn':
      'Speech Tidy 在 {name} 中发现 {count} 个问题，数量太多，只列出前 {shown} 个。“修复全部”以及一次修复同类全部问题的操作仍会处理所有问题。',
  },
  binary: {
    en: 'Speech Tidy does not analyse {name}: it contains binary data (NUL characters), not text.',
    'zh-cn': 'Speech Tidy 未分析 {name}：文件含有二进制数据（NUL 字符），不是文本文件。',
  },
  settings: {
    en: 'Speech Tidy ignored part of its settings: {problems}',
    'zh-cn': 'Speech Tidy 忽略了部分设置：{problems}',
  },
  fixAll: { en: 'Fix all Speech Tidy problems', 'zh-cn': '修复全部 Speech Tidy 问题' },
  fixRule: {
    en: 'Fix all {count} “{rule}” problems in this document',
    'zh-cn': '修复本文档中全部 {count} 处“{rule}”问题',
  },
  replaceAll: {
    en: 'Replace all {count} “{token}” with “{expansion}”',
    'zh-cn': '将全部 {count} 处“{token}”替换为“{expansion}”',
  },
} as const;

interface ServerSettings {
  /** The editor's `speechTidy` settings, before a folder's `.speech-tidy.json` is merged in. */
  readonly editor: SpeechTidySettings;
  readonly maxFileSizeMB: number;
  readonly maxBytes: number;
}

/** What a workspace that is not trusted may not bring: patterns and dictionaries. */
const UNTRUSTED_KEYS = ['watermarkPhrases', 'placeholderMappings', 'ignoredPhrases'] as const;

function withoutPatterns(settings: SpeechTidySettings): SpeechTidySettings {
  const kept: Record<string, unknown> = { ...settings };
  for (const key of UNTRUSTED_KEYS) delete kept[key];
  return kept;
}

/**
 * How long a change waits before it is analysed: not at all when the document's last analysis
 * ended a pause ago or more (or there was none), else the rest of that pause. A keystroke after a
 * quiet moment is answered at once; the keystrokes of a burst wait, and are analysed together.
 */
export function waitBeforeAnalysis(lastAnalysed: number | undefined, pause: number, now: number): number {
  return lastAnalysed === undefined ? 0 : Math.max(0, lastAnalysed + pause - now);
}

export function startServer(connection: Connection): void {
  const index = new WorkspaceIndex();
  let locale: Locale = 'en';
  let canPullConfiguration = false;
  let canRegisterWatchers = false;
  let canFollowFolders = false;
  let canPinVersions = true;
  let canResolveEdits = false;
  let workspaceFolders: string[] = [];
  /** Set by the VS Code client from workspace trust; other editors are trusted. */
  let trusted = true;
  let settings: ServerSettings = {
    editor: {},
    maxFileSizeMB: DEFAULT_MAX_FILE_SIZE_MB,
    maxBytes: DEFAULT_MAX_FILE_SIZE_MB * MEGABYTE,
  };
  /** Resolved configurations by the `.speech-tidy.json` that applies ('' for none). */
  const configs = new Map<string, ResolvedConfig>();
  const reportedConfigProblems = new Set<string>();
  const documents = new DocumentStore(environmentFor);
  /**
   * Analyses wait for the user's settings, read once the client is initialized: a first
   * publication with the defaults would flash diagnostics of rules the user turned off.
   */
  let settingsLoaded: () => void = () => {};
  const settingsReady = new Promise<void>((resolve) => {
    settingsLoaded = resolve;
  });
  /**
   * Index work (folder walks, files the watcher reported) runs one task at a time, in the order
   * it was asked for; `workspace/symbol` answers once the work asked for before it is done.
   */
  let indexing: Promise<void> = Promise.resolve();
  const enqueueIndexing = (task: () => Promise<void>) => {
    indexing = indexing.then(task).catch((error: Error) => {
      connection.console.error(`Indexing failed: ${error.message}`);
    });
  };
  const pending = new Map<string, NodeJS.Timeout>();
  /** When each open document's last analysis ended, by `performance.now()`. */
  const lastAnalysed = new Map<string, number>();
  const warned = new Set<string>();

  const text = (key: keyof typeof TEXTS, args: Record<string, string | number> = {}) =>
    format(TEXTS[key], locale, args);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    locale = toLocale(params.initializationOptions?.locale ?? params.locale);
    trusted = params.initializationOptions?.workspaceTrusted !== false;
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canRegisterWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canFollowFolders = params.capabilities.workspace?.workspaceFolders === true;
    canPinVersions = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    const codeActionCapabilities = params.capabilities.textDocument?.codeAction;
    canResolveEdits =
      codeActionCapabilities?.dataSupport === true &&
      codeActionCapabilities.resolveSupport?.properties.includes('edit') === true;
    workspaceFolders = (params.workspaceFolders ?? [])
      .map((folder) => filePathOf(folder.uri))
      .filter((folder): folder is string => folder !== undefined);
    if (workspaceFolders.length === 0 && params.rootUri) {
      const root = filePathOf(params.rootUri);
      if (root) workspaceFolders.push(root);
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        documentSymbolProvider: { label: 'Speech Tidy' },
        foldingRangeProvider: true,
        hoverProvider: true,
        workspaceSymbolProvider: true,
        ...(canFollowFolders
          ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } }
          : {}),
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND],
          resolveProvider: true,
        },
      },
      serverInfo: { name: 'speech-tidy' },
    };
  });

  connection.onInitialized(async () => {
    // Queued first, so that a `workspace/symbol` right after start waits for the whole folders.
    const started = Date.now();
    enqueueIndexing(async () => {
      await indexFolders(workspaceFolders);
      const count = index.size;
      const files = count === 1 ? 'transcript' : 'transcripts';
      connection.console.info(`Indexed ${count} ${files} in ${Date.now() - started} ms.`);
    });
    if (canFollowFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        for (const folder of removed) {
          const folderPath = filePathOf(folder.uri);
          if (!folderPath) continue;
          workspaceFolders = workspaceFolders.filter((known) => known !== folderPath);
          enqueueIndexing(async () => index.removeFolder(folderPath));
        }
        for (const folder of added) {
          const folderPath = filePathOf(folder.uri);
          if (!folderPath) continue;
          workspaceFolders.push(folderPath);
          enqueueIndexing(() => indexFolders([folderPath]));
        }
      });
    }
    // A client that cannot register still has settings to read and folders to index.
    if (canPullConfiguration) {
      await register(() =>
        connection.client.register(DidChangeConfigurationNotification.type, {
          section: ['speechTidy', 'files'],
        }),
      );
    }
    if (canRegisterWatchers) {
      await register(() =>
        connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.{speech,txt}' }, { globPattern: `**/${CONFIG_FILE_NAME}` }],
        }),
      );
    }
    await refreshSettings();
  });

  /**
   * Indexes `folders`, reading their files as the editor does (`files.encoding`,
   * `files.autoGuessEncoding`); with `onlyIfReadAnew`, only those whose settings changed.
   */
  async function indexFolders(folders: readonly string[], onlyIfReadAnew = false): Promise<void> {
    const settings = await encodingSettingsOf(folders);
    for (const [at, folder] of folders.entries()) {
      const readAnew = index.readFolderAs(folder, settings[at]!);
      if (readAnew || !onlyIfReadAnew) await index.indexFolder(folder);
    }
  }

  /** Each folder's `files` settings where the client can be asked; VS Code's defaults elsewhere. */
  async function encodingSettingsOf(folders: readonly string[]): Promise<EncodingSettings[]> {
    const defaults = folders.map(() => ({}));
    if (!canPullConfiguration || folders.length === 0) return defaults;
    try {
      const answers: unknown[] = await connection.workspace.getConfiguration(
        folders.map((folder) => ({ scopeUri: pathToFileURL(folder).href, section: 'files' })),
      );
      return folders.map((_, at) => {
        const files = answers[at];
        if (!isRecord(files)) return {};
        return {
          ...(typeof files.encoding === 'string' ? { encoding: files.encoding } : {}),
          autoGuessEncoding: files.autoGuessEncoding === true,
        };
      });
    } catch (error) {
      connection.console.error(`Could not read the files settings: ${(error as Error).message}`);
      return defaults;
    }
  }

  async function register(registration: () => Promise<unknown>): Promise<void> {
    try {
      await registration();
    } catch (error) {
      connection.console.error(`The client refused a registration: ${(error as Error).message}`);
    }
  }

  let settingsRequests = 0;
  /**
   * The settings the open documents were last analysed with, as JSON. A change of `files`
   * settings (which the index reads) notifies too; settings that read the same as before
   * re-analyse nothing and warn no second time.
   */
  let appliedSettings: string | undefined;

  /** Reads the settings (pulled, or as pushed by a client that cannot be asked) and re-analyses. */
  async function refreshSettings(pushed?: unknown): Promise<void> {
    const request = ++settingsRequests;
    let raw: unknown = pushed;
    if (canPullConfiguration) {
      try {
        raw = await connection.workspace.getConfiguration('speechTidy');
      } catch (error) {
        connection.console.error(`Could not read the settings: ${(error as Error).message}`);
      }
    }
    // Two changes in quick succession: the answer to the later request wins, whatever the order.
    if (request !== settingsRequests) return;
    const source = isRecord(raw) ? raw : {};
    const applied = JSON.stringify(source);
    if (applied === appliedSettings) return;
    appliedSettings = applied;
    const sizeMb =
      typeof source.maxFileSizeMB === 'number' && source.maxFileSizeMB > 0
        ? source.maxFileSizeMB
        : DEFAULT_MAX_FILE_SIZE_MB;
    settings = { editor: source as SpeechTidySettings, maxFileSizeMB: sizeMb, maxBytes: sizeMb * MEGABYTE };
    const { problems } = resolveConfig(source, RULES, locale);
    if (problems.length > 0) {
      void connection.window.showWarningMessage(text('settings', { problems: problems.join('; ') }));
    }
    settingsLoaded();
    reanalyseAll();
  }

  /** Settings or a `.speech-tidy.json` changed: every open document is analysed afresh. */
  function reanalyseAll(): void {
    configs.clear();
    reportedConfigProblems.clear();
    documents.reset();
    for (const document of documents.all()) {
      clearTimeout(pending.get(document.uri));
      pending.delete(document.uri);
      validate(document);
    }
  }

  /**
   * The configuration of one document: the editor's settings with the nearest
   * `.speech-tidy.json` merged over them, the file winning key by key (it is what CI checks).
   * Until the workspace is trusted, neither brings patterns or dictionaries.
   */
  function environmentFor(uri: string): AnalysisEnvironment {
    const file = filePathOf(uri);
    const configFile = file ? loadConfigFor(file, locale) : undefined;
    const key = configFile?.path ?? '';
    let config = configs.get(key);
    if (!config) {
      const fileSettings = configFile?.path && !configFile.error ? configFile.settings : {};
      const merged = mergeSettings(settings.editor, fileSettings);
      config = resolveConfig(trusted ? merged : withoutPatterns(merged), RULES);
      configs.set(key, config);
      const problems = [
        ...(configFile?.error ? [`${configFile.path}: ${configFile.error}`] : []),
        ...(configFile?.problems ?? []),
      ];
      const report = problems.filter((problem) => !reportedConfigProblems.has(problem));
      if (report.length > 0) {
        for (const problem of report) reportedConfigProblems.add(problem);
        void connection.window.showWarningMessage(text('settings', { problems: report.join('; ') }));
      }
    }
    return { config, locale, maxBytes: settings.maxBytes };
  }

  function nameOf(uri: string): string {
    return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  }

  function validate(document: TextDocument): void {
    const state = documents.state(document.uri);
    if (!state) return;
    if (state.kind !== 'analysed') {
      const key = `${document.uri}#${state.kind}`;
      if (!warned.has(key)) {
        warned.add(key);
        const message =
          state.kind === 'too-large'
            ? text('tooLarge', {
                name: nameOf(document.uri),
                size: (state.bytes / MEGABYTE).toFixed(1),
                limit: settings.maxFileSizeMB,
              })
            : text('binary', { name: nameOf(document.uri) });
        void connection.window.showWarningMessage(message);
      }
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
      return;
    }
    warned.delete(`${document.uri}#too-large`);
    warned.delete(`${document.uri}#binary`);
    const { findings } = state.analysis;
    const published =
      findings.length > MAX_PUBLISHED_DIAGNOSTICS ? findings.slice(0, MAX_PUBLISHED_DIAGNOSTICS) : findings;
    const cappedKey = `${document.uri}#capped`;
    if (published.length < findings.length) {
      if (!warned.has(cappedKey)) {
        warned.add(cappedKey);
        // Grouped in thousands, as both languages write long numbers.
        const format = (count: number) => count.toLocaleString('en');
        const args = {
          name: nameOf(document.uri),
          count: format(findings.length),
          shown: format(published.length),
        };
        void connection.window.showWarningMessage(text('tooManyProblems', args));
      }
    } else warned.delete(cappedKey);
    const diagnostics = published.map((finding) => toDiagnostic(document, finding));
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    // The editor's text is newer than the disk's: workspace symbols follow it while it is open.
    const file = filePathOf(document.uri);
    if (file) index.indexOpen(file, document.getText(), state.analysis);
  }

  function schedule(document: TextDocument): void {
    const { uri } = document;
    clearTimeout(pending.get(uri));
    const wait = waitBeforeAnalysis(lastAnalysed.get(uri), pauseFor(document), performance.now());
    const timer = setTimeout(() => {
      // Until the settings are read the timer stays pending, so a newer version still replaces it.
      void settingsReady.then(() => {
        if (pending.get(uri) !== timer) return;
        pending.delete(uri);
        // The timer of a superseded version was cleared; this is the newest text.
        const current = documents.get(uri);
        if (!current) return;
        validate(current);
        lastAnalysed.set(uri, performance.now());
      });
    }, wait);
    pending.set(uri, timer);
  }

  /** The pause between two analyses of `document`, in ms. */
  function pauseFor(document: TextDocument): number {
    return Math.min(MAX_PAUSE_MS, Math.floor(document.getText().length / CHARACTERS_PER_PAUSE_MS));
  }

  connection.onDidOpenTextDocument(({ textDocument: { uri, languageId, version, text: content } }) => {
    lastAnalysed.delete(uri);
    schedule(documents.open(uri, languageId, version, content));
  });
  connection.onDidChangeTextDocument(({ textDocument: { uri, version }, contentChanges }) => {
    const document = documents.change(uri, version, contentChanges);
    if (document) schedule(document);
    else
      connection.console.warn(
        `Ignored a change to ${nameOf(uri)}: not open, or version ${version} is not newer.`,
      );
  });
  connection.onDidCloseTextDocument(({ textDocument: { uri } }) => {
    clearTimeout(pending.get(uri));
    pending.delete(uri);
    lastAnalysed.delete(uri);
    documents.close(uri);
    // Reopening a document that was refused or cut short explains it again.
    warned.delete(`${uri}#too-large`);
    warned.delete(`${uri}#binary`);
    warned.delete(`${uri}#capped`);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    const file = filePathOf(uri);
    if (!file) return;
    index.closed(file);
    // The disk has the text again: the saved edits, or the old text if they were discarded. A
    // file from outside the workspace leaves the index with its editor.
    if (isIndexedPath(workspaceFolders, file)) reindex(file);
    else index.remove(file);
  });

  /** Reads a file into the index; one open in the editor keeps the editor's text, the newer. */
  function reindex(file: string): void {
    enqueueIndexing(() => index.indexFile(file));
  }

  connection.onDidChangeConfiguration(({ settings: pushed }) => {
    // A folder told to read its files in another encoding has its transcripts read again.
    enqueueIndexing(() => indexFolders(workspaceFolders, true));
    return refreshSettings(isRecord(pushed) ? pushed.speechTidy : undefined);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) {
      const file = filePathOf(change.uri);
      if (!file) continue;
      if (file.endsWith(CONFIG_FILE_NAME)) {
        clearConfigCache();
        reanalyseAll();
        continue;
      }
      if (change.type === FileChangeType.Deleted) {
        // A deleted folder is reported once, by the folder's name.
        enqueueIndexing(async () => {
          index.remove(file);
          index.removeFolder(file);
        });
      } else if (isIndexedPath(workspaceFolders, file)) {
        reindex(file);
      }
    }
  });

  connection.onDocumentSymbol(async ({ textDocument }) => {
    await settingsReady;
    const document = documents.get(textDocument.uri);
    const analysis = document && documents.analysis(document.uri);
    if (!document || !analysis) return null;
    return analysis.outline.map((node) => toDocumentSymbol(document, node));
  });

  connection.onFoldingRanges(async ({ textDocument }) => {
    await settingsReady;
    const document = documents.get(textDocument.uri);
    const analysis = document && documents.analysis(document.uri);
    if (!analysis) return null;
    return foldingRegions(analysis.model, analysis.outline).map(toFoldingRange);
  });

  connection.onHover(async ({ textDocument, position }) => {
    await settingsReady;
    const document = documents.get(textDocument.uri);
    const analysis = document && documents.analysis(document.uri);
    if (!document || !analysis) return null;
    const offset = document.offsetAt(position);
    const markdown = hoverMarkdown(analysis, offset, locale);
    if (!markdown) return null;
    const finding = analysis.findings.find(
      (candidate) => candidate.start <= offset && offset < candidate.end,
    )!;
    return {
      contents: { kind: 'markdown', value: markdown },
      range: toRange(document, finding.start, finding.end),
    };
  });

  // For `npm run bench` and for diagnosing memory in the field: no document content, only sizes.
  connection.onRequest('speechTidy/memoryUsage', () => {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage();
  });

  connection.onWorkspaceSymbol(async ({ query }) => {
    await indexing;
    return index.query(query, MAX_WORKSPACE_SYMBOLS);
  });

  connection.onCodeAction(async (params) => {
    await settingsReady;
    return codeActions(params);
  });

  function codeActions({ textDocument, context }: CodeActionParams): CodeAction[] {
    const document = documents.get(textDocument.uri);
    const analysis = document && documents.analysis(document.uri);
    if (!document || !analysis) return [];
    const wants = (kind: string) =>
      !context.only || context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
    const actions: CodeAction[] = [];
    /** An action over many findings: its edits are made when the user picks it, if the client can wait. */
    const bulk = (title: string, fix: BulkFix): CodeAction =>
      canResolveEdits
        ? { title, kind: CodeActionKind.QuickFix, data: fix }
        : codeAction(title, CodeActionKind.QuickFix, bulkEdit(document, analysis, fix));

    if (wants(CodeActionKind.QuickFix)) {
      const rulesSeen = new Set<string>();
      const groupsSeen = new Set<string>();
      for (const diagnostic of context.diagnostics) {
        const finding = findingOf(document, analysis.findings, diagnostic);
        if (!finding) continue;
        let preferredGiven = false;
        for (const fix of finding.fixes) {
          const isPreferred: boolean = fix.safe && !preferredGiven;
          preferredGiven ||= isPreferred;
          actions.push(
            codeAction(fix.title, CodeActionKind.QuickFix, pinnedEdit(document, fix.edits), {
              diagnostics: [diagnostic],
              isPreferred,
            }),
          );
          if (fix.group && !groupsSeen.has(fix.group)) {
            groupsSeen.add(fix.group);
            const count = groupSize(analysis.findings, fix.group);
            if (count > 1) {
              const [token, expansion] = fix.group.split('→');
              actions.push(
                bulk(text('replaceAll', { count, token: token ?? '', expansion: expansion ?? '' }), {
                  uri: document.uri,
                  group: fix.group,
                }),
              );
            }
          }
        }
        const rule = String(diagnostic.code);
        if (rulesSeen.has(rule)) continue;
        rulesSeen.add(rule);
        const count = analysis.findings.filter((f) => f.rule === rule && f.hasSafeFix).length;
        if (count > 1) actions.push(bulk(text('fixRule', { count, rule }), { uri: document.uri, rule }));
      }
    }

    // Source actions are asked for explicitly (on save, or from the Source Action menu).
    if (context.only && wants(FIX_ALL_KIND)) {
      const edits = fixAllEdits(analysis.findings);
      if (edits.length > 0) {
        actions.push(codeAction(text('fixAll'), FIX_ALL_KIND, pinnedEdit(document, edits)));
      }
    }
    return actions;
  }

  function bulkEdit(document: TextDocument, analysis: Analysis, fix: BulkFix): WorkspaceEdit {
    const edits =
      'group' in fix
        ? combineFixes(groupMembers(analysis.findings, fix.group))
        : fixAllEdits(analysis.findings, fix.rule);
    return pinnedEdit(document, edits);
  }

  function pinnedEdit(document: TextDocument, edits: readonly Edit[]): WorkspaceEdit {
    return versionedEdit(document, toTextEdits(document, edits), canPinVersions);
  }

  // The text may have changed since the action was offered: its edits are made for the text as
  // it is now ("replace all X with 党" still means that) and pinned to that version.
  connection.onCodeActionResolve(async (action) => {
    await settingsReady;
    if (!isBulkFix(action.data)) return action;
    const document = documents.get(action.data.uri);
    const analysis = document && documents.analysis(document.uri);
    if (!document || !analysis) return action;
    return { ...action, edit: bulkEdit(document, analysis, action.data) };
  });

  connection.listen();
}
