// One start of a bundle through the code-cache loader, in a process of its own (V8 keeps compiled
// scripts in memory, so only a new process shows whether the cache on disk was used). Prints
// "cached" or "compiled"; with "warm", the bundle then says it is warm, which writes the cache.
import { runWithCodeCache } from '../../server/src/bootstrap/codeCache';
import { announceWarm } from '../../server/src/bootstrap/warm';

const [bundle, warm] = process.argv.slice(2);
process.stdout.write(runWithCodeCache(bundle) ? 'cached' : 'compiled');
if (warm === 'warm') announceWarm();
