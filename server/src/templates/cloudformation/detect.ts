// Whether a file is a CloudFormation (JSON or YAML, SAM included) or Serverless Framework template,
// from its name and text, without parsing: it runs on every JSON and YAML file the editor opens, and
// the readers (and their YAML parser) are loaded only for files it claims.

/** How much of a text detection reads for the header keys; `Type: AWS::` is looked for in all of it. */
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
const SERVERLESS_NAME = /(^|[/\\])serverless\.ya?ml$/i;
const SERVICE = /^service\s*:/m;
const PROVIDER = /^provider\s*:/m;

/** The address in lower case: only how the file name ends is looked at. */
function fileName(uri: string): string {
  return uri.toLowerCase();
}

function firstCharacter(text: string): string | undefined {
  return /\S/.exec(text.slice(0, 4096))?.[0];
}

/** serverless.yml by name, or a YAML file with the framework's top-level `service` and `provider`. */
export function looksLikeServerless(uri: string, text: string): boolean {
  if (SERVERLESS_NAME.test(uri)) return true;
  const head = text.slice(0, DETECT_HEAD);
  return SERVICE.test(head) && PROVIDER.test(head);
}

/** serverless.yml (any language it is opened as), or a YAML file that looks like one. */
export function isServerlessTemplate(uri: string, languageId: string, text: string): boolean {
  if (SERVERLESS_NAME.test(uri)) return true;
  return (languageId === 'yaml' || /\.ya?ml$/i.test(uri)) && looksLikeServerless(uri, text);
}

export function isCloudFormationJson(uri: string, languageId: string, text: string): boolean {
  const name = fileName(uri);
  if (!(languageId === 'json' || languageId === 'jsonc' || name.endsWith('.json') || name.endsWith('.template'))) return false;
  if (firstCharacter(text) !== '{') return false;
  const head = text.slice(0, DETECT_HEAD);
  return JSON_HEADER.test(head) || (JSON_TRANSFORM.test(head) && head.includes(SAM_TRANSFORM)) || (JSON_RESOURCES.test(text) && JSON_AWS_TYPE.test(text));
}

export function isCloudFormationYaml(uri: string, languageId: string, text: string): boolean {
  const name = fileName(uri);
  if (!(languageId === 'yaml' || /\.(ya?ml|template)$/.test(name))) return false;
  if (firstCharacter(text) === '{' || looksLikeServerless(uri, text)) return false;
  const head = text.slice(0, DETECT_HEAD);
  return YAML_HEADER.test(head) || (YAML_TRANSFORM.test(head) && head.includes(SAM_TRANSFORM)) || (YAML_RESOURCES.test(text) && YAML_AWS_TYPE.test(text));
}
