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
