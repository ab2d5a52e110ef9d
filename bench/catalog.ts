// Benchmark of the catalog: load time and heap after load, each in a new process.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Measurement } from './stats';

const RUNS = 5;

export function catalogBench(): Measurement[] {
  const load: number[] = [];
  const heap: number[] = [];
  const heapAll: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, 'catalogProbe.ts')], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`catalog probe failed: ${result.stderr}`);
    const probe = JSON.parse(result.stdout) as { loadMs: number; heapAfterLoadMb: number; heapAllServicesMb: number };
    load.push(probe.loadMs);
    heap.push(probe.heapAfterLoadMb);
    heapAll.push(probe.heapAllServicesMb);
  }
  return [
    { id: 'catalog-load', label: 'catalog load (in-process loadCatalog)', samples: load },
    { id: 'catalog-heap', label: `catalog heap after load (${heapAll[0].toFixed(1)} MB with every service decoded)`, samples: heap },
  ];
}
