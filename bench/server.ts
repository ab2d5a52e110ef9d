// Benchmarks of the language server, measured from the client's side of a real stdio connection:
// spawn to first diagnostics; completion, hover and re-diagnosis latency on three sizes of policy;
// the whole corpus opened one document after another; the server's memory after it.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { corpusFiles } from '../test/helpers/corpus';
import { startServer } from '../test/helpers/lspClient';
import { cpuMs, rssMb } from '../test/helpers/processStats';
import { actionOffset, largestPolicy, policyOf20Kb, smallPolicy, type BenchPolicy } from './policies';
import { timeEach, type Measurement } from './stats';

const SPAWNS = 10;
const REQUESTS = 200;
const EDITS = 40;

async function spawnToFirstDiagnostics(): Promise<Measurement[]> {
  const { text } = smallPolicy();
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < SPAWNS; i++) {
    const server = await startServer();
    await server.open('file:///bench/first.iam.json', text);
    samples.push(performance.now() - server.spawnedAt);
    cpu.push(cpuMs(server.process.pid!));
    await server.stop();
  }
  return [
    { id: 'spawn-to-first-diagnostics', label: 'spawn -> first diagnostics (small policy)', samples },
    { id: 'spawn-to-first-diagnostics-cpu', label: '  the same, server CPU time', samples: cpu },
  ];
}

async function latencies(policy: BenchPolicy, sizeLabel: string): Promise<Measurement[]> {
  const server = await startServer();
  const uri = `file:///bench/${policy.name}.json`;
  const opened = await timeEach(policy.name === 'largest' ? 10 : 0, async i => {
    const reopened = `file:///bench/open-${i}-${policy.name}.json`;
    await server.open(reopened, policy.text);
    await server.close(reopened);
  });
  await server.open(uri, policy.text);
  const position = TextDocument.create(uri, 'iam-policy', 1, policy.text).positionAt(actionOffset(policy.text));
  for (let i = 0; i < 20; i++) await server.completion(uri, position); // warm-up
  const completion = await timeEach(REQUESTS, () => server.completion(uri, position));
  const hover = await timeEach(REQUESTS, () => server.hover(uri, position));
  const edit = await timeEach(EDITS, i => server.change(uri, policy.text.replace('{', `{${' '.repeat(1 + (i % 3))}`)));
  await server.stop();
  const id = policy.name;
  const measurements: Measurement[] = [
    { id: `completion-${id}`, label: `completion, ${sizeLabel}`, samples: completion },
    { id: `hover-${id}`, label: `hover, ${sizeLabel}`, samples: hover },
    { id: `diagnostics-after-edit-${id}`, label: `diagnostics after an edit, ${sizeLabel}`, samples: edit },
  ];
  if (opened.length) measurements.push({ id: `diagnostics-on-open-${id}`, label: `diagnostics after open, ${sizeLabel}`, samples: opened });
  return measurements;
}

async function corpusInOneServer(): Promise<Measurement[]> {
  const files = corpusFiles();
  const server = await startServer();
  const started = performance.now();
  for (const [i, file] of files.entries()) {
    const uri = `file:///bench/corpus/${i}/${file.name}`;
    await server.open(uri, file.text);
    await server.close(uri);
  }
  const seconds = (performance.now() - started) / 1000;
  const rss = rssMb(server.process.pid!);
  await server.stop();
  return [
    { id: 'corpus-in-one-server', label: `corpus (${files.length} policies) opened one after another`, samples: [files.length / seconds] },
    { id: 'server-rss-after-corpus', label: 'server RSS after the corpus', samples: [rss] },
  ];
}

export async function serverBench(): Promise<Measurement[]> {
  const small = smallPolicy();
  const kb20 = policyOf20Kb();
  const largest = largestPolicy();
  return [
    ...(await spawnToFirstDiagnostics()),
    ...(await latencies(small, `small policy (${(small.text.length / 1024).toFixed(1)} KB)`)),
    ...(await latencies(kb20, `20 KB policy (${(kb20.text.length / 1024).toFixed(1)} KB)`)),
    ...(await latencies(largest, `largest policy (${(largest.text.length / 1024).toFixed(0)} KB)`)),
    ...(await corpusInOneServer()),
  ];
}
