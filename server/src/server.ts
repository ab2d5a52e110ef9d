// The language server: LSP wiring only. Every handler turns its params into a parsed policy and
// an offset, calls one pure feature function, and is guarded so that an exception is logged and
// answered with an empty result instead of killing the server.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, MessageType, ProposedFeatures, ShowMessageNotification, TextDocuments,
  TextDocumentSyncKind, type Diagnostic, type InitializeResult, type TextDocumentPositionParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { announceWarm } from './bootstrap/warm';
import { clientAbilities, type ClientAbilities } from './clientAbilities';
import { getCatalog } from './catalog/loadCatalog';
import { CODE_ACTION_KINDS, provideCodeActions } from './features/codeActions';
import { executeServerCommand, SERVER_COMMANDS, type CommandHost } from './features/commands';
import { provideCodeLenses } from './features/codeLens';
import { computeDiagnostics } from './features/diagnostics';
import { doComplete, resolveCompletion } from './features/completion';
import { doHover } from './features/hover';
import { provideSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './features/semanticTokens';
import { formatSummaryMarkdown, summarizePolicy } from './features/summary';
import { simulateInEditor } from './evaluation/editor';
import { SIMULATE_REQUEST, type SimulateParams } from './evaluation/editorProtocol';
import type { PolicyDocument } from './policy/model';
import { PolicyCache } from './policyDocuments';
import { ProjectSettings } from './projectSettings';
import { invalidSettingsMessage } from './settingsFile';
import {
  ACCESS_SUMMARY_REQUEST, DOCUMENT_KIND_NOTIFICATION, SET_KIND_REQUEST, SETTINGS_FILE_NAME, withDefaults, type AccessSummaryParams,
  type DocumentKindParams, type IamPolicySettings, type SetKindParams,
} from './protocol';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const policies = new PolicyCache();
const settingsByUri = new Map<string, Promise<IamPolicySettings>>();
/** what the client announced at initialize */
let client: ClientAbilities;
/** settings from didChangeConfiguration, for clients that push them instead of answering pulls */
let pushedSettings = withDefaults(undefined);
let workspaceFolderUris: string[] = [];

/** An open document's text by its path: the editor's copy of a settings file wins over the disk's. */
function openText(path: string): string | undefined {
  for (const document of documents.all()) {
    if (document.uri.startsWith('file:') && fileURLToPath(document.uri) === path) return document.getText();
  }
  return undefined;
}
const readText = (path: string) => openText(path) ?? readFileSync(path, 'utf8');

/** the nearest .iam-lint.json of each document, over the editor's settings (projectSettings.ts) */
const projectSettings = new ProjectSettings({
  exists: path => openText(path) !== undefined || existsSync(path),
  readFile: readText,
  reportInvalid: (path, problems) => {
    const message = `${invalidSettingsMessage(path, problems)}\nIt is ignored until it is fixed.`;
    connection.console.warn(message);
    // window/showMessage, not window.showWarningMessage: that is a request, rejected by clients without it
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  },
});

function logError(where: string, error: unknown): void {
  connection.console.error(`${where}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
}

/** Wraps a handler: exceptions are logged and answered with `fallback`. */
function guard<P, R>(name: string, fallback: R, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
  return async params => {
    try {
      return await handler(params);
    } catch (error) {
      logError(name, error);
      return fallback;
    }
  };
}

function editorSettingsFor(uri: string): Promise<IamPolicySettings> {
  if (!client.pullsConfiguration) return Promise.resolve(pushedSettings);
  return connection.workspace.getConfiguration({ scopeUri: uri, section: 'iamPolicy' })
    .then(withDefaults, () => withDefaults(undefined));
}

/** The editor's settings with the project's .iam-lint.json over them; one object per URI until they change. */
function settingsFor(uri: string): Promise<IamPolicySettings> {
  let settings = settingsByUri.get(uri);
  if (!settings) {
    settings = editorSettingsFor(uri).then(editor => {
      try {
        return projectSettings.apply(uri, editor);
      } catch (error) {
        logError('project settings', error);
        return editor;
      }
    });
    settingsByUri.set(uri, settings);
  }
  return settings;
}

async function policyAt(uri: string): Promise<{ doc: PolicyDocument; settings: IamPolicySettings } | undefined> {
  const document = documents.get(uri);
  if (!document) return undefined;
  const settings = await settingsFor(uri);
  const doc = policies.get(document, settings);
  return doc && { doc, settings };
}

async function atPosition(params: TextDocumentPositionParams) {
  const found = await policyAt(params.textDocument.uri);
  return found && { ...found, offset: found.doc.textDocument.offsetAt(params.position) };
}

const pendingValidation = new Map<string, NodeJS.Immediate>();

/**
 * Problems published per document, the most severe first: an editor lists no more usefully, and the
 * 250,000 of a generated 5 MB policy took seconds to send and to read.
 */
const MAX_PUBLISHED_DIAGNOSTICS = 1000;

function mostSevere(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_PUBLISHED_DIAGNOSTICS) return diagnostics;
  return [...diagnostics].sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1)).slice(0, MAX_PUBLISHED_DIAGNOSTICS);
}

async function validate(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document) return;
  const version = document.version;
  const found = await policyAt(uri);
  if (documents.get(uri)?.version !== version) return; // a newer edit will validate
  const diagnostics = found ? computeDiagnostics(found.doc, getCatalog(), found.settings, e => logError('rule', e)) : [];
  connection.sendDiagnostics({ uri, version, diagnostics: mostSevere(diagnostics) });
  announceWarm();
  const kind: DocumentKindParams = {
    uri, kind: found?.doc.kind ?? null, kindSource: found?.doc.kindSource ?? '', dataDate: getCatalog().dataDate,
  };
  connection.sendNotification(DOCUMENT_KIND_NOTIFICATION, kind);
}

function scheduleValidation(uri: string): void {
  clearImmediate(pendingValidation.get(uri));
  pendingValidation.set(uri, setImmediate(() => {
    pendingValidation.delete(uri);
    validate(uri).catch(error => logError('validate', error));
  }));
}

connection.onInitialize((params): InitializeResult => {
  client = clientAbilities(params);
  workspaceFolderUris = params.workspaceFolders?.map(folder => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  projectSettings.setWorkspaceFolders(workspaceFolderUris);
  return {
    capabilities: {
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: ['"', ':', '/', '$', '{', '*'], resolveProvider: true },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [...CODE_ACTION_KINDS] },
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: [...SERVER_COMMANDS] },
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
    },
    serverInfo: { name: 'iam-policy-language-server', version: '0.1.0' },
  };
});

/** Settings changed: every open document is read and checked again with the new ones. */
function revalidateAll(): void {
  settingsByUri.clear();
  policies.clear();
  for (const document of documents.all()) scheduleValidation(document.uri);
}

connection.onInitialized(() => {
  if (client.registersConfiguration) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'iamPolicy' })
      .catch(error => logError('register configuration', error));
  }
  if (client.watchesFiles) {
    // a project's .iam-lint.json: read again when it is created, changed or deleted
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${SETTINGS_FILE_NAME}` }] })
      .catch(error => logError('register file watcher', error));
  }
  if (client.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(guard('workspaceFolders', undefined, ({ added, removed }) => {
      const gone = new Set(removed.map(folder => folder.uri));
      workspaceFolderUris = [...workspaceFolderUris.filter(uri => !gone.has(uri)), ...added.map(folder => folder.uri)];
      projectSettings.setWorkspaceFolders(workspaceFolderUris);
      revalidateAll();
    }));
  }
});

connection.onDidChangeConfiguration(guard('configuration', undefined, params => {
  const pushed = (params.settings as { iamPolicy?: Partial<IamPolicySettings> } | null)?.iamPolicy;
  if (!client.pullsConfiguration) pushedSettings = withDefaults(pushed);
  revalidateAll();
}));

/** A project's .iam-lint.json changed (on disk, or in the editor): every document is checked again with it. */
function settingsFileChanged(): void {
  projectSettings.clear();
  revalidateAll();
}
const isSettingsFile = (uri: string) => uri.endsWith(`/${SETTINGS_FILE_NAME}`);

// The client watches **/.iam-lint.json when asked (onInitialized).
connection.onDidChangeWatchedFiles(guard('watchedFiles', undefined, settingsFileChanged));

// An editor's copy of a settings file counts as soon as it is opened or edited, even in an editor that watches no files.
documents.onDidOpen(e => (isSettingsFile(e.document.uri) ? settingsFileChanged() : scheduleValidation(e.document.uri)));
documents.onDidChangeContent(e => (isSettingsFile(e.document.uri) ? settingsFileChanged() : scheduleValidation(e.document.uri)));
documents.onDidClose(e => {
  if (isSettingsFile(e.document.uri)) settingsFileChanged();   // the disk's copy counts again
  clearImmediate(pendingValidation.get(e.document.uri));
  pendingValidation.delete(e.document.uri);
  policies.delete(e.document.uri);
  settingsByUri.delete(e.document.uri);
  connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onCompletion(guard('completion', null, async params => {
  const at = await atPosition(params);
  return at ? doComplete(at.doc, at.offset, getCatalog(), at.settings, client.completion) : null;
}));

// A failed resolve answers with the item as it came: the list is still usable without documentation.
connection.onCompletionResolve(item => {
  try {
    return resolveCompletion(item, getCatalog());
  } catch (error) {
    logError('completion resolve', error);
    return item;
  }
});

connection.onHover(guard('hover', null, async params => {
  const at = await atPosition(params);
  return at ? doHover(at.doc, at.offset, getCatalog(), at.settings) : null;
}));

connection.onCodeAction(guard('codeAction', null, async params => {
  const found = await policyAt(params.textDocument.uri);
  if (!found) return null;
  return provideCodeActions(found.doc, params.context.diagnostics, getCatalog(), found.settings,
    { range: params.range, only: params.context.only, snippets: client.snippetCommand });
}));

connection.languages.semanticTokens.on(guard('semanticTokens', { data: [] }, async params => {
  const found = await policyAt(params.textDocument.uri);
  return found ? provideSemanticTokens(found.doc, getCatalog()) : { data: [] };
}));

connection.onCodeLens(guard('codeLens', null, async params => {
  const found = await policyAt(params.textDocument.uri);
  return found ? provideCodeLenses(found.doc, getCatalog(), found.settings) : null;
}));

const commandHost: CommandHost = {
  get catalog() { return getCatalog(); },
  policyAt: async uri => (await policyAt(uri))?.doc,
  settingsFileTarget: uri => projectSettings.target(uri),
  readFile: readText,
  get createsFiles() { return client.createsFiles; },
  writeNewFile: (path, text) => writeFileSync(path, text, { flag: 'wx' }),
  applyEdit: async (label, edit) => (await connection.workspace.applyEdit({ label, edit })).applied,
  showDocument: async uri => { if (client.showsDocuments) await connection.window.showDocument({ uri, takeFocus: true }); },
  showMessage: (type, message) => { void connection.sendNotification(ShowMessageNotification.type, { type, message }); },
};
connection.onExecuteCommand(guard('executeCommand', null, params => executeServerCommand(commandHost, params.command, params.arguments)));

connection.onRequest(SET_KIND_REQUEST, guard('setKind', null, (params: SetKindParams) => {
  policies.setKind(params.uri, params.kind);
  scheduleValidation(params.uri);
  return null;
}));

connection.onRequest(ACCESS_SUMMARY_REQUEST, guard('accessSummary', null, async (params: AccessSummaryParams) => {
  const found = await policyAt(params.uri);
  return found ? formatSummaryMarkdown(summarizePolicy(found.doc, getCatalog())) : null;
}));

connection.onRequest(SIMULATE_REQUEST, guard('simulate', null, async (params: SimulateParams) => {
  const found = await policyAt(params.uri);
  return found ? simulateInEditor(found.doc, params) : null;
}));

process.on('uncaughtException', error => logError('uncaught exception', error));
process.on('unhandledRejection', error => logError('unhandled rejection', error));

documents.listen(connection);
connection.listen();
