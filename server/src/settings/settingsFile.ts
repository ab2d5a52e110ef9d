// A project's settings file, shared by the CLI and the language server so that CI and the editor
// agree: the editor's `iamPolicy` settings as a JSON object. Accepted shapes: { "rules": ...,
// "minimumSeverity": ... }, the same under an "iamPolicy" key, or VS Code's flat keys
// ("iamPolicy.rules": ...), so .vscode/settings.json works. The file is looked for as ESLint and
// Prettier look for theirs: in a folder, then its parents up to the repository's root.
// Pure: the file system comes in as functions.
import { dirname, join, resolve } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parseArn } from '../policy/arn';
import { POLICY_KINDS } from '../policy/model';
import { SETTINGS_FILE_NAME, type IamPolicySettings } from '../protocol';
import { SEVERITIES } from '../rules/types';

/** The editor's settings: the CLI reads them when they hold `iamPolicy` settings and no .iam-lint.json is nearer. */
export const EDITOR_SETTINGS_FILE = join('.vscode', 'settings.json');

const SEVERITY_SETTINGS: readonly string[] = [...SEVERITIES, 'off'];
/** The settings a file may hold (the schema, schemas/iam-lint.schema.json, describes each; a test keeps them in step). */
export const KNOWN_KEYS: ReadonlySet<string> = new Set([
  'rules',
  'minimumSeverity',
  'securityRules',
  'policyKinds',
  'jsonDocuments',
  'templates',
  'zoneOfTrust',
  'requiredConditions',
  'sensitiveActions',
  'sensitiveResources',
]);

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

/** An action or action pattern as IAM reads one: service:Action, wildcards allowed ("*" alone too). */
const ACTION_PATTERN = /^(\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+)$/;
const REQUIREMENT_KEYS = new Set(['actions', 'allOf', 'anyOf', 'reason']);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every(v => typeof v === 'string');

/** Problems with a list of action patterns ("sensitiveActions", "requiredConditions[0].actions"). */
function actionListProblems(where: string, value: unknown, allowEmpty = false): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!isStringList(list) || (list.length === 0 && !allowEmpty))
    return [`"${where}" must be an action or a list of actions, e.g. "iam:PassRole" or ["s3:Put*"]`];
  return list.filter(a => !ACTION_PATTERN.test(a)).map(a => `"${where}": ${JSON.stringify(a)} is not an action (service:Action, wildcards allowed)`);
}

/** Problems with the condition keys of a requirement ("requiredConditions[0].allOf"). */
function requiredKeyProblems(where: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) return [`"${where}" must be a list of condition keys`];
  return value.flatMap((item, i) => {
    if (typeof item === 'string' && item.includes(':')) return [];
    const ok =
      isObject(item) &&
      typeof item.key === 'string' &&
      item.key.includes(':') &&
      (item.values === undefined || (isStringList(item.values) && item.values.length > 0)) &&
      Object.keys(item).every(k => k === 'key' || k === 'values');
    return ok ? [] : [`"${where}[${i}]" must be a condition key, or { "key": "...", "values": ["..."] }`];
  });
}

/** Problems with "requiredConditions": a list of { actions, allOf?, anyOf?, reason? }. */
function requirementProblems(value: unknown): string[] {
  if (!Array.isArray(value)) return ['"requiredConditions" must be a list of { "actions": ..., "allOf": [...], "anyOf": [...] }'];
  return value.flatMap((requirement, i) => {
    const where = `requiredConditions[${i}]`;
    if (!isObject(requirement)) return [`"${where}" must be an object`];
    const problems = Object.keys(requirement)
      .filter(k => !REQUIREMENT_KEYS.has(k))
      .map(k => `"${where}": unknown property "${k}" (known: ${[...REQUIREMENT_KEYS].join(', ')})`);
    problems.push(...actionListProblems(`${where}.actions`, requirement.actions));
    if (requirement.allOf === undefined && requirement.anyOf === undefined) problems.push(`"${where}" needs "allOf" or "anyOf"`);
    for (const list of ['allOf', 'anyOf'] as const) {
      if (requirement[list] !== undefined) problems.push(...requiredKeyProblems(`${where}.${list}`, requirement[list]));
    }
    if (requirement.reason !== undefined && typeof requirement.reason !== 'string') problems.push(`"${where}.reason" must be a string`);
    return problems;
  });
}

/** Problems with "sensitiveResources": ARN patterns. */
function resourceListProblems(value: unknown): string[] {
  if (!isStringList(value)) return ['"sensitiveResources" must be a list of ARNs (wildcards allowed)'];
  return value
    .filter(arn => !parseArn(arn))
    .map(arn => `"sensitiveResources": ${JSON.stringify(arn)} is not an ARN (arn:partition:service:region:account:resource)`);
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
    if (key === 'trace.server' || key === '$schema') continue; // an editor-only setting; the file's JSON schema
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
  if ('requiredConditions' in settings) problems.push(...requirementProblems(settings.requiredConditions));
  if ('sensitiveActions' in settings) {
    problems.push(
      ...(Array.isArray(settings.sensitiveActions)
        ? actionListProblems('sensitiveActions', settings.sensitiveActions, true)
        : ['"sensitiveActions" must be a list of actions, e.g. ["s3:DeleteBucket", "kms:ScheduleKeyDeletion"]']),
    );
  }
  if ('sensitiveResources' in settings) problems.push(...resourceListProblems(settings.sensitiveResources));
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
      } catch {
        /* no editor settings here */
      }
    }
    if (fs.exists(join(at, '.git')) || search.isBoundary?.(at)) return { root: at };
    if (dirname(at) === at) return { root: resolve(folder) };
  }
}

/** The nearest settings file (searchSettingsFile), if any. */
export function findSettingsFile(folder: string, fs: SettingsFileSystem, search: SettingsSearch = {}): string | undefined {
  return searchSettingsFile(folder, fs, search).file;
}
