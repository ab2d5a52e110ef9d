// The language server: LSP wiring only, one line per method where it can be. Every handler turns its
// params into a parsed policy and an offset, calls one pure feature function, and is guarded so that
// an exception is logged and answered with an empty result instead of killing the server. The
// settings of each document come from settings/, the parse of each from documents/. A request the
// client cancelled is answered with RequestCancelled, as LSP asks: at once when it still waited in
// the queue (an editor cancels the completion of each keystroke that the next one supersedes), else
// once its document's settings are there.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type ConnectionOptions,
  type InitializeResult,
  type RequestMessage,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { announceWarm } from './bootstrap/warm';
import { getCatalog } from './catalog/loadCatalog';
import { DocumentStore } from './documents/store';
import { mostSevere, ValidationQueue } from './documents/validation';
import { clientAbilities, type ClientAbilities } from './features/clientAbilities';
import { CODE_ACTION_KINDS } from './features/codeActions';
import { BaseTexts, compareWithBaseMarkdown, diffCodeLenses } from './features/diff/editor';
import { executeServerCommand, SERVER_COMMANDS, type CommandHost } from './features/commands';
import { resolveCompletion } from './features/completion';
import type { RuleErrorHandler } from './features/diagnostics';
import { SEMANTIC_TOKENS_LEGEND } from './features/semanticTokens';
import {
  accessSummaryOf,
  codeActionsOf,
  codeLensesOf,
  completionOf,
  diagnosticsOf,
  documentKindOf,
  hoverOf,
  semanticTokensOf,
  simulateOf,
  type ServedDocument,
} from './features/served';
import {
  ACCESS_SUMMARY_REQUEST,
  BASE_TEXT_NOTIFICATION,
  COMPARE_WITH_BASE_REQUEST,
  DOCUMENT_KIND_NOTIFICATION,
  SET_KIND_REQUEST,
  SETTINGS_FILE_NAME,
  SIMULATE_REQUEST,
  type AccessSummaryParams,
  type BaseTextParams,
  type IamPolicySettings,
  type SetKindParams,
  type SimulateParams,
} from './protocol';
import { DocumentSettings } from './settings/documentSettings';

const INITIALIZE_RESULT: InitializeResult = {
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

const CANCELLED_MESSAGE = 'The client cancelled the request.';

/** The options of the server's connection: a request cancelled before it was handled is answered at once. */
export const CONNECTION_OPTIONS: ConnectionOptions = {
  connectionStrategy: {
    cancelUndispatched: message => ({
      jsonrpc: '2.0',
      id: (message as RequestMessage).id,
      error: { code: LSPErrorCodes.RequestCancelled, message: CANCELLED_MESSAGE },
    }),
  },
};

/** A document served as a policy, with its settings. */
interface Served {
  served: ServedDocument;
  settings: IamPolicySettings;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const store = new DocumentStore();
  /** each document's text at a git revision, from the client, for the "since HEAD" code lenses */
  const baseTexts = new BaseTexts();
  let client: ClientAbilities = clientAbilities({ processId: null, rootUri: null, capabilities: {} });

  function logError(where: string, error: unknown): void {
    connection.console.error(`${where}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  /** Logs a rule's exception; the other rules' findings are still used. */
  const ruleError =
    (where: string): RuleErrorHandler =>
    (error, rules) =>
      logError(`${where} ${rules}`, error);

  const settings = new DocumentSettings({
    pull: uri => connection.workspace.getConfiguration({ scopeUri: uri, section: 'iamPolicy' }),
    warn: message => {
      connection.console.warn(message);
      // window/showMessage, not window.showWarningMessage: that is a request, rejected by clients without it
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    },
    logError,
    openText: path =>
      documents
        .all()
        .find(document => document.uri.startsWith('file:') && fileURLToPath(document.uri) === path)
        ?.getText(),
  });

  /** Wraps a handler: exceptions are logged and answered with `fallback`. */
  function guard<P, R>(
    name: string,
    fallback: R,
    handler: (params: P, token?: CancellationToken) => R | Promise<R>,
  ): (params: P, token?: CancellationToken) => Promise<R> {
    return async (params, token) => {
      try {
        return await handler(params, token);
      } catch (error) {
        logError(name, error);
        return fallback;
      }
    };
  }

  async function policyAt(uri: string): Promise<Served | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const documentSettings = await settings.forDocument(uri);
    const served = await store.get(document, documentSettings);
    return served && { served, settings: documentSettings };
  }

  /** A guarded handler of a request about one document: `fallback` when the document is not a policy we serve. */
  function onPolicy<P extends { textDocument: { uri: string } } | { uri: string }, R>(
    name: string,
    fallback: R,
    answer: (served: Served, params: P) => R,
  ): (params: P, token?: CancellationToken) => Promise<R | ResponseError> {
    return guard<P, R | ResponseError>(name, fallback, async (params, token) => {
      const served = await policyAt('textDocument' in params ? params.textDocument.uri : params.uri);
      if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, CANCELLED_MESSAGE);
      return served ? answer(served, params) : fallback;
    });
  }

  /** What the server's commands (features/commands.ts) need of the connection and the files. */
  const commandHost: CommandHost = {
    get catalog() {
      return getCatalog();
    },
    servedAt: async uri => (await policyAt(uri))?.served,
    settingsFileTarget: uri => settings.settingsFileTarget(uri),
    readFile: path => settings.readFile(path),
    get createsFiles() {
      return client.createsFiles;
    },
    writeNewFile: (path, text) => writeFileSync(path, text, { flag: 'wx' }),
    applyEdit: async (label, edit) => (await connection.workspace.applyEdit({ label, edit })).applied,
    showDocument: async uri => {
      if (client.showsDocuments) await connection.window.showDocument({ uri, takeFocus: true });
    },
    showMessage: (type, message) => {
      void connection.sendNotification(ShowMessageNotification.type, { type, message });
    },
  };

  async function validate(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const served = await policyAt(uri);
    if (documents.get(uri)?.version !== version) return; // a newer edit will validate
    const diagnostics = served ? diagnosticsOf(served.served, getCatalog(), served.settings, ruleError('rule')) : [];
    connection.sendDiagnostics({ uri, version, diagnostics: mostSevere(diagnostics) });
    announceWarm();
    connection.sendNotification(DOCUMENT_KIND_NOTIFICATION, documentKindOf(uri, served?.served, getCatalog().dataDate));
  }

  const validation = new ValidationQueue(validate, logError);

  /** Settings changed: every open document is read and checked again with the new ones. */
  function revalidateAll(): void {
    store.clear();
    for (const document of documents.all()) validation.schedule(document.uri);
  }

  function registerWithClient(): void {
    if (client.registersConfiguration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: 'iamPolicy' }).catch(error => logError('register configuration', error));
    }
    if (client.watchesFiles) {
      // a project's .iam-lint.json: read again when it is created, changed or deleted
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${SETTINGS_FILE_NAME}` }] })
        .catch(error => logError('register file watcher', error));
    }
    if (client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        guard('workspaceFolders', undefined, ({ added, removed }) => {
          settings.changeWorkspaceFolders(
            added.map(folder => folder.uri),
            removed.map(folder => folder.uri),
          );
          revalidateAll();
        }),
      );
    }
  }

  connection.onInitialize((params): InitializeResult => {
    client = clientAbilities(params);
    settings.initialize(client.pullsConfiguration, params.workspaceFolders?.map(folder => folder.uri) ?? (params.rootUri ? [params.rootUri] : []));
    return INITIALIZE_RESULT;
  });
  connection.onInitialized(registerWithClient);
  connection.onDidChangeConfiguration(
    guard('configuration', undefined, params => {
      settings.changeConfiguration(params.settings);
      revalidateAll();
    }),
  );
  /** A project's .iam-lint.json changed, on disk or in the editor: every document is checked again. */
  function settingsFileChanged(): void {
    settings.settingsFilesChanged();
    revalidateAll();
  }
  const isSettingsFile = (uri: string) => uri.endsWith(`/${SETTINGS_FILE_NAME}`);
  // The client watches **/.iam-lint.json when asked (registerWithClient); the editor's copy counts as soon as it is edited.
  connection.onDidChangeWatchedFiles(guard('watchedFiles', undefined, settingsFileChanged));
  documents.onDidChangeContent(e => (isSettingsFile(e.document.uri) ? settingsFileChanged() : validation.schedule(e.document.uri)));
  documents.onDidClose(e => {
    if (isSettingsFile(e.document.uri)) settingsFileChanged(); // the disk's copy counts again
    validation.cancel(e.document.uri);
    store.delete(e.document.uri);
    baseTexts.delete(e.document.uri);
    settings.forget(e.document.uri);
    connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCompletion(onPolicy('completion', null, (at, params) => completionOf(at.served, params.position, getCatalog(), at.settings, client.completion)));
  // A failed resolve answers with the item as it came: the list is still usable without documentation.
  connection.onCompletionResolve(item => {
    try {
      return resolveCompletion(item, getCatalog());
    } catch (error) {
      logError('completion resolve', error);
      return item;
    }
  });
  connection.onHover(onPolicy('hover', null, (at, params) => hoverOf(at.served, params.position, getCatalog(), at.settings)));
  connection.onCodeAction(
    onPolicy('codeAction', null, (at, params) =>
      codeActionsOf(
        at.served,
        { range: params.range, diagnostics: params.context.diagnostics, only: params.context.only, snippets: client.snippetCommand },
        getCatalog(),
        at.settings,
        ruleError('fix all: rule'),
      ),
    ),
  );
  connection.languages.semanticTokens.on(onPolicy('semanticTokens', { data: [] }, at => semanticTokensOf(at.served, getCatalog())));
  connection.onCodeLens(
    onPolicy('codeLens', null, at => [...codeLensesOf(at.served, getCatalog(), at.settings), ...diffCodeLenses(at.served, baseTexts, getCatalog())]),
  );
  connection.onRequest(
    SET_KIND_REQUEST,
    guard('setKind', null, (params: SetKindParams) => {
      store.setKind(params.uri, params.kind);
      validation.schedule(params.uri);
      return null;
    }),
  );
  connection.onRequest(
    ACCESS_SUMMARY_REQUEST,
    onPolicy<AccessSummaryParams, string | null>('accessSummary', null, at => accessSummaryOf(at.served, getCatalog())),
  );
  connection.onRequest(
    SIMULATE_REQUEST,
    onPolicy('simulate', null, (at, params: SimulateParams) => simulateOf(at.served, params)),
  );
  const recordBaseText = (params: BaseTextParams) => {
    if (baseTexts.set(params) && client.refreshesCodeLenses)
      connection.sendRequest(CodeLensRefreshRequest.type).catch(error => logError('codeLens refresh', error));
  };
  connection.onNotification(BASE_TEXT_NOTIFICATION, guard('baseText', undefined, recordBaseText));
  connection.onRequest(
    COMPARE_WITH_BASE_REQUEST,
    guard('compareWithBase', null, (params: BaseTextParams) => {
      recordBaseText(params);
      return onPolicy<BaseTextParams, string | null>('compareWithBase', null, at => compareWithBaseMarkdown(at.served, baseTexts, getCatalog()))(params);
    }),
  );
  connection.onExecuteCommand(guard('executeCommand', null, params => executeServerCommand(commandHost, params.command, params.arguments)));

  process.on('uncaughtException', error => logError('uncaught exception', error));
  process.on('unhandledRejection', error => logError('unhandled rejection', error));
  documents.listen(connection);
  connection.listen();
}
