// "IAM Policy: Compare with HEAD": the committed text of the policy, read through the built-in Git
// extension's API (vscode.git, getAPI(1), repository.show), goes to the server, which answers with
// what the change grants as markdown; it is shown like the access summary. The same texts keep the
// server's "since HEAD" code lenses current (baseTexts.ts): sent when a policy opens or is saved, and
// after a commit or a checkout.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { BASE_TEXT_NOTIFICATION, COMPARE_WITH_BASE_REQUEST, COMPARE_WITH_HEAD_COMMAND, type CompareWithBaseParams } from '../../server/src/protocol';
import { BaseTextTracker } from './baseTexts';
import { DocumentPanels, toHtml } from './markdownView';

const REF = 'HEAD';
const REPOSITORY_DELAY_MS = 500;

/** The part of the Git extension's API (extensions/git/src/api/git.d.ts) used here. */
interface GitRepository {
  show(ref: string, path: string): Promise<string>;
  readonly state: { readonly onDidChange: vscode.Event<void> };
}
interface GitApi {
  readonly repositories: GitRepository[];
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
  getRepository(uri: vscode.Uri): GitRepository | null;
}

async function gitApi(): Promise<GitApi | undefined> {
  try {
    const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
    if (!extension) return undefined;
    const exports = extension.isActive ? extension.exports : await extension.activate();
    return exports.getAPI(1);
  } catch {
    return undefined; // git disabled, or not installed
  }
}

/** HEAD's text of a file: undefined outside a git repository, null when HEAD has no such file. */
async function readHead(uri: string): Promise<string | null | undefined> {
  const file = vscode.Uri.parse(uri);
  if (file.scheme !== 'file') return undefined;
  const repository = (await gitApi())?.getRepository(file);
  if (!repository) return undefined;
  try {
    return await repository.show(REF, file.fsPath);
  } catch {
    return null;
  }
}

/** Documents the server may serve as policies: the language's, and JSON files that look like one. */
function mayBePolicy(document: vscode.TextDocument): boolean {
  if (document.uri.scheme !== 'file') return false;
  return document.languageId === 'iam-policy' || (['json', 'jsonc'].includes(document.languageId) && document.getText().includes('"Statement"'));
}

export function registerCompareWithHead(context: vscode.ExtensionContext, client: LanguageClient): void {
  const tracker = new BaseTextTracker(
    readHead,
    params => {
      if (client.isRunning()) void client.sendNotification(BASE_TEXT_NOTIFICATION, params);
    },
    REF,
  );
  const panels = new DocumentPanels(
    'iamPolicy.compareWithHead',
    name => `Since ${REF}: ${name}`,
    async uri => {
      const text = await readHead(uri);
      if (text === undefined) return '<p>This file is not in a git repository: there is no HEAD to compare it with.</p>';
      const params: CompareWithBaseParams = { uri, ref: REF, text };
      const markdown = await client.sendRequest<string | null>(COMPARE_WITH_BASE_REQUEST, params);
      return markdown ? await toHtml(markdown) : '<p>This document is not an IAM policy the extension serves.</p>';
    },
    `Could not compare with ${REF}`,
  );
  const track = (document: vscode.TextDocument) => {
    if (mayBePolicy(document)) void tracker.refresh(document.uri.toString());
  };

  const trackOpenDocuments = () => vscode.workspace.textDocuments.forEach(track);
  // a repository found after the documents opened, a commit, a checkout: read HEAD again (the
  // tracker sends only what changed); its state changes on every save too, hence the delay
  let pending: NodeJS.Timeout | undefined;
  const trackSoon = () => {
    clearTimeout(pending);
    pending = setTimeout(trackOpenDocuments, REPOSITORY_DELAY_MS);
  };
  const watchRepository = (repository: GitRepository) => {
    context.subscriptions.push(repository.state.onDidChange(trackSoon));
    trackSoon();
  };
  void gitApi().then(api => {
    if (!api) return;
    api.repositories.forEach(watchRepository);
    context.subscriptions.push(api.onDidOpenRepository(watchRepository));
  });

  context.subscriptions.push(
    vscode.commands.registerCommand(COMPARE_WITH_HEAD_COMMAND, (target?: string | vscode.Uri) =>
      panels.show(target, 'Open an IAM policy to compare it with HEAD.'),
    ),
    vscode.workspace.onDidOpenTextDocument(track),
    vscode.workspace.onDidSaveTextDocument(document => {
      track(document);
      void panels.refresh(document.uri.toString());
    }),
    vscode.workspace.onDidCloseTextDocument(document => tracker.forget(document.uri.toString())),
    client.onDidChangeState(event => {
      if (event.newState !== State.Running) return;
      tracker.reset();
      trackOpenDocuments();
    }),
    { dispose: () => clearTimeout(pending) },
  );
}
