// dist/server.js: the language server (dist/server-main.js), loaded through the code cache. The heap
// settings wait until the server is warm and its code cache written: V8 rejects cached code made
// under other flags, so the cache must be written, and read, under node's own.
import { join } from 'node:path';
import { runWithCodeCache } from './codeCache';
import { applyServerHeapSettings } from './heapSettings';
import { onceWarm } from './warm';

runWithCodeCache(join(__dirname, 'server-main.js'));
onceWarm(applyServerHeapSettings); // registered after the cache writer, so it runs after it
