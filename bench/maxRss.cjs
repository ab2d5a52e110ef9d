// Preloaded into a measured process (`node -r`): prints its peak resident memory on exit.
'use strict';
process.on('exit', () => require('node:fs').writeSync(2, `\nbench-max-rss-kb=${process.resourceUsage().maxRSS}\n`));
