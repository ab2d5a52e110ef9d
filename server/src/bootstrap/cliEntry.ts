// dist/cli.js: the command-line checker (dist/cli-main.js), loaded through the code cache. The
// checker's V8 flags are set first: V8 keeps a hash of the flags in a code cache and rejects a cache
// made under other flags, so flags set after the load would make every run compile afresh.
import { join } from 'node:path';
import { tuneV8ForOnePass } from './onePass';
import { runWithCodeCache } from './codeCache';

tuneV8ForOnePass();
runWithCodeCache(join(__dirname, 'cli-main.js'));
