// iam-policy-mcp: the engine as a Model Context Protocol server over standard input and output, for
// coding agents. Standard output carries the protocol only: logs go to standard error.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { getCatalog } from '../catalog/loadCatalog';
import { createMcpServer } from './server';

const log = (message: string) => process.stderr.write(`iam-policy-mcp: ${message}\n`);

process.on('uncaughtException', error => log(`uncaught exception: ${error.stack ?? error.message}`));
process.on('unhandledRejection', error => log(`unhandled rejection: ${String(error)}`));

createMcpServer(
  {
    catalog: getCatalog,
    cwd: process.cwd(),
    onRuleError: (error, rules) => log(`internal error in ${rules} (please report it): ${error instanceof Error ? error.stack : String(error)}`),
  },
  log,
)
  .connect(new StdioServerTransport())
  .catch(error => {
    log(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
