// The CloudFormation template readers, JSON and YAML (SAM templates are CloudFormation templates with
// a Transform, read by the same readers). detect() looks at the name and the text without parsing;
// read() parses once and finds every policy in `Resources`.
import type { TemplateFormat, TemplateReader, TemplateReadResult } from '../types';
import type { ReadContext } from './intrinsics';
import { entryOf, parseJsonTemplate, parseYamlTemplate, type RawTemplate, readSafely } from './raw';
import { readResources } from './resources';
import { isCloudFormationJson, isCloudFormationYaml } from './detect';
import { readYamlChange } from './incremental';

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
  detect: isCloudFormationJson,
  read(_uri, text) {
    return readSafely('cloudformation-json', () => resultOf('cloudformation-json', parseJsonTemplate(text), text));
  },
};

export const cloudFormationYamlReader: TemplateReader = {
  format: 'cloudformation-yaml',
  detect: isCloudFormationYaml,
  read(_uri, text) {
    return readSafely('cloudformation-yaml', () => resultOf('cloudformation-yaml', parseYamlTemplate(text), text));
  },
  readChange(uri, text, previous) {
    try {
      return readYamlChange(previous, text, part => this.read(uri, part));
    } catch {
      return undefined; // read the whole text, which reports what went wrong
    }
  },
};
