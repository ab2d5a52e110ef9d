// What the client can do, from its capabilities at initialize: the server sends only what the client
// announced (no snippet items, no dynamic registration, no commands it cannot run), so that every
// editor gets a working subset instead of errors and warnings.
import type { InitializeParams } from 'vscode-languageserver-protocol';
import { SNIPPET_CAPABILITY, TRIGGER_SUGGEST_CAPABILITY } from '../protocol';
import type { CompletionClient } from './completion/items';

export interface ClientAbilities {
  /** it answers workspace/configuration */
  pullsConfiguration: boolean;
  /** it takes a dynamic registration of workspace/didChangeConfiguration */
  registersConfiguration: boolean;
  /** it tells the server when workspace folders are added and removed */
  workspaceFolders: boolean;
  /** it watches files for the server when asked */
  watchesFiles: boolean;
  /** it turns fixes' placeholders into snippet tab stops (protocol/snippet.ts) */
  snippetCommand: boolean;
  completion: CompletionClient;
  /** it creates files in a workspace edit */
  createsFiles: boolean;
  /** it opens a document when asked (window/showDocument) */
  showsDocuments: boolean;
  /** it can be asked to request code lenses again (after a base text arrives: features/diff/editor.ts) */
  refreshesCodeLenses: boolean;
}

export function clientAbilities(params: InitializeParams): ClientAbilities {
  const { workspace, textDocument, window } = params.capabilities;
  const experimental = (params.capabilities.experimental ?? {}) as Record<string, unknown>;
  const pullsConfiguration = workspace?.configuration === true;
  return {
    pullsConfiguration,
    registersConfiguration: pullsConfiguration && workspace?.didChangeConfiguration?.dynamicRegistration === true,
    workspaceFolders: workspace?.workspaceFolders === true,
    watchesFiles: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    snippetCommand: experimental[SNIPPET_CAPABILITY] === true,
    completion: {
      snippets: textDocument?.completion?.completionItem?.snippetSupport === true,
      retrigger: experimental[TRIGGER_SUGGEST_CAPABILITY] === true,
    },
    createsFiles: workspace?.workspaceEdit?.documentChanges === true && workspace.workspaceEdit.resourceOperations?.includes('create') === true,
    showsDocuments: window?.showDocument?.support === true,
    refreshesCodeLenses: workspace?.codeLens?.refreshSupport === true,
  };
}
