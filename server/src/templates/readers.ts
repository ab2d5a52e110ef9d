// Which reader reads a file, and the readers themselves, loaded on first use. Detection is cheap
// (name and text, no parse) and runs on every JSON, YAML and Terraform file the editor opens; a
// reader, with its parser, is loaded only once a file of its format is opened. Any file no reader
// claims gets nothing from us.
import { isCloudFormationJson, isCloudFormationYaml, isServerlessTemplate } from './cloudformation/detect';
import { isTerraformFile, isTerraformPlan } from './terraform/detect';
import type { TemplateFormat, TemplateReader } from './types';

interface ReaderEntry {
  format: TemplateFormat;
  detect(uri: string, languageId: string, text: string): boolean;
  load(): Promise<TemplateReader>;
}

// Serverless first: a serverless.yml holds CloudFormation too, under resources.Resources.
const READERS: readonly ReaderEntry[] = [
  { format: 'serverless', detect: isServerlessTemplate, load: async () => (await import('./serverless/serverless')).serverlessReader },
  { format: 'cloudformation-json', detect: isCloudFormationJson, load: async () => (await import('./cloudformation/readers')).cloudFormationJsonReader },
  { format: 'cloudformation-yaml', detect: isCloudFormationYaml, load: async () => (await import('./cloudformation/readers')).cloudFormationYamlReader },
  { format: 'terraform', detect: isTerraformFile, load: async () => (await import('./terraform/terraformReader')).terraformReader },
  { format: 'terraform-plan', detect: isTerraformPlan, load: async () => (await import('./terraform/planReader')).terraformPlanReader },
];

/** The languages a template may arrive as (a `.tf` or `.template` file opened without an extension for it is plain text). */
const TEMPLATE_LANGUAGE_IDS = new Set(['json', 'jsonc', 'yaml', 'terraform', 'opentofu', 'hcl', 'plaintext', 'iam-policy']);

/** The format of a file's template, or undefined when it is no template of ours. */
export function templateFormatOf(uri: string, languageId: string, text: string): TemplateFormat | undefined {
  if (!TEMPLATE_LANGUAGE_IDS.has(languageId)) return undefined;
  return READERS.find(reader => reader.detect(uri, languageId, text))?.format;
}

const loaded = new Map<TemplateFormat, TemplateReader>();

/** The reader of a format, loaded (and prepared) on first use. */
export async function loadTemplateReader(format: TemplateFormat): Promise<TemplateReader> {
  const known = loaded.get(format);
  if (known) return known;
  const reader = await READERS.find(r => r.format === format)!.load();
  await reader.prepare?.();
  loaded.set(format, reader);
  return reader;
}

/** The reader of a format if it is loaded already (the checker loads them before it checks files). */
export function loadedTemplateReader(format: TemplateFormat): TemplateReader | undefined {
  return loaded.get(format);
}

/** The formats a file of this name may hold, by its extension alone (the checker loads their readers before it reads files). */
export function templateFormatsByName(path: string): TemplateFormat[] {
  const name = path.toLowerCase();
  if (/\.(ya?ml)$/.test(name)) return ['serverless', 'cloudformation-yaml'];
  if (name.endsWith('.template')) return ['cloudformation-json', 'cloudformation-yaml'];
  if (name.endsWith('.json')) return ['cloudformation-json', 'terraform-plan'];
  if (/\.(tf|tofu)$/.test(name)) return ['terraform'];
  return [];
}

/** Loads the readers of these formats. */
export async function loadTemplateReaders(formats: Iterable<TemplateFormat>): Promise<void> {
  await Promise.all([...new Set(formats)].map(format => loadTemplateReader(format)));
}
