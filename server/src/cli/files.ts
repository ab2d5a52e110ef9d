// Which files a command line names: files, folders (searched for *.json), globs, and "-" for
// standard input. Files named explicitly are always checked; files found in folders or by globs
// only when they are policies, as the editor does with JSON files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { isPolicyFileName } from '../documents/policyDocuments';
import { errorText } from './io';

export interface InputFile {
  /** absolute path, or undefined for standard input */
  path?: string;
  /** the name to show: relative to the working folder, or the --stdin-filename */
  display: string;
  uri: string;
  /** named on the command line (or stdin): checked even when it is not a policy */
  explicit: boolean;
  /** the document language the editor would give it */
  languageId: 'iam-policy' | 'json' | 'yaml' | 'terraform';
  /** the folder or glob of the command line that found it (undefined: named explicitly) */
  foundBy?: string;
}

/** What a command line names: the files, and the folder and glob inputs that were searched for them. */
export interface ExpandedInputs {
  files: InputFile[];
  searched: string[];
}

/** The accepted files below `dir`, in name order; a folder that cannot be read is a problem, and the walk goes on. */
function walk(dir: string, accept: (path: string) => boolean, problems: string[], cwd: string): string[] {
  const found: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    problems.push(`${relative(cwd, dir) || dir}: cannot read the folder: ${errorText(error)}`);
    return found;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const inner of walk(path, accept, problems, cwd)) found.push(inner);
    else if (entry.isFile() && accept(path)) found.push(path);
  }
  return found;
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Files a folder is searched for: policies (JSON) and templates (CloudFormation, SAM, Serverless, Terraform). */
export const SEARCHED = /\.(json|ya?ml|template|tf|tofu)$/i;

function languageOf(path: string, explicit: boolean): InputFile['languageId'] {
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  if (/\.(tf|tofu)$/i.test(path)) return 'terraform';
  return explicit || isPolicyFileName(basename(path)) ? 'iam-policy' : 'json';
}

export function inputFile(path: string, cwd: string, foundBy?: string): InputFile {
  const explicit = foundBy === undefined;
  return {
    path,
    display: relative(cwd, path) || path,
    uri: pathToFileURL(path).href,
    explicit,
    languageId: languageOf(path, explicit),
    ...(explicit ? {} : { foundBy }),
  };
}

export function stdinFile(cwd: string, filename?: string): InputFile {
  const uri = filename ? pathToFileURL(resolve(cwd, filename)).href : 'untitled:stdin';
  return { display: filename ?? '<stdin>', uri, explicit: true, languageId: 'iam-policy' };
}

/** Expands the inputs; `problems` gets one line per input that names nothing. */
export function expandInputs(inputs: string[], cwd: string, stdinFilename: string | undefined, problems: string[]): ExpandedInputs {
  const files = new Map<string, InputFile>();
  const searched: string[] = [];
  const add = (file: InputFile) => {
    if (!files.has(file.uri)) files.set(file.uri, file);
  };
  for (const input of inputs) {
    if (input === '-') {
      add(stdinFile(cwd, stdinFilename));
      continue;
    }
    const path = resolve(cwd, input);
    const stat = statOrUndefined(path);
    if (stat?.isDirectory()) {
      searched.push(input);
      for (const found of walk(path, p => SEARCHED.test(p), problems, cwd)) add(inputFile(found, cwd, input));
    } else if (stat) {
      add(inputFile(path, cwd));
    } else {
      const { base, glob, isGlob } = picomatch.scan(input);
      const baseDir = resolve(cwd, base || '.');
      let found: string[] = [];
      if (isGlob && statOrUndefined(baseDir)?.isDirectory()) {
        const matches = picomatch(glob, { dot: false });
        found = walk(baseDir, p => matches(relative(baseDir, p)), problems, cwd);
      }
      if (found.length === 0) problems.push(`${input}: no such file, folder or matching file`);
      else searched.push(input);
      for (const match of found) add(inputFile(match, cwd, input));
    }
  }
  return { files: [...files.values()], searched };
}

/**
 * A line for each folder or glob of the command line that held no policy (no JSON file, or only
 * JSON files without a "Statement"), so that a run over the wrong folder does not pass in silence.
 */
export function inputsWithoutPolicies(expanded: ExpandedInputs, checked: (file: InputFile) => boolean): string[] {
  return expanded.searched.flatMap(input => {
    const found = expanded.files.filter(file => file.foundBy === input);
    if (found.some(checked)) return [];
    const skipped =
      found.length === 0
        ? 'no .json file'
        : `${found.length === 1 ? 'its one .json file is' : `its ${found.length} .json files are`} not a policy (no "Statement")`;
    return [`${input}: no policy files to check: ${skipped}`];
  });
}

/** The text of an input, without a byte-order mark (editors drop it too); throws I/O errors. */
export function readInput(file: InputFile, readStdin: () => string): string {
  const text = file.path === undefined ? readStdin() : readFileSync(file.path, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
