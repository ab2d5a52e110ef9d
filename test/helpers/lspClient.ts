// A test client that spawns the bundled server (dist/server.js --stdio) and speaks LSP to it over
// stdio, like an editor does. Tests and benchmarks build on it:
//   const server = await startServer({ settings: { rules: { IAM102: 'off' } } });
//   const diagnostics = await server.open('file:///p.iam.json', text);
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before } from 'node:test';
import {
  AbstractMessageWriter,
  CancellationTokenSource,
  CompletionList,
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  Hover,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  type ClientCapabilities,
  type CompletionItem,
  type Diagnostic,
  type Message,
  type MessageWriter,
  type Position,
  type ProtocolConnection,
  type Registration,
  type WorkspaceFolder,
} from 'vscode-languageserver-protocol/node';
import { SERVER_ENV, SERVER_NODE_OPTIONS } from '../../server/src/protocol';
import type { IamPolicySettings } from '../../server/src/protocol';

export const SERVER_PATH = join(__dirname, '..', '..', 'dist', 'server.js');

/**
 * Writes each message to the server's stdin in one write, in the order sent. Between hold() and
 * release() it gathers them instead, and release() writes them at once: the server then reads them
 * together, as it does a request and its cancellation from a busy editor.
 */
class TestMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private held: Buffer[] | undefined;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
  }

  write(message: Message): Promise<void> {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    const frame = Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    if (!this.held) return this.send(frame);
    this.held.push(frame);
    return Promise.resolve();
  }

  hold(): void {
    this.held ??= [];
  }

  release(): Promise<void> {
    const frames = this.held ?? [];
    this.held = undefined;
    return this.send(Buffer.concat(frames));
  }

  end(): void {}

  private send(data: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      this.stream.write(data, error => (error ? reject(error) : resolve()));
    });
  }
}

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** milliseconds from spawn to the initialize response */
  initializeMs: number;
  /** performance.now() when the process was spawned */
  spawnedAt: number;
  /** opens a document and resolves with its first published diagnostics */
  open(uri: string, text: string, languageId?: string): Promise<Diagnostic[]>;
  /** replaces the whole text and resolves with the diagnostics of the new version */
  change(uri: string, text: string): Promise<Diagnostic[]>;
  /** replaces the whole text without waiting for diagnostics (a newer edit may supersede them) */
  edit(uri: string, text: string): Promise<void>;
  close(uri: string): Promise<void>;
  completion(uri: string, position: Position): Promise<CompletionItem[]>;
  hover(uri: string, position: Position): Promise<Hover | null>;
  /**
   * Sends a request and its cancellation together, so that the server reads the cancellation before
   * it handles the request; resolves (or rejects, with RequestCancelled) with the server's answer.
   */
  cancelledRequest<R>(method: string, params: object): Promise<R>;
  /** holds the answers to the server's settings pulls until the returned function is called */
  holdConfiguration(): () => void;
  /** the documents whose settings the server has pulled, in order */
  configurationPulls: readonly string[];
  /** resolves with the next diagnostics published for `uri` (e.g. after a notification the test sends) */
  nextDiagnostics(uri: string): Promise<Diagnostic[]>;
  /** changes the settings the server pulls, and tells it; resolves with the next diagnostics of `uri` */
  setSettings(settings: Partial<IamPolicySettings>, uri: string): Promise<Diagnostic[]>;
  /** the stderr and window/logMessage output seen so far */
  log: string[];
  /** the capabilities the server registered with client/registerCapability so far */
  registrations: Registration[];
  /** the methods of the requests the server sent the client so far (configuration, registration) */
  requests: string[];
  stop(): Promise<void>;
}

export type ServerOptions = NonNullable<Parameters<typeof startServer>[0]>;

/**
 * The server of a test file: started before its tests (then handed to `started`, e.g. to listen to its
 * notifications), stopped after them; `server()` inside a test.
 */
export function serverOfTestFile(options?: ServerOptions, started?: (server: TestServer) => void): () => TestServer {
  let server: TestServer | undefined;
  before(async () => {
    server = await startServer(options);
    started?.(server);
  });
  after(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('the test file has not started its server yet');
    return server;
  };
}

export async function startServer(
  options: {
    settings?: Partial<IamPolicySettings>;
    experimental?: Record<string, unknown>;
    /** false: a client that pushes settings with didChangeConfiguration instead of answering pulls */
    pullConfiguration?: boolean;
    /** node options before the server script, e.g. ['-r', preload] */
    nodeArgs?: string[];
    /** how long open() and change() wait for diagnostics (default 10 s) */
    diagnosticsTimeoutMs?: number;
    /** the client's capabilities instead of VS Code-like ones (pullConfiguration and experimental then do not apply) */
    capabilities?: ClientCapabilities;
    workspaceFolders?: WorkspaceFolder[];
  } = {},
): Promise<TestServer> {
  const started = performance.now();
  // started as the client starts it (client/src/extension.ts)
  const child = spawn(process.execPath, [...SERVER_NODE_OPTIONS, ...(options.nodeArgs ?? []), SERVER_PATH, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...SERVER_ENV },
  });
  const log: string[] = [];
  child.stderr!.on('data', chunk => log.push(String(chunk)));
  const writer = new TestMessageWriter(child.stdin!);
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), writer);
  let settings: Partial<IamPolicySettings> = options.settings ?? {};
  const versions = new Map<string, number>();
  const waiters = new Map<string, Array<(p: PublishDiagnosticsParams) => void>>();

  const requests: string[] = [];
  /** while set, the answers to the server's settings pulls wait for it */
  let configurationHeld: Promise<void> | undefined;
  const configurationPulls: string[] = [];
  connection.onRequest(ConfigurationRequest.type, async params => {
    requests.push(ConfigurationRequest.method);
    configurationPulls.push(...params.items.map(item => item.scopeUri ?? ''));
    await configurationHeld;
    return params.items.map(() => settings);
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    log.push(p.message);
  });
  connection.onNotification(PublishDiagnosticsNotification.type, params => {
    const expected = versions.get(params.uri);
    if (params.version !== undefined && expected !== undefined && params.version !== expected) return;
    const pending = waiters.get(params.uri) ?? [];
    waiters.delete(params.uri);
    for (const resolve of pending) resolve(params);
  });
  connection.listen();

  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: options.workspaceFolders ?? null,
    capabilities: options.capabilities ?? {
      workspace: {
        configuration: options.pullConfiguration !== false,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
      },
      textDocument: {
        completion: { completionItem: { snippetSupport: true } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      },
      experimental: options.experimental,
    },
  });
  const initializeMs = performance.now() - started;
  const registrations: Registration[] = [];
  connection.onRequest(RegistrationRequest.type, params => {
    requests.push(RegistrationRequest.method);
    registrations.push(...params.registrations);
  });
  await connection.sendNotification(InitializedNotification.type, {});

  const nextDiagnostics = (uri: string, timeoutMs = options.diagnosticsTimeoutMs ?? 10_000) =>
    new Promise<Diagnostic[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms\n${log.join('')}`)), timeoutMs);
      const list = waiters.get(uri) ?? [];
      list.push(p => {
        clearTimeout(timer);
        resolve(p.diagnostics);
      });
      waiters.set(uri, list);
    });

  return {
    connection,
    process: child,
    initializeMs,
    spawnedAt: started,
    log,
    registrations,
    requests,
    async open(uri, text, languageId = 'iam-policy') {
      versions.set(uri, 1);
      const result = nextDiagnostics(uri);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
      return result;
    },
    async change(uri, text) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      const result = nextDiagnostics(uri);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
      return result;
    },
    async edit(uri, text) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    async close(uri) {
      versions.delete(uri);
      await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    },
    async completion(uri, position) {
      const result = await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
      return !result ? [] : Array.isArray(result) ? result : (result as CompletionList).items;
    },
    hover(uri, position) {
      return connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    },
    holdConfiguration() {
      let release!: () => void;
      configurationHeld = new Promise(resolve => {
        release = resolve;
      });
      return () => {
        configurationHeld = undefined;
        release();
      };
    },
    configurationPulls,
    async cancelledRequest<R>(method: string, params: object) {
      const source = new CancellationTokenSource();
      writer.hold();
      const answer = connection.sendRequest<R>(method, params, source.token);
      source.cancel();
      await writer.release();
      return answer;
    },
    nextDiagnostics: uri => nextDiagnostics(uri),
    async setSettings(next, uri) {
      settings = next;
      const result = nextDiagnostics(uri);
      await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { iamPolicy: next } });
      return result;
    },
    async stop() {
      try {
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
      } catch {
        // the server may be gone already
      }
      connection.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
}
