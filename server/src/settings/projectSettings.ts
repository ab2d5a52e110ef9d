// A project's .iam-lint.json in the editor, so that the editor and CI (which reads the same file)
// agree. The nearest one from a document's folder up to the repository's root or the workspace
// folder, whichever comes first, wins over the editor's settings for the settings it sets. An invalid
// file is reported once per text and ignored: it never breaks the editor. Pure: the file system and
// the reporting come in as functions; the server drops the caches when a settings file changes.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SETTINGS_FILE_NAME, type IamPolicySettings } from '../protocol';
import { findSettingsFile, parseSettingsText, searchSettingsFile, type SettingsFileSystem } from './settingsFile';

export interface ProjectSettingsHost extends SettingsFileSystem {
  /** a settings file is not valid and is ignored; told once per text of the file */
  reportInvalid(path: string, problems: string[]): void;
}

/** The editor's settings with a project's over them: the project's win, in `rules` rule by rule. */
export function mergeProjectSettings(editor: IamPolicySettings, project: Partial<IamPolicySettings>): IamPolicySettings {
  return { ...editor, ...project, rules: { ...editor.rules, ...project.rules } };
}

/** The local path of a `file:` URI, or undefined for any other document. */
function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class ProjectSettings {
  /** the nearest settings file of each folder a document is in (undefined: none) */
  private readonly fileByFolder = new Map<string, string | undefined>();
  /** each settings file's settings (undefined: not valid, ignored) */
  private readonly settingsByFile = new Map<string, Partial<IamPolicySettings> | undefined>();
  /** the text of each invalid file when it was reported, so that one text is reported once */
  private readonly reportedText = new Map<string, string>();
  private workspaceFolders = new Set<string>();

  constructor(private readonly host: ProjectSettingsHost) {}

  /** The workspace folders' URIs: the search does not go above them. */
  setWorkspaceFolders(uris: readonly string[]): void {
    this.workspaceFolders = new Set(uris.map(filePath).filter((path): path is string => path !== undefined));
    this.fileByFolder.clear();
  }

  /** The settings of a document: the editor's, with those of the nearest .iam-lint.json over them. */
  apply(uri: string, editor: IamPolicySettings): IamPolicySettings {
    const path = filePath(uri);
    const file = path === undefined ? undefined : this.fileFor(dirname(path));
    const project = file === undefined ? undefined : this.settingsOf(file);
    return project ? mergeProjectSettings(editor, project) : editor;
  }

  /**
   * The settings file a setting of this document goes into: its nearest .iam-lint.json, else a new one
   * at the project's root (the repository's root or the workspace folder). Undefined for a document
   * that is not a file.
   */
  target(uri: string): { path: string; exists: boolean } | undefined {
    const path = filePath(uri);
    if (path === undefined) return undefined;
    const { file, root } = searchSettingsFile(dirname(path), this.host, { isBoundary: at => this.workspaceFolders.has(at) });
    return file ? { path: file, exists: true } : { path: join(root, SETTINGS_FILE_NAME), exists: false };
  }

  /** Forgets what was read: a settings file was created, changed or deleted. */
  clear(): void {
    this.fileByFolder.clear();
    this.settingsByFile.clear();
  }

  private fileFor(folder: string): string | undefined {
    if (!this.fileByFolder.has(folder)) {
      this.fileByFolder.set(folder, findSettingsFile(folder, this.host, { isBoundary: at => this.workspaceFolders.has(at) }));
    }
    return this.fileByFolder.get(folder);
  }

  private settingsOf(file: string): Partial<IamPolicySettings> | undefined {
    if (!this.settingsByFile.has(file)) this.settingsByFile.set(file, this.read(file));
    return this.settingsByFile.get(file);
  }

  private read(file: string): Partial<IamPolicySettings> | undefined {
    let text: string;
    try {
      text = this.host.readFile(file);
    } catch (error) {
      this.report(file, '', [`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`]);
      return undefined;
    }
    const content = parseSettingsText(text);
    if ('settings' in content) {
      this.reportedText.delete(file);
      return content.settings;
    }
    this.report(file, text, content.problems);
    return undefined;
  }

  private report(file: string, text: string, problems: string[]): void {
    if (this.reportedText.get(file) === text) return;
    this.reportedText.set(file, text);
    this.host.reportInvalid(file, problems);
  }
}
