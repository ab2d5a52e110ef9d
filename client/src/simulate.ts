// The "IAM Policy: Simulate a Request" command: takes a request from a `*.iam-request.json` file
// beside the policy (or from input boxes), asks the server to simulate it against the open policy,
// highlights the deciding statement(s), writes why each other statement did not apply at the end
// of the element that failed, and prints the full report to an output channel.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  parseContextPairs,
  SIMULATE_COMMAND,
  SIMULATE_REQUEST,
  type SimulateParams,
  type SimulateResponse,
  type SimulationRequest,
} from '../../server/src/protocol';

const REQUEST_SUFFIX = '.iam-request.json';
const LAST_REQUEST_KEY = 'iamPolicy.simulate.lastRequest';

interface RequestChoice {
  params: Omit<SimulateParams, 'uri'>;
  /** where the request came from, for messages */
  source: string;
}

/** The `*.iam-request.json` files beside the policy; the one named after the policy first. */
async function requestFilesBeside(document: vscode.TextDocument): Promise<vscode.Uri[]> {
  if (document.isUntitled) return [];
  const folder = vscode.Uri.joinPath(document.uri, '..');
  const policyBase = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1).replace(/(\.iam)?\.jsonc?$/i, '');
  try {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return entries
      .filter(([name, type]) => type === vscode.FileType.File && name.endsWith(REQUEST_SUFFIX))
      .map(([name]) => name)
      .sort((a, b) => Number(b === policyBase + REQUEST_SUFFIX) - Number(a === policyBase + REQUEST_SUFFIX) || a.localeCompare(b))
      .map(name => vscode.Uri.joinPath(folder, name));
  } catch {
    return [];
  }
}

async function askRequest(context: vscode.ExtensionContext): Promise<RequestChoice | undefined> {
  const last = context.workspaceState.get<SimulationRequest>(LAST_REQUEST_KEY);
  const action = await vscode.window.showInputBox({
    title: 'Simulate a request (1/4)',
    prompt: 'Action',
    placeHolder: 's3:GetObject',
    value: last?.action,
    ignoreFocusOut: true,
    validateInput: value => (/^[\w-]+:[\w*?]+$|^\*$/.test(value.trim()) ? undefined : 'An action is service:Action, e.g. s3:GetObject'),
  });
  if (action === undefined) return undefined;
  const resource = await vscode.window.showInputBox({
    title: 'Simulate a request (2/4)',
    prompt: 'Resource ARN ("*" for actions without resource-level permissions)',
    placeHolder: 'arn:aws:s3:::amzn-s3-demo-bucket/key',
    value: last?.resource ?? '*',
    ignoreFocusOut: true,
  });
  if (resource === undefined) return undefined;
  const principal = await vscode.window.showInputBox({
    title: 'Simulate a request (3/4)',
    prompt: 'Principal (optional): ARN, account ID, service principal or "anonymous"; empty: not checked',
    placeHolder: 'arn:aws:iam::111122223333:user/alice',
    value: last?.principal ?? '',
    ignoreFocusOut: true,
  });
  if (principal === undefined) return undefined;
  const lastContext = Object.entries(last?.context ?? {})
    .flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map(v => `${key}=${v}`))
    .join('; ');
  const contextText = await vscode.window.showInputBox({
    title: 'Simulate a request (4/4)',
    prompt:
      'Request context (optional): key=value pairs separated by ";" (repeat a key for several values). The time of the request is now unless you give aws:CurrentTime.',
    placeHolder: 'aws:SourceIp=203.0.113.7; aws:SecureTransport=true; aws:CurrentTime=2030-01-31T12:00:00Z',
    value: lastContext,
    ignoreFocusOut: true,
    validateInput: value => parseContextPairs(splitPairs(value)).errors[0],
  });
  if (contextText === undefined) return undefined;
  const request: SimulationRequest = {
    action: action.trim(),
    resource: resource.trim() || undefined,
    principal: principal.trim() || undefined,
    context: parseContextPairs(splitPairs(contextText)).context,
  };
  await context.workspaceState.update(LAST_REQUEST_KEY, request);
  return { params: { request }, source: 'the request you entered' };
}

function splitPairs(text: string): string[] {
  return text
    .split(';')
    .map(pair => pair.trim())
    .filter(Boolean);
}

async function chooseRequest(context: vscode.ExtensionContext, document: vscode.TextDocument): Promise<RequestChoice | undefined> {
  const files = await requestFilesBeside(document);
  if (files.length) {
    const enter = { label: '$(edit) Enter a request…', uri: undefined };
    const picked = await vscode.window.showQuickPick([...files.map(uri => ({ label: `$(file) ${vscode.workspace.asRelativePath(uri)}`, uri })), enter], {
      title: 'Simulate a request',
      placeHolder: 'A request file beside the policy, or a request to enter',
    });
    if (!picked) return undefined;
    if (picked.uri) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(picked.uri));
      return { params: { requestText: text }, source: vscode.workspace.asRelativePath(picked.uri) };
    }
  }
  return askRequest(context);
}

export function registerSimulate(context: vscode.ExtensionContext, client: LanguageClient): void {
  const channel = vscode.window.createOutputChannel('IAM Policy Simulator');
  const allowed = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('diffEditor.insertedLineBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.addedForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  const denied = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('diffEditor.removedLineBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.deletedForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  const reasons = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic', margin: '0 0 0 2em' },
  });
  let decorated: vscode.TextEditor | undefined;

  const clear = () => {
    for (const type of [allowed, denied, reasons]) decorated?.setDecorations(type, []);
    decorated = undefined;
  };

  function show(editor: vscode.TextEditor, response: SimulateResponse): void {
    clear();
    const range = client.protocol2CodeConverter.asRange;
    const statements = response.statements ?? [];
    const deciding = (response.deciding ?? []).map(i => statements[i]).filter(Boolean);
    editor.setDecorations(
      response.decision === 'Allow' ? allowed : denied,
      deciding.map(s => ({ range: range(s.range), hoverMessage: response.summary })),
    );
    editor.setDecorations(
      reasons,
      statements.flatMap(s =>
        s.mismatches.map(m => {
          const end = range(m.range).end;
          return { range: new vscode.Range(end, end), hoverMessage: m.message, renderOptions: { after: { contentText: `✗ ${m.message}` } } };
        }),
      ),
    );
    decorated = editor;
    if (deciding[0]) editor.revealRange(range(deciding[0].range), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  async function simulateCommand(target?: vscode.Uri | string): Promise<void> {
    const uri = typeof target === 'string' ? vscode.Uri.parse(target) : target;
    const editor = uri ? await vscode.window.showTextDocument(uri, { preserveFocus: false }) : vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('Open an IAM policy to simulate a request against it.');
      return;
    }
    const choice = await chooseRequest(context, editor.document);
    if (!choice) return;
    // in a template, the policy under the cursor is simulated
    const params: SimulateParams = { uri: editor.document.uri.toString(), position: editor.selection.active, ...choice.params };
    const response = await client.sendRequest<SimulateResponse | null>(SIMULATE_REQUEST, params);
    if (!response) {
      void vscode.window.showWarningMessage('This document is not an IAM policy the extension serves.');
      return;
    }
    if (response.errors?.length) {
      void vscode.window.showErrorMessage(`Cannot read ${choice.source}: ${response.errors.join(' ')}`);
      return;
    }
    show(editor, response);
    channel.clear();
    channel.append(`Request: ${choice.source}\n\n${response.report ?? ''}`);
    const message = `${response.decision === 'Allow' ? 'Allowed' : 'Denied'}: ${response.summary}`;
    const answer =
      response.decision === 'Allow'
        ? await vscode.window.showInformationMessage(message, 'Show details')
        : await vscode.window.showWarningMessage(message, 'Show details');
    if (answer === 'Show details') channel.show(true);
  }

  context.subscriptions.push(
    channel,
    allowed,
    denied,
    reasons,
    vscode.commands.registerCommand(SIMULATE_COMMAND, simulateCommand),
    vscode.workspace.onDidChangeTextDocument(e => {
      if (decorated && e.document === decorated.document && e.contentChanges.length) clear();
    }),
  );
}
