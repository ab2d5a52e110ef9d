// Which kind of policy a document is. The kind decides which rules apply (Principal required or
// forbidden, size quotas, ...). A user's choice wins; then hints in the file name and its folders:
// a name written as words (`deny-tls.rcp.json`, `vpce-endpoint-policy.json`, `bucket_policy.json`)
// says the kind, and wins over the content, so that what the kind requires (a Principal) is reported
// when it is missing; a CamelCase name is how AWS names its managed policies, which are identity
// policies named for what they manage (AWSApplicationAutoscalingComprehendEndpointPolicy), so its
// hint yields to content that rules the kind out. Then the content: a Principal makes a resource
// policy, or a trust policy when every action is one that a role trust policy grants.
import type { KindSource, PolicyDocument, PolicyKind, Statement } from './model';

// Name hints, tried in order on the words of a name ("AWSQuickSetupPermissionsBoundary" ->
// "aws quick setup permissions boundary", "vpc_endpoint_policies" -> "vpc endpoint policies").
// Whole words only: "AWSTrustedAdvisor..." is no trust policy, "ComprehendEndpointPolicy" needs the
// content check below to stay an identity policy.
const NAME_HINTS: ReadonlyArray<[RegExp, PolicyKind]> = [
  [/\b(scps?|service control polic\w*)\b/, 'scp'],
  [/\b(rcps?|resource control polic\w*)\b/, 'rcp'],
  [/\b(vpces?|endpoint polic\w*)\b/, 'endpoint'],
  [/\bpermissions? boundar(y|ies)\b/, 'boundary'],
  [/\b(trust|assume role polic\w*)\b/, 'trust'],
  [/\bresource based polic\w*\b/, 'resource'],
  [/\bidentity based polic\w*\b/, 'identity'],
];

// Resource policies named for what they are attached to (S3, KMS, SQS, SNS, ECR, Secrets Manager, S3
// Glacier and AWS Backup vaults): only when no part of the path
// names a kind above, since policies of other kinds are about these (an RCP's file
// `resource_control_policies/sns_topic_policy.json`, an SCP "...-key-policy-limiting-...").
const ATTACHMENT_HINTS: ReadonlyArray<[RegExp, PolicyKind]> = [[/\b(bucket|key|queue|topic|repository|secret|vault) polic\w*\b/, 'resource']];

// Each alternative of each hint above contains one of these words (keep them in step), and nameWords
// only inserts and replaces separators: a name without any of them has no hint. Most names
// ("AWSBackupAdminPolicy", folders) are ruled out this cheaply, without splitting them into words.
const HINT_FRAGMENTS = /scp|rcp|vpce|boundar|trust|assume|control|endpoint|based|(bucket|key|queue|topic|repository|secret|vault)[^a-z]?polic/i;

// Actions that a role trust policy grants (sts:AssumeRole* and the session actions that go with it).
// Source: IAM User Guide, "Modifying a role trust policy" and "Passing session tags in AWS STS".
const TRUST_ACTIONS = new Set([
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:tagsession',
  'sts:setsourceidentity',
  'sts:setcontext',
]);

/** Kinds whose statements name a principal; a document without any Principal is none of them. */
const PRINCIPAL_KINDS: ReadonlySet<PolicyKind> = new Set(['resource', 'trust', 'rcp', 'endpoint']);

/** Lower-case words of a name: CamelCase, digits and any separator split it. */
export function nameWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A kind a name suggests; strong when the name is written as words, not CamelCase (see the header). */
interface NameHint {
  kind: PolicyKind;
  strong: boolean;
}

function hintOf(name: string, hints: ReadonlyArray<[RegExp, PolicyKind]>): NameHint | undefined {
  if (!HINT_FRAGMENTS.test(name)) return undefined;
  const words = nameWords(name);
  const kind = hints.find(([pattern]) => pattern.test(words))?.[1];
  return kind && { kind, strong: !/[a-z][A-Z]/.test(name) };
}

/** A URI's path with its %-escapes decoded; as written when an escape is malformed (some clients send `%` raw). */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * The kind that the file name suggests. The base name is read from its last part to its first (parts
 * split by "__", as in flattened paths), then the folders from the nearest up, so the most specific
 * name wins: `resource_control_policies/resource_based_policies/ecr_repository_policy.json` is resource.
 */
export function kindFromFileName(uri: string): PolicyKind | undefined {
  return nameHint(uri)?.kind;
}

function nameHint(uri: string): NameHint | undefined {
  const path = decodedPath(uri.replace(/^[a-z][a-z0-9+.-]*:(\/\/[^/]*)?/i, ''));
  if (!HINT_FRAGMENTS.test(path)) return undefined; // no name in the path can have a hint
  const parts = path.split(/[\\/]/).filter(Boolean);
  const base = (parts.pop() ?? '').replace(/\.(json|jsonc|ya?ml|tf|txt)$/i, '');
  const names = [...base.split('__').reverse(), ...parts.reverse()];
  for (const hints of [NAME_HINTS, ATTACHMENT_HINTS]) {
    for (const name of names) {
      const hint = hintOf(name, hints);
      if (hint) return hint;
    }
  }
  return undefined;
}

function hasPrincipal(statement: Statement): boolean {
  return statement.principal !== undefined || statement.notPrincipal !== undefined;
}

function isTrustAction(action: string): boolean {
  return TRUST_ACTIONS.has(action.toLowerCase()) || /^sts:[a-z*?]*\*[a-z*?]*$/i.test(action);
}

/** False when the content rules the kind out: no statement names a principal, or a trust policy grants non-STS actions. */
export function contentAllows(doc: Pick<PolicyDocument, 'statements'>, kind: PolicyKind): boolean {
  const statements = doc.statements.filter(s => s.node.type === 'object');
  if (PRINCIPAL_KINDS.has(kind) && statements.length > 0 && !statements.some(hasPrincipal)) return false;
  if (kind === 'trust') return statements.every(s => (s.action?.items ?? []).every(a => a.value.toLowerCase().startsWith('sts:')));
  return true;
}

export function kindFromContent(doc: Pick<PolicyDocument, 'statements'>): PolicyKind | undefined {
  const withPrincipal = doc.statements.filter(hasPrincipal);
  if (withPrincipal.length === 0) return doc.statements.length > 0 ? 'identity' : undefined;
  const actions = withPrincipal.flatMap(s => s.action?.items ?? []);
  const isTrust = actions.length > 0 && actions.every(a => isTrustAction(a.value));
  return isTrust ? 'trust' : 'resource';
}

export function detectKind(doc: Pick<PolicyDocument, 'uri' | 'statements'>, override?: PolicyKind): { kind: PolicyKind; source: KindSource } {
  if (override) return { kind: override, source: 'setting' };
  const fromName = nameHint(doc.uri);
  if (fromName && (fromName.strong || contentAllows(doc, fromName.kind))) return { kind: fromName.kind, source: 'filename' };
  const fromContent = kindFromContent(doc);
  if (fromContent) return { kind: fromContent, source: 'content' };
  return { kind: 'identity', source: 'default' };
}
