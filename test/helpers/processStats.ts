// Resident memory and CPU time of another process (the server under test), read from /proc.
import { readFileSync } from 'node:fs';

export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find(l => l.startsWith('VmRSS:'));
  if (!line) throw new Error(`no VmRSS for process ${pid}`);
  return Number(line.replace(/\D+/g, '')) / 1024;
}

/** User + system CPU time so far, in ms (Linux clock ticks of 10 ms): unlike wall time, not inflated by other work on the machine. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime and stime: fields 14 and 15 of proc(5)
}
