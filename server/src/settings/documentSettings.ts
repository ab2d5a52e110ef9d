// The settings of each open document as the server uses them: the editor's, pulled per resource
// (workspace/configuration) from clients that answer pulls, else the last ones pushed
// (didChangeConfiguration), with the nearest .iam-lint.json over them (projectSettings.ts). One
// settings object per document until something changes: the parse cache compares them by identity.
import { existsSync, readFileSync } from 'node:fs';
import { withDefaults, type IamPolicySettings } from '../protocol';
import { ProjectSettings } from './projectSettings';
import { invalidSettingsMessage } from './settingsFile';

/** What the settings need of the connection. */
export interface DocumentSettingsHost {
  /** the editor's `iamPolicy` section for a resource (workspace/configuration) */
  pull(uri: string): Promise<Partial<IamPolicySettings> | null>;
  /** a sentence for the user: a project's settings file is not valid */
  warn(message: string): void;
  logError(where: string, error: unknown): void;
  /** the editor's copy of a file it has open (a settings file being edited counts before it is saved) */
  openText(path: string): string | undefined;
}

export class DocumentSettings {
  private readonly byUri = new Map<string, Promise<IamPolicySettings>>();
  /** the nearest .iam-lint.json of each document, over the editor's settings */
  private readonly project: ProjectSettings;
  /** whether the client answers workspace/configuration */
  private pulls = false;
  /** settings from didChangeConfiguration, for clients that push them instead of answering pulls */
  private pushed = withDefaults(undefined);
  private workspaceFolders: string[] = [];

  constructor(private readonly host: DocumentSettingsHost) {
    this.project = new ProjectSettings({
      exists: path => host.openText(path) !== undefined || existsSync(path),
      readFile: path => this.readFile(path),
      reportInvalid: (path, problems) => host.warn(`${invalidSettingsMessage(path, problems)}\nIt is ignored until it is fixed.`),
    });
  }

  /** At initialize: whether the client answers pulls, and the workspace folders (the search for a settings file stops at them). */
  initialize(pulls: boolean, workspaceFolders: readonly string[]): void {
    this.pulls = pulls;
    this.setWorkspaceFolders([...workspaceFolders]);
  }

  /** Workspace folders were added or removed. */
  changeWorkspaceFolders(added: readonly string[], removed: readonly string[]): void {
    const gone = new Set(removed);
    this.setWorkspaceFolders([...this.workspaceFolders.filter(uri => !gone.has(uri)), ...added]);
  }

  /** didChangeConfiguration: a pushing client's new settings; a pulling client is asked again. */
  changeConfiguration(settings: unknown): void {
    if (!this.pulls) this.pushed = withDefaults((settings as { iamPolicy?: Partial<IamPolicySettings> } | null)?.iamPolicy);
    this.byUri.clear();
  }

  /** A file's text: the editor's copy when it has the file open, else the disk's. */
  readFile(path: string): string {
    return this.host.openText(path) ?? readFileSync(path, 'utf8');
  }

  /** The settings file a setting of this document goes into (ProjectSettings.target). */
  settingsFileTarget(uri: string): { path: string; exists: boolean } | undefined {
    return this.project.target(uri);
  }

  /** A settings file was created, changed or deleted. */
  settingsFilesChanged(): void {
    this.project.clear();
    this.byUri.clear();
  }

  /** The editor's settings with the project's .iam-lint.json over them; one object per URI until they change. */
  forDocument(uri: string): Promise<IamPolicySettings> {
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.editorSettings(uri).then(editor => {
        try {
          return this.project.apply(uri, editor);
        } catch (error) {
          this.host.logError('project settings', error);
          return editor;
        }
      });
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  /** The document was closed. */
  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  private editorSettings(uri: string): Promise<IamPolicySettings> {
    if (!this.pulls) return Promise.resolve(this.pushed);
    return this.host.pull(uri).then(withDefaults, () => withDefaults(undefined));
  }

  private setWorkspaceFolders(uris: string[]): void {
    this.workspaceFolders = uris;
    this.project.setWorkspaceFolders(uris);
    this.byUri.clear();
  }
}
