// Bundles the client, the server, the command-line checker and the MCP server into dist/.
// The catalog (dist/catalog.json) is written by scripts/build-catalog.mjs and read at run time.
// The HCL parser's WebAssembly (web-tree-sitter's runtime and tree-sitter's HCL grammar) is copied
// beside the bundles, which read it on the first Terraform file (server/src/templates/terraform/hclParser.ts).
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
mkdirSync('dist', { recursive: true });
for (const wasm of ['web-tree-sitter/web-tree-sitter.wasm', '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm']) {
  copyFileSync(require.resolve(wasm), `dist/${basename(wasm)}`);
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
  // jsonc-parser's "main" is a UMD build whose dynamic requires esbuild cannot follow: take its ES module build
  mainFields: ['module', 'main'],
};

/**
 * vscode-languageserver loads child_process and crypto at start for features the stdio server never
 * uses (global module paths, pipe names, random ids); loading them costs ~15 ms of its start-up. Each
 * becomes a stand-in that loads the module on first use.
 */
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    build.onResolve({ filter: /^(node:)?(child_process|crypto)$/ }, args =>
      args.namespace === 'lazy-builtin'
        ? { path: args.path, external: true } // the stand-in's own require: the real module
        : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, args => ({
      contents: `let loaded; module.exports = new Proxy({}, { get: (_, name) => (loaded ??= require('node:${args.path}'))[name] });`,
      loader: 'js',
    }));
  },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // server.js and cli.js only load server-main.js and cli-main.js through V8's code cache (server/src/bootstrap)
  build({ ...common, entryPoints: ['server/src/bootstrap/serverEntry.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/bootstrap/cliEntry.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['server/src/serverMain.ts'], outfile: 'dist/server-main.js', plugins: [lazyBuiltins] }),
  build({ ...common, entryPoints: ['server/src/cli/entry.ts'], outfile: 'dist/cli-main.js' }),
  build({ ...common, entryPoints: ['server/src/mcp/main.ts'], outfile: 'dist/mcp.js', banner: { js: '#!/usr/bin/env node' } }),
]);
