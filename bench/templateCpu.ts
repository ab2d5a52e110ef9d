// The server's work on a template in this process, in CPU time (user + system), as
// bench/diagnostics.ts measures policies: each edit inside one policy is read as the server reads it
// (from the last reading: only what the edit touched) and diagnosed; then completion inside an action.
// Per call, unlike the server's CPU time over /proc's 10 ms ticks, so that medians and p95 are of
// single edits and requests.
import { getCatalog } from '../server/src/catalog/loadCatalog';
import { readTemplate } from '../server/src/documents/templateDocuments';
import { completionOf, diagnosticsOf } from '../server/src/features/served';
import { withDefaults } from '../server/src/protocol';
import type { ServedTemplate } from '../server/src/templates/document';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { cloudFormationDocument, editedText, terraformDocument, type BenchDocument } from './templates';
import type { Measurement } from './stats';

const EDITS = 100;
const REQUESTS = 200;
const WARM_UP = 20;

async function cpuMsOf(run: () => unknown): Promise<number> {
  const start = process.cpuUsage();
  await run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function inProcess(doc: BenchDocument, id: string): Promise<Measurement[]> {
  const settings = withDefaults(undefined);
  const catalog = getCatalog();
  const read = async (text: string, previous?: ServedTemplate) => {
    const served = await readTemplate(doc.uri, doc.languageId, text, settings, previous?.template);
    if (!served) throw new Error(`${doc.label} holds no template`);
    diagnosticsOf(served, catalog, settings, error => {
      throw error;
    });
    return served;
  };
  let served = await read(doc.text);
  const edits: number[] = [];
  for (let i = 0; i < WARM_UP + EDITS; i++) {
    const ms = await cpuMsOf(async () => {
      served = await read(editedText(doc, i + 1), served);
    });
    if (i >= WARM_UP) edits.push(ms);
  }
  served = await read(doc.text, served);
  const position = TextDocument.create(doc.uri, doc.languageId, 0, doc.text).positionAt(doc.actionAt);
  if (!completionOf(served, position, catalog, settings)?.items.length) throw new Error(`no completion in ${doc.label}`);
  const completion: number[] = [];
  for (let i = 0; i < WARM_UP + REQUESTS; i++) {
    const ms = await cpuMsOf(() => completionOf(served, position, catalog, settings));
    if (i >= WARM_UP) completion.push(ms);
  }
  return [
    { id: `${id}-edit-cpu-in-process`, label: `read + diagnostics of an edit inside one policy, in process [CPU], ${doc.label}`, samples: edits },
    { id: `${id}-completion-cpu-in-process`, label: `completion, in process [CPU], ${doc.label}`, samples: completion },
  ];
}

export async function templateCpuBench(): Promise<Measurement[]> {
  return [...(await inProcess(cloudFormationDocument(), 'template')), ...(await inProcess(terraformDocument(), 'terraform'))];
}
