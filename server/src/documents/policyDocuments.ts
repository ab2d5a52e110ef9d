// Which open documents are policies, and their parse, cached per version. The server and the CLI
// both decide "is this a policy, of which kind" here, so the editor and CI agree.
import picomatch from 'picomatch';
import manifest from '../../../package.json';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { POLICY_KINDS, type PolicyDocument, type PolicyKind } from '../policy/model';
import { parsePolicy } from '../policy/parse';
import type { IamPolicySettings } from '../protocol';

export const POLICY_LANGUAGE_ID = 'iam-policy';
const JSON_LANGUAGE_IDS = new Set(['json', 'jsonc']);

/**
 * A JSON document: of a JSON language, or named `*.json` whatever language the editor says it is in
 * (Emacs's Eglot names the language after the major mode: `js` in Emacs 28, `js-json` in 29).
 */
export function isJsonDocument(uri: string, languageId: string): boolean {
  return JSON_LANGUAGE_IDS.has(languageId) || /\.json$/i.test(uri.replace(/[?#].*$/, ''));
}

/** The file names VS Code opens in the IAM policy language (the manifest's filenamePatterns). */
export const POLICY_FILENAME_PATTERNS: readonly string[] =
  manifest.contributes.languages.find(language => language.id === POLICY_LANGUAGE_ID)?.filenamePatterns ?? [];
const policyNamePattern = picomatch(POLICY_FILENAME_PATTERNS as string[], { basename: true, nocase: false });

/** Whether a path or URI names a policy file by its name (`*.iam.json`, `*policy*.json`, ...). */
export function isPolicyFileName(pathOrUri: string): boolean {
  const name = decodeURIComponent(pathOrUri.slice(Math.max(pathOrUri.lastIndexOf('/'), pathOrUri.lastIndexOf('\\')) + 1));
  return policyNamePattern(name);
}

/** The kind the user set for this path through `policyKinds` globs, if any. */
export function kindFromSettings(uri: string, settings: IamPolicySettings): PolicyKind | undefined {
  const path = decodeURIComponent(uri.replace(/^file:\/\//, ''));
  for (const [glob, kind] of Object.entries(settings.policyKinds ?? {})) {
    if (picomatch.isMatch(path, glob, { dot: true, contains: !glob.startsWith('/') })) return kind;
  }
  return undefined;
}

/**
 * Parses a text as a policy, or returns undefined when the document is not one of ours: JSON
 * documents count when the settings allow them and their name is a policy's (as VS Code would open
 * them in our language, and as the checker reads them) or their content is a policy.
 */
export function policyFromText(
  uri: string,
  languageId: string,
  text: string,
  settings: IamPolicySettings,
  kindOverride?: PolicyKind,
): PolicyDocument | undefined {
  const ours = languageId === POLICY_LANGUAGE_ID;
  if (!ours && !(isJsonDocument(uri, languageId) && settings.jsonDocuments !== 'off')) return undefined;
  const language = ours || isPolicyFileName(uri) ? POLICY_LANGUAGE_ID : languageId;
  const doc = parsePolicy(text, uri, { languageId: language, kind: kindOverride ?? kindFromSettings(uri, settings) });
  return doc.looksLikePolicy ? doc : undefined;
}

/** One parse per document version; the server asks for it from every handler. */
export class PolicyCache {
  private readonly entries = new Map<string, { version: number; settings: IamPolicySettings; kind?: PolicyKind; doc: PolicyDocument | undefined }>();
  /** kinds chosen by the user with the "set policy kind" command, per URI */
  readonly kindOverrides = new Map<string, PolicyKind>();

  /** Records the kind the user chose for a document; null (or anything that is not a kind) detects it again. */
  setKind(uri: string, kind: unknown): void {
    if (POLICY_KINDS.includes(kind as PolicyKind)) this.kindOverrides.set(uri, kind as PolicyKind);
    else this.kindOverrides.delete(uri);
  }

  get(document: TextDocument, settings: IamPolicySettings): PolicyDocument | undefined {
    const kind = this.kindOverrides.get(document.uri);
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings && cached.kind === kind) return cached.doc;
    const doc = policyFromText(document.uri, document.languageId, document.getText(), settings, kind);
    this.entries.set(document.uri, { version: document.version, settings, kind, doc });
    return doc;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
