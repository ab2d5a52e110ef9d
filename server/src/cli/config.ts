// The settings file of the CLI: the editor's `iamPolicy` settings as a JSON object, so that CI and
// the editor agree. Accepted shapes: { "rules": ..., "minimumSeverity": ... }, the same under an
// "iamPolicy" key, or VS Code's flat keys ("iamPolicy.rules": ...), so .vscode/settings.json works.
// Without --config the file is looked for as ESLint and Prettier look for theirs: in the working
// folder, then its parents up to the repository's root, so a run from a subfolder keeps the settings.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { POLICY_KINDS } from '../policy/model';
import { withDefaults, type IamPolicySettings } from '../protocol';
import { CliError } from './io';

export const DEFAULT_CONFIG_FILE = '.iam-lint.json';
/** The editor's settings: used when they hold `iamPolicy` settings and no .iam-lint.json is nearer. */
const EDITOR_SETTINGS_FILE = join('.vscode', 'settings.json');

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];
const KNOWN_KEYS = new Set(['rules', 'minimumSeverity', 'securityRules', 'policyKinds', 'jsonDocuments', 'zoneOfTrust']);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The settings object inside the file, whichever of the accepted shapes it has. */
function settingsObject(json: Json): Json {
  if (isObject(json.iamPolicy)) return json.iamPolicy;
  const flat = Object.entries(json).filter(([key]) => key.startsWith('iamPolicy.'));
  return flat.length ? Object.fromEntries(flat.map(([key, value]) => [key.slice('iamPolicy.'.length), value])) : json;
}

/** Problems with the settings, each a sentence naming the key. */
export function settingsProblems(settings: Json): string[] {
  const problems: string[] = [];
  const expectValues = (key: string, allowed: readonly string[]) => {
    const value = settings[key];
    if (!isObject(value)) return problems.push(`"${key}" must be an object`);
    for (const [name, v] of Object.entries(value)) {
      if (typeof v !== 'string' || !allowed.includes(v)) problems.push(`"${key}.${name}" must be one of ${allowed.join(', ')}`);
    }
  };
  for (const key of Object.keys(settings)) {
    if (key === 'trace.server') continue; // an editor-only setting
    if (!KNOWN_KEYS.has(key)) problems.push(`unknown setting "${key}" (known: ${[...KNOWN_KEYS].join(', ')})`);
  }
  if ('rules' in settings) expectValues('rules', SEVERITIES);
  if ('policyKinds' in settings) expectValues('policyKinds', POLICY_KINDS);
  if ('minimumSeverity' in settings && !SEVERITIES.slice(0, 4).includes(settings.minimumSeverity as string)) {
    problems.push(`"minimumSeverity" must be one of ${SEVERITIES.slice(0, 4).join(', ')}`);
  }
  if ('securityRules' in settings && typeof settings.securityRules !== 'boolean') problems.push('"securityRules" must be true or false');
  if ('jsonDocuments' in settings && !['auto', 'off'].includes(settings.jsonDocuments as string)) problems.push('"jsonDocuments" must be "auto" or "off"');
  if ('zoneOfTrust' in settings && !isObject(settings.zoneOfTrust)) problems.push('"zoneOfTrust" must be an object');
  return problems;
}

/** Whether a VS Code settings text sets any `iamPolicy` setting (nested or as flat keys). */
function hasIamPolicySettings(text: string): boolean {
  const json: unknown = parse(text);
  return isObject(json) && (isObject(json.iamPolicy) || Object.keys(json).some(key => key.startsWith('iamPolicy.')));
}

/**
 * The nearest settings file: .iam-lint.json, or .vscode/settings.json with `iamPolicy` settings, in
 * `cwd` or a parent folder; the search stops at the repository's root (the folder with .git).
 */
export function findSettingsFile(cwd: string): string | undefined {
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    const own = join(folder, DEFAULT_CONFIG_FILE);
    if (existsSync(own)) return own;
    const editor = join(folder, EDITOR_SETTINGS_FILE);
    try {
      if (hasIamPolicySettings(readFileSync(editor, 'utf8'))) return editor;
    } catch { /* no editor settings here */ }
    if (existsSync(join(folder, '.git')) || dirname(folder) === folder) return undefined;
  }
}

/** Reads the settings file (the one given, or the nearest one if any) merged over the defaults. */
export function loadSettings(configPath: string | undefined, cwd: string): { settings: IamPolicySettings; path?: string } {
  const path = configPath === undefined ? findSettingsFile(cwd) : resolve(cwd, configPath);
  if (path === undefined) return { settings: withDefaults(undefined) };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read the settings file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const errors: ParseError[] = [];
  const json: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length || !isObject(json)) {
    const why = errors.length ? `${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset}` : 'not a JSON object';
    throw new CliError(`the settings file ${path} is not valid: ${why}`);
  }
  const settings = settingsObject(json);
  const problems = settingsProblems(settings);
  if (problems.length) throw new CliError(`the settings file ${path} is not valid:\n  ${problems.join('\n  ')}`);
  return { settings: withDefaults(settings as Partial<IamPolicySettings>), path };
}
