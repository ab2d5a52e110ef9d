// dist/cli.js: the command-line checker (dist/cli-main.js), loaded through the code cache.
import { join } from 'node:path';
import { runWithCodeCache } from './codeCache';

runWithCodeCache(join(__dirname, 'cli-main.js'));
