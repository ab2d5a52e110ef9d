// The CloudFormation template readers, JSON and YAML (SAM templates are CloudFormation templates with
// a Transform, read by the same readers). detect() looks at the name and the text without parsing;
// read() parses once and finds every policy in `Resources`.
import type { TemplateFormat, TemplateReader, TemplateReadResult } from '../types';
import type { ReadContext } from './intrinsics';
import { entryOf, parseJsonTemplate, parseYamlTemplate, type RawTemplate, readSafely } from './raw';
import { readResources } from './resources';
import { looksLikeServerless } from '../serverless/serverless';

/** How much of a text detect() reads for the header keys; `Type: AWS::` is looked for in all of it. */
export const DETECT_HEAD = 64 * 1024;

/** SAM's transform (alone or in a list of transforms) */
const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';
const JSON_HEADER = /"AWSTemplateFormatVersion"\s*:/;
const JSON_TRANSFORM = /"Transform"\s*:/;
const JSON_RESOURCES = /"Resources"\s*:\s*\{/;
const JSON_AWS_TYPE = /"Type"\s*:\s*"AWS::[A-Za-z0-9]+::/;
const YAML_HEADER = /^["']?AWSTemplateFormatVersion["']?\s*:/m;
const YAML_TRANSFORM = /^["']?Transform["']?\s*:/m;
const YAML_RESOURCES = /^["']?Resources["']?\s*:/m;
const YAML_AWS_TYPE = /\bType["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::/;

function fileName(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1).toLowerCase();
}

function firstCharacter(text: string): string {
  const match = /\S/.exec(text.slice(0, 4096));
  return match ? match[0] : '';
}

/** A reader's result, or undefined when the text turned out not to be a template. */
function resultOf(format: TemplateFormat, parsed: RawTemplate, text: string): TemplateReadResult | undefined {
  const root = parsed.root;
  const isTemplate = root?.kind === 'map' && ['Resources', 'AWSTemplateFormatVersion', 'Transform'].some(key => entryOf(root, key));
  if (!isTemplate && !parsed.problems.length) return undefined;
  const ctx: ReadContext = { text, serverless: false, partial: false };
  const found = isTemplate ? readResources(entryOf(root, 'Resources')?.value, ctx) : { policies: [], namedPolicies: [] };
  return { format, ...found, policyFiles: [], problems: parsed.problems };
}

export const cloudFormationJsonReader: TemplateReader = {
  format: 'cloudformation-json',
  detect(uri, languageId, text) {
    const name = fileName(uri);
    if (!(languageId === 'json' || languageId === 'jsonc' || name.endsWith('.json') || name.endsWith('.template'))) return false;
    if (firstCharacter(text) !== '{') return false;
    const head = text.slice(0, DETECT_HEAD);
    return JSON_HEADER.test(head) || (JSON_TRANSFORM.test(head) && head.includes(SAM_TRANSFORM))
      || (JSON_RESOURCES.test(text) && JSON_AWS_TYPE.test(text));
  },
  read(_uri, text) {
    return readSafely('cloudformation-json', () => resultOf('cloudformation-json', parseJsonTemplate(text), text));
  },
};

export const cloudFormationYamlReader: TemplateReader = {
  format: 'cloudformation-yaml',
  detect(uri, languageId, text) {
    const name = fileName(uri);
    if (!(languageId === 'yaml' || /\.(ya?ml|template)$/.test(name))) return false;
    if (firstCharacter(text) === '{' || looksLikeServerless(uri, text)) return false;
    const head = text.slice(0, DETECT_HEAD);
    return YAML_HEADER.test(head) || (YAML_TRANSFORM.test(head) && head.includes(SAM_TRANSFORM))
      || (YAML_RESOURCES.test(text) && YAML_AWS_TYPE.test(text));
  },
  read(_uri, text) {
    return readSafely('cloudformation-yaml', () => resultOf('cloudformation-yaml', parseYamlTemplate(text), text));
  },
};
