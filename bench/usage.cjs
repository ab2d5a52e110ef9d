// Preloaded into a measured process (`node -r`): prints its peak resident memory and its CPU time
// (user + system, every thread) on exit.
'use strict';
process.on('exit', () => {
  const usage = process.resourceUsage();
  require('node:fs').writeSync(2, `\nbench-max-rss-kb=${usage.maxRSS}\nbench-cpu-us=${usage.userCPUTime + usage.systemCPUTime}\n`);
});
