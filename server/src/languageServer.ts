// LSP requests in, core calls, LSP results out. Nothing here knows what a watermark is.
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
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './analysisCache';
import {
  fixAllEdits,
  foldingRegions,
  format,
  groupEdits,
  hoverMarkdown,
  type Locale,
  outline,
  type ResolvedConfig,
  RULES,
  resolveConfig,
  toLocale,
} from './core';
import {
  codeAction,
  DIAGNOSTIC_SOURCE,
  FIX_ALL_KIND,
  type FindingData,
  toDiagnostic,
  toDocumentSymbol,
  toFoldingRange,
  toRange,
  toTextEdits,
  versionedEdit,
} from './protocol';
import { filePathOf, isSpeechFile, WorkspaceIndex } from './workspaceIndex';

/** Typing pauses shorter than this do not start an analysis; the last version wins. */
const CHANGE_DELAY_MS = 60;
const MAX_WORKSPACE_SYMBOLS = 2000;
const DEFAULT_MAX_LENGTH = 20 * 1024 * 1024;

const TEXTS = {
  tooLarge: {
    en: 'Speech Tidy does not analyse {name}: at {size} MB it is larger than the limit of {limit} MB (setting speechTidy.maxFileSizeMB).',
    'zh-cn':
      'Speech Tidy 未分析 {name}：文件大小 {size} MB，超过了 {limit} MB 的上限（设置项 speechTidy.maxFileSizeMB）。',
  },
  binary: {
    en: 'Speech Tidy does not analyse {name}: it contains binary data (NUL characters), not text.',
    'zh-cn': 'Speech Tidy 未分析 {name}：其中含有二进制数据（NUL 字符），不是文本。',
  },
  settings: {
    en: 'Speech Tidy ignored part of its settings: {problems}',
    'zh-cn': 'Speech Tidy 忽略了部分设置：{problems}',
  },
  fixAll: { en: 'Fix all Speech Tidy problems', 'zh-cn': '修复所有 Speech Tidy 问题' },
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
  readonly config: ResolvedConfig;
  readonly maxLength: number;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const index = new WorkspaceIndex();
  let locale: Locale = 'en';
  let canPullConfiguration = false;
  let canRegisterWatchers = false;
  let workspaceFolders: string[] = [];
  let settings: ServerSettings = { config: resolveConfig({}, RULES), maxLength: DEFAULT_MAX_LENGTH };
  const cache = new AnalysisCache(() => ({ ...settings, locale }));
  const pending = new Map<string, NodeJS.Timeout>();
  const warned = new Set<string>();

  const text = (key: keyof typeof TEXTS, args: Record<string, string | number> = {}) =>
    format(TEXTS[key], locale, args);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    locale = toLocale(params.initializationOptions?.locale ?? params.locale);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canRegisterWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
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
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND],
        },
      },
      serverInfo: { name: 'speech-tidy' },
    };
  });

  connection.onInitialized(async () => {
    if (canPullConfiguration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'speechTidy' });
    }
    if (canRegisterWatchers) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{speech,txt}' }],
      });
    }
    await refreshSettings();
    const started = Date.now();
    for (const folder of workspaceFolders) await index.indexFolder(folder);
    connection.console.info(`Indexed ${index.size} transcripts in ${Date.now() - started} ms.`);
  });

  async function refreshSettings(): Promise<void> {
    let raw: Record<string, unknown> = {};
    if (canPullConfiguration) {
      try {
        raw = ((await connection.workspace.getConfiguration('speechTidy')) as Record<string, unknown>) ?? {};
      } catch (error) {
        connection.console.error(`Could not read the settings: ${(error as Error).message}`);
      }
    }
    const config = resolveConfig(raw, RULES);
    const sizeMb =
      typeof raw.maxFileSizeMB === 'number' && raw.maxFileSizeMB > 0 ? raw.maxFileSizeMB : undefined;
    settings = { config, maxLength: sizeMb ? sizeMb * 1024 * 1024 : DEFAULT_MAX_LENGTH };
    if (config.problems.length > 0) {
      void connection.window.showWarningMessage(text('settings', { problems: config.problems.join('; ') }));
    }
    cache.clear();
    for (const document of documents.all()) validate(document);
  }

  function nameOf(uri: string): string {
    return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  }

  function validate(document: TextDocument): void {
    const state = cache.get(document);
    if (state.kind !== 'analysed') {
      const key = `${document.uri}#${state.kind}`;
      if (!warned.has(key)) {
        warned.add(key);
        const message =
          state.kind === 'too-large'
            ? text('tooLarge', {
                name: nameOf(document.uri),
                size: (state.length / 1024 / 1024).toFixed(1),
                limit: Math.round(settings.maxLength / 1024 / 1024),
              })
            : text('binary', { name: nameOf(document.uri) });
        void connection.window.showWarningMessage(message);
      }
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
      return;
    }
    warned.delete(`${document.uri}#too-large`);
    warned.delete(`${document.uri}#binary`);
    const diagnostics = state.analysis.findings.map((finding) => toDiagnostic(document, finding));
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  }

  function schedule(document: TextDocument, delay: number): void {
    clearTimeout(pending.get(document.uri));
    pending.set(
      document.uri,
      setTimeout(() => {
        pending.delete(document.uri);
        // The timer of a superseded version was cleared above; this is the newest text.
        const current = documents.get(document.uri);
        if (current) validate(current);
      }, delay),
    );
  }

  documents.onDidOpen(({ document }) => schedule(document, 0));
  documents.onDidChangeContent(({ document }) => schedule(document, CHANGE_DELAY_MS));
  documents.onDidClose(({ document }) => {
    clearTimeout(pending.get(document.uri));
    pending.delete(document.uri);
    cache.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    const file = filePathOf(document.uri);
    if (file) void index.indexFile(file);
  });

  connection.onDidChangeConfiguration(() => refreshSettings());

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    for (const change of changes) {
      const file = filePathOf(change.uri);
      if (!file || !isSpeechFile(file)) continue;
      if (change.type === FileChangeType.Deleted) index.remove(file);
      else if (!documents.get(change.uri)) await index.indexFile(file);
    }
  });

  connection.onDocumentSymbol(({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    const analysis = document && cache.analysis(document);
    if (!document || !analysis) return null;
    index.indexText(filePathOf(document.uri) ?? document.uri, document.getText());
    return outline(analysis.model).map((node) => toDocumentSymbol(document, node));
  });

  connection.onFoldingRanges(({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    const analysis = document && cache.analysis(document);
    if (!analysis) return null;
    return foldingRegions(analysis.model, outline(analysis.model)).map(toFoldingRange);
  });

  connection.onHover(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    const analysis = document && cache.analysis(document);
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

  connection.onWorkspaceSymbol(({ query }) => index.query(query, MAX_WORKSPACE_SYMBOLS));

  connection.onCodeAction((params) => codeActions(params));

  function codeActions({ textDocument, context }: CodeActionParams): CodeAction[] {
    const document = documents.get(textDocument.uri);
    const analysis = document && cache.analysis(document);
    if (!document || !analysis) return [];
    const wants = (kind: string) =>
      !context.only || context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
    const actions: CodeAction[] = [];

    if (wants(CodeActionKind.QuickFix)) {
      const rulesSeen = new Set<string>();
      const groupsSeen = new Set<string>();
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
        const data = diagnostic.data as FindingData | undefined;
        // A diagnostic of an older version would place its edits wrongly; fresh ones follow.
        if (!data || data.version !== document.version || !Array.isArray(data.fixes)) continue;
        let preferredGiven = false;
        for (const fix of data.fixes) {
          const isPreferred: boolean = fix.safe && !preferredGiven;
          preferredGiven ||= isPreferred;
          actions.push(
            codeAction(fix.title, CodeActionKind.QuickFix, versionedEdit(document, fix.edits), {
              diagnostics: [diagnostic],
              isPreferred,
            }),
          );
          if (fix.group && !groupsSeen.has(fix.group)) {
            groupsSeen.add(fix.group);
            const { edits, count } = groupEdits(analysis.findings, fix.group);
            if (count > 1) {
              const [token, expansion] = fix.group.split('→');
              actions.push(
                codeAction(
                  text('replaceAll', { count, token: token ?? '', expansion: expansion ?? '' }),
                  CodeActionKind.QuickFix,
                  versionedEdit(document, toTextEdits(document, edits)),
                ),
              );
            }
          }
        }
        const rule = String(diagnostic.code);
        if (rulesSeen.has(rule)) continue;
        rulesSeen.add(rule);
        const count = analysis.findings.filter(
          (f) => f.rule === rule && f.fixes.some((fix) => fix.safe),
        ).length;
        if (count > 1) {
          actions.push(
            codeAction(
              text('fixRule', { count, rule }),
              CodeActionKind.QuickFix,
              versionedEdit(document, toTextEdits(document, fixAllEdits(analysis.findings, rule))),
            ),
          );
        }
      }
    }

    // Source actions are asked for explicitly (on save, or from the Source Action menu).
    if (context.only && wants(FIX_ALL_KIND)) {
      const edits = fixAllEdits(analysis.findings);
      if (edits.length > 0) {
        actions.push(
          codeAction(text('fixAll'), FIX_ALL_KIND, versionedEdit(document, toTextEdits(document, edits))),
        );
      }
    }
    return actions;
  }

  documents.listen(connection);
  connection.listen();
}
