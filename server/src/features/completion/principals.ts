// Values under a principal type: for "AWS" the account root ARNs of the accounts the document uses and
// ARN snippets of roles, role sessions and users; for "Service" the service principals; for
// "Federated" web identity providers and SAML / OIDC provider ARNs. ARNs being typed complete segment
// by segment.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { Catalog } from '../../catalog/types';
import type { PolicyDocument, StringItem } from '../../policy/model';
import { arnSegmentItems } from './arnSegments';
import { arnSnippet } from './resources';
import { WEB_IDENTITY_PROVIDERS } from '../../catalog/tables/webIdentityProviders';
import { AWS_PRINCIPAL_FORMATS, IDENTITY_PROVIDER_FORMATS } from './awsValues';
import { type DocumentValues, valuesBesideSite } from './documentValues';
import { CompletionItemKind, type ItemBuilder, type Proposal, sortKey } from './items';

function formatProposals(formats: ReadonlyArray<[string, string]>, values: DocumentValues, group: number): Proposal[] {
  return formats.map(([label, format], rank) => {
    const { snippet, display } = arnSnippet(format, values);
    return { label: display, kind: CompletionItemKind.Snippet, text: display, snippet, description: label, sortText: sortKey(group, rank) };
  });
}

function awsPrincipals(values: DocumentValues): Proposal[] {
  const partition = values.partitions[0] ?? 'aws';
  const roots = values.accounts.map((account, rank): Proposal => ({
    label: `arn:${partition}:iam::${account}:root`,
    kind: CompletionItemKind.Reference,
    text: `arn:${partition}:iam::${account}:root`,
    description: 'account',
    detail: `The account ${account} (its administrators decide who in it gets access)`,
    sortText: sortKey(0, rank),
  }));
  const star: Proposal = {
    label: '*',
    kind: CompletionItemKind.Constant,
    text: '*',
    sortText: sortKey(3),
    detail: 'Every principal, including anonymous users',
  };
  const formats = formatProposals(AWS_PRINCIPAL_FORMATS, values, 1).filter(p => !roots.some(root => root.text === p.text));
  return [...roots, ...formats, star];
}

function servicePrincipals(catalog: Catalog): Proposal[] {
  return catalog.servicePrincipals().map((p, rank) => ({
    label: p.name,
    kind: CompletionItemKind.Value,
    text: p.name,
    detail: p.description ?? p.service,
    sortText: sortKey(0, rank),
  }));
}

function federatedPrincipals(values: DocumentValues): Proposal[] {
  const providers = WEB_IDENTITY_PROVIDERS.map(([name, description], rank): Proposal => ({
    label: name,
    kind: CompletionItemKind.Value,
    text: name,
    description,
    sortText: sortKey(1, rank),
  }));
  return [...formatProposals(IDENTITY_PROVIDER_FORMATS, values, 0), ...providers];
}

export function principalItems(items: ItemBuilder, doc: PolicyDocument, catalog: Catalog, listed: readonly StringItem[]): CompletionItem[] {
  const { site } = items;
  const type = site.context.principalType;
  if ((type === 'AWS' || type === 'Federated') && site.typed.startsWith('arn:')) return arnSegmentItems(items, doc, catalog);
  const values = valuesBesideSite(doc, site);
  const proposals =
    type === 'AWS' ? awsPrincipals(values) : type === 'Service' ? servicePrincipals(catalog) : type === 'Federated' ? federatedPrincipals(values) : [];
  const present = new Set(listed.filter(item => item.offset !== site.start).map(item => item.value));
  return proposals.filter(p => p.snippet !== undefined || !present.has(p.text)).map(p => items.string(p));
}
