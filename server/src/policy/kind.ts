// Which kind of policy a document is. The kind decides which rules apply (Principal required or
// forbidden, size quotas, ...). A user's choice wins; then strong hints in the file name; then the
// content: a Principal makes a resource policy, or a trust policy when every action is one that
// a role trust policy grants.
import type { KindSource, PolicyDocument, PolicyKind } from './model';

export const KIND_LABELS: Record<PolicyKind, string> = {
  identity: 'Identity policy',
  resource: 'Resource policy',
  trust: 'Role trust policy',
  scp: 'Service control policy (SCP)',
  rcp: 'Resource control policy (RCP)',
  boundary: 'Permissions boundary',
  endpoint: 'VPC endpoint policy',
};

// File-name hints, tried in order on the lower-cased base name. Separators are any non-letters.
const FILE_NAME_HINTS: ReadonlyArray<[RegExp, PolicyKind]> = [
  [/(^|[^a-z])(scp|service[^a-z]?control[^a-z]?polic)/, 'scp'],
  [/(^|[^a-z])(rcp|resource[^a-z]?control[^a-z]?polic)/, 'rcp'],
  [/(^|[^a-z])(vpce|vpc[^a-z]?endpoint)([^a-z]|$)/, 'endpoint'],
  [/(^|[^a-z])permissions?[^a-z]?boundar/, 'boundary'],
  [/(^|[^a-z])(trust|assume[^a-z]?role)/, 'trust'],
];

// Actions that a role trust policy grants (sts:AssumeRole* and the session actions that go with it).
// Source: IAM User Guide, "Modifying a role trust policy" and "Passing session tags in AWS STS".
const TRUST_ACTIONS = new Set([
  'sts:assumerole', 'sts:assumerolewithsaml', 'sts:assumerolewithwebidentity',
  'sts:tagsession', 'sts:setsourceidentity', 'sts:setcontext',
]);

export function kindFromFileName(uri: string): PolicyKind | undefined {
  const base = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)).toLowerCase();
  return FILE_NAME_HINTS.find(([pattern]) => pattern.test(base))?.[1];
}

export function kindFromContent(doc: Pick<PolicyDocument, 'statements'>): PolicyKind | undefined {
  const withPrincipal = doc.statements.filter(s => s.principal || s.notPrincipal);
  if (withPrincipal.length === 0) return doc.statements.length > 0 ? 'identity' : undefined;
  const actions = withPrincipal.flatMap(s => s.action?.items ?? []);
  const isTrust = actions.length > 0 && actions.every(a => TRUST_ACTIONS.has(a.value.toLowerCase()));
  return isTrust ? 'trust' : 'resource';
}

export function detectKind(
  doc: Pick<PolicyDocument, 'uri' | 'statements'>,
  override?: PolicyKind,
): { kind: PolicyKind; source: KindSource } {
  if (override) return { kind: override, source: 'setting' };
  const fromName = kindFromFileName(doc.uri);
  if (fromName) return { kind: fromName, source: 'filename' };
  const fromContent = kindFromContent(doc);
  if (fromContent) return { kind: fromContent, source: 'content' };
  return { kind: 'identity', source: 'default' };
}
