// The settings file of the CLI (server/src/settings/settingsFile.ts says which files and shapes): the
// editor's `iamPolicy` settings, so that CI and the editor agree. Without --config the nearest one
// from the working folder up to the repository's root is read, .vscode/settings.json included.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withDefaults, type IamPolicySettings } from '../protocol';
import { findSettingsFile, invalidSettingsMessage, parseSettingsText, type SettingsFileSystem } from '../settings/settingsFile';
import { CliError } from './io';

const DISK: SettingsFileSystem = { exists: existsSync, readFile: path => readFileSync(path, 'utf8') };

/** Reads the settings file (the one given, or the nearest one if any) merged over the defaults. */
export function loadSettings(configPath: string | undefined, cwd: string): { settings: IamPolicySettings; path?: string } {
  const path = configPath === undefined ? findSettingsFile(cwd, DISK, { editorSettings: true }) : resolve(cwd, configPath);
  if (path === undefined) return { settings: withDefaults(undefined) };
  let text: string;
  try {
    text = DISK.readFile(path);
  } catch (error) {
    throw new CliError(`cannot read the settings file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const content = parseSettingsText(text);
  if ('problems' in content) throw new CliError(invalidSettingsMessage(path, content.problems));
  return { settings: withDefaults(content.settings), path };
}
