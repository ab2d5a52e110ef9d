// dist/server.js: the language server (dist/server-main.js), loaded through the code cache.
import { join } from 'node:path';
import { runWithCodeCache } from './codeCache';

runWithCodeCache(join(__dirname, 'server-main.js'));
