// The kinds of policy, and the label of each that the editor shows (status bar, hover, summary).

export type PolicyKind = 'identity' | 'resource' | 'trust' | 'scp' | 'rcp' | 'boundary' | 'endpoint';
export const POLICY_KINDS: readonly PolicyKind[] = ['identity', 'resource', 'trust', 'scp', 'rcp', 'boundary', 'endpoint'];

export const KIND_LABELS: Record<PolicyKind, string> = {
  identity: 'Identity policy',
  resource: 'Resource policy',
  trust: 'Role trust policy',
  scp: 'Service control policy (SCP)',
  rcp: 'Resource control policy (RCP)',
  boundary: 'Permissions boundary',
  endpoint: 'VPC endpoint policy',
};

/** A kind's label inside a sentence: "service control policy (SCP)", "VPC endpoint policy". */
export function kindInSentence(kind: PolicyKind): string {
  const label = KIND_LABELS[kind];
  return /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}
