// A project's settings file, shared by the CLI and the language server so that CI and the editor
// agree: the editor's `iamPolicy` settings as a JSON object. Accepted shapes: { "rules": ...,
// "minimumSeverity": ... }, the same under an "iamPolicy" key, or VS Code's flat keys
// ("iamPolicy.rules": ...), so .vscode/settings.json works. The file is looked for as ESLint and
// Prettier look for theirs: in a folder, then its parents up to the repository's root.
// Pure: the file system comes in as functions.
import { dirname, join, resolve } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { POLICY_KINDS } from '../policy/model';
import { SETTINGS_FILE_NAME, type IamPolicySettings } from '../protocol';
import { SEVERITIES } from '../rules/types';

/** The editor's settings: the CLI reads them when they hold `iamPolicy` settings and no .iam-lint.json is nearer. */
export const EDITOR_SETTINGS_FILE = join('.vscode', 'settings.json');

const SEVERITY_SETTINGS: readonly string[] = [...SEVERITIES, 'off'];
const KNOWN_KEYS = new Set(['rules', 'minimumSeverity', 'securityRules', 'policyKinds', 'jsonDocuments', 'templates', 'zoneOfTrust']);

/** The file system as the search needs it; `readFile` throws when there is no such file. */
export interface SettingsFileSystem {
  exists(path: string): boolean;
  readFile(path: string): string;
}

/** A settings file's text read: its settings, or what is wrong with it (each a sentence). */
export type SettingsFileContent = { settings: Partial<IamPolicySettings> } | { problems: string[] };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The settings object inside the file, whichever of the accepted shapes it has. */
function settingsObject(json: Json): Json {
  if (isObject(json.iamPolicy)) return json.iamPolicy;
  const flat = Object.entries(json).filter(([key]) => key.startsWith('iamPolicy.'));
  return flat.length ? Object.fromEntries(flat.map(([key, value]) => [key.slice('iamPolicy.'.length), value])) : json;
}

/** Problems with the settings, each a sentence naming the key. */
function settingsProblems(settings: Json): string[] {
  const problems: string[] = [];
  const expectValues = (key: string, allowed: readonly string[]) => {
    const value = settings[key];
    if (!isObject(value)) {
      problems.push(`"${key}" must be an object`);
      return;
    }
    for (const [name, v] of Object.entries(value)) {
      if (typeof v !== 'string' || !allowed.includes(v)) problems.push(`"${key}.${name}" must be one of ${allowed.join(', ')}`);
    }
  };
  for (const key of Object.keys(settings)) {
    if (key === 'trace.server') continue; // an editor-only setting
    if (!KNOWN_KEYS.has(key)) problems.push(`unknown setting "${key}" (known: ${[...KNOWN_KEYS].join(', ')})`);
  }
  if ('rules' in settings) expectValues('rules', SEVERITY_SETTINGS);
  if ('policyKinds' in settings) expectValues('policyKinds', POLICY_KINDS);
  if ('minimumSeverity' in settings && !(SEVERITIES as readonly string[]).includes(settings.minimumSeverity as string)) {
    problems.push(`"minimumSeverity" must be one of ${SEVERITIES.join(', ')}`);
  }
  if ('securityRules' in settings && typeof settings.securityRules !== 'boolean') problems.push('"securityRules" must be true or false');
  if ('jsonDocuments' in settings && !['auto', 'off'].includes(settings.jsonDocuments as string)) problems.push('"jsonDocuments" must be "auto" or "off"');
  if ('templates' in settings && !['auto', 'off'].includes(settings.templates as string)) problems.push('"templates" must be "auto" or "off"');
  if ('zoneOfTrust' in settings && !isObject(settings.zoneOfTrust)) problems.push('"zoneOfTrust" must be an object');
  return problems;
}

/** Reads a settings file's text (JSON with comments and trailing commas). */
export function parseSettingsText(text: string): SettingsFileContent {
  const errors: ParseError[] = [];
  const json: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length) {
    const lines = text.slice(0, errors[0].offset).split('\n');
    return { problems: [`${printParseErrorCode(errors[0].error)} at line ${lines.length}, column ${lines[lines.length - 1].length + 1}`] };
  }
  if (!isObject(json)) return { problems: ['not a JSON object'] };
  const settings = settingsObject(json);
  const problems = settingsProblems(settings);
  return problems.length ? { problems } : { settings: settings as Partial<IamPolicySettings> };
}

/** The sentence that says a settings file is not valid and why. */
export function invalidSettingsMessage(path: string, problems: string[]): string {
  const why = problems.length === 1 ? ` ${problems[0]}` : `\n  ${problems.join('\n  ')}`;
  return `the settings file ${path} is not valid:${why}`;
}

/** Whether a VS Code settings text sets any `iamPolicy` setting (nested or as flat keys). */
function hasIamPolicySettings(text: string): boolean {
  const json: unknown = parse(text);
  // settingsObject gives the whole object back only when it has neither shape
  return isObject(json) && settingsObject(json) !== json;
}

export interface SettingsSearch {
  /** also take .vscode/settings.json when it holds `iamPolicy` settings (the CLI; VS Code applies it itself) */
  editorSettings?: boolean;
  /** a folder above which the search does not go (besides the repository's root) */
  isBoundary?: (folder: string) => boolean;
}

/** Where a search for a settings file ended: the file found, and the project's root it stopped at. */
export interface SettingsFileSearchResult {
  file?: string;
  /** the repository's root or the boundary folder the search stopped at; `folder` itself when it reached the file system's root */
  root: string;
}

/**
 * The nearest settings file: .iam-lint.json (or, if asked, .vscode/settings.json with `iamPolicy`
 * settings) in `folder` or a parent; the search stops at the repository's root (the folder with
 * .git), at a boundary folder, or at the file system's root.
 */
export function searchSettingsFile(folder: string, fs: SettingsFileSystem, search: SettingsSearch = {}): SettingsFileSearchResult {
  for (let at = resolve(folder); ; at = dirname(at)) {
    const own = join(at, SETTINGS_FILE_NAME);
    if (fs.exists(own)) return { file: own, root: at };
    if (search.editorSettings) {
      const editor = join(at, EDITOR_SETTINGS_FILE);
      try {
        if (hasIamPolicySettings(fs.readFile(editor))) return { file: editor, root: at };
      } catch { /* no editor settings here */ }
    }
    if (fs.exists(join(at, '.git')) || search.isBoundary?.(at)) return { root: at };
    if (dirname(at) === at) return { root: resolve(folder) };
  }
}

/** The nearest settings file (searchSettingsFile), if any. */
export function findSettingsFile(folder: string, fs: SettingsFileSystem, search: SettingsSearch = {}): string | undefined {
  return searchSettingsFile(folder, fs, search).file;
}
