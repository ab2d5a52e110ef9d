// Tree-sitter's HCL grammar through web-tree-sitter: two WebAssembly files (the runtime and the
// grammar) loaded on the first Terraform file, never at start, so that a `.json` policy's first
// diagnostics do not wait for them. esbuild.mjs copies both beside the bundles in dist/; from
// source (tests) they are read from their npm packages. A missing or broken file is a message for
// the reader to report, never an exception.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Edit, Node, Parser, Tree } from 'web-tree-sitter';

/** The files and the npm package each ships in. */
export const HCL_WASM_FILES = [
  { file: 'web-tree-sitter.wasm', pkg: 'web-tree-sitter' },
  { file: 'tree-sitter-hcl.wasm', pkg: '@tree-sitter-grammars/tree-sitter-hcl' },
] as const;

/** Parsing longer than this (garbage, a pathological file) is given up: the file gets a problem. */
const PARSE_BUDGET_MS = 3000;

/** dist/ beside the running bundle, else the npm package when running from source. */
function wasmPath(file: string, pkg: string): string {
  const beside = join(__dirname, file);
  const fromSource = join(__dirname, '..', '..', '..', '..', 'node_modules', pkg, file); // server/src/templates/terraform -> repo
  const found = [beside, fromSource].find(path => existsSync(path));
  if (!found) throw new Error(`${file} is missing beside ${__dirname}`);
  return found;
}

export interface HclParser {
  /**
   * The tree of `text`, or undefined when parsing ran out of time; the caller deletes the tree. With
   * the previous text and its tree, only what changed is parsed again (the previous tree is edited:
   * the caller deletes it after this call and reads only the new one).
   */
  parse(text: string, previous?: { text: string; tree: Tree }): Tree | undefined;
}

function pointAt(text: string, index: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: index - lineStart };
}

/** The one edit (common prefix and suffix kept) that turns `before` into `after`. */
function editBetween(before: string, after: string): ConstructorParameters<typeof Edit>[0] {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const oldEnd = before.length - tail;
  const newEnd = after.length - tail;
  return {
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, oldEnd),
    newEndPosition: pointAt(after, newEnd),
  };
}

let loading: Promise<HclParser | string> | undefined;

async function load(): Promise<HclParser> {
  const [runtimeWasm, grammarWasm] = HCL_WASM_FILES.map(({ file, pkg }) => readFileSync(wasmPath(file, pkg)));
  // require, not import(): the bundles are CommonJS, and the library's ES module build needs import.meta
  const { Parser: ParserClass, Language, Edit: EditClass } = require('web-tree-sitter') as typeof import('web-tree-sitter');
  await ParserClass.init({ wasmBinary: runtimeWasm });
  const language = await Language.load(grammarWasm);
  const parser: Parser = new ParserClass();
  parser.setLanguage(language);
  return {
    parse(text, previous) {
      const deadline = performance.now() + PARSE_BUDGET_MS;
      // the callback's boolean cancels the parse (typed void in the library's declarations)
      const progressCallback = (() => performance.now() > deadline) as unknown as () => void;
      if (previous) previous.tree.edit(new EditClass(editBetween(previous.text, text)));
      return parser.parse(text, previous?.tree ?? null, { progressCallback }) ?? undefined;
    },
  };
}

/** The HCL parser, loaded once; a string says why it could not be loaded. */
export function loadHclParser(): Promise<HclParser | string> {
  loading ??= load().catch(
    (error: unknown) =>
      `The Terraform parser could not be loaded (${error instanceof Error ? error.message : String(error)}): policies in Terraform files are not checked.`,
  );
  return loading;
}

export type { Node as HclNode };
