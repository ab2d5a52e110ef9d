// Element names at each level of a policy (top level, statement, principal types) with a value
// skeleton each, and the fixed values of Version, Effect, Statement and Principal. Only elements not
// yet present are offered, and never one whose counterpart is (Action / NotAction, ...).
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-types';
import type { Entry, PolicyDocument, PolicyKind } from '../../policy/model';
import { ELEMENT_DOCS, PRINCIPAL_TYPE_DOCS } from '../hover/elementDocs';
import { elementMarkdown, principalTypeMarkdown, valueMarkdown } from '../hover/elements';
import { CompletionItemKind, type ItemBuilder, sortKey } from './items';

interface ElementSpec {
  name: string;
  /** value skeleton (snippet) */
  skeleton: string | ((kind: PolicyKind) => string);
  /** the element that excludes this one */
  counterpart?: string;
  /** re-open completion inside the skeleton */
  retrigger?: boolean;
}

// Kinds whose statements name a principal (resource-based, trust, RCP and VPC endpoint policies).
const WITH_PRINCIPAL = new Set<PolicyKind>(['resource', 'trust', 'rcp', 'endpoint']);

const principalSkeleton = (kind: PolicyKind) => `{ "${kind === 'trust' ? 'Service' : 'AWS'}": "$1" }`;

type StatementShape = 'plain' | 'principal' | 'trust';
const shapeOf = (kind: PolicyKind): StatementShape => (kind === 'trust' ? 'trust' : WITH_PRINCIPAL.has(kind) ? 'principal' : 'plain');

const STATEMENT_SHAPES: Record<StatementShape, { label: string; skeleton: string }> = {
  plain: {
    label: 'Statement',
    skeleton: '{\n\t"Effect": "${1|Allow,Deny|}",\n\t"Action": [ "$2" ],\n\t"Resource": [ "$3" ]\n}',
  },
  principal: {
    label: 'Statement with Principal',
    skeleton: '{\n\t"Effect": "${1|Allow,Deny|}",\n\t"Principal": { "AWS": "$2" },\n\t"Action": [ "$3" ],\n\t"Resource": [ "$4" ]\n}',
  },
  trust: {
    label: 'Trust statement (a service assumes the role)',
    skeleton: '{\n\t"Effect": "Allow",\n\t"Principal": { "Service": "$1" },\n\t"Action": "sts:AssumeRole"\n}',
  },
};

const inArray = (object: string) => `[\n\t${object.replace(/\n/g, '\n\t')}\n]`;

const TOP_LEVEL: ElementSpec[] = [
  { name: 'Version', skeleton: '"2012-10-17"' },
  { name: 'Id', skeleton: '"$1"' },
  { name: 'Statement', skeleton: kind => inArray(STATEMENT_SHAPES[shapeOf(kind)].skeleton) },
];

const STATEMENT: ElementSpec[] = [
  { name: 'Sid', skeleton: '"$1"' },
  { name: 'Effect', skeleton: '"${1|Allow,Deny|}"' },
  { name: 'Principal', skeleton: principalSkeleton, counterpart: 'NotPrincipal', retrigger: true },
  { name: 'Action', skeleton: '[ "$1" ]', counterpart: 'NotAction', retrigger: true },
  { name: 'Resource', skeleton: '[ "$1" ]', counterpart: 'NotResource', retrigger: true },
  { name: 'Condition', skeleton: '{\n\t"$1": {\n\t\t"$2": "$3"\n\t}\n}', retrigger: true },
  { name: 'NotPrincipal', skeleton: '{ "AWS": "$1" }', counterpart: 'Principal', retrigger: true },
  { name: 'NotAction', skeleton: '[ "$1" ]', counterpart: 'Action', retrigger: true },
  { name: 'NotResource', skeleton: '[ "$1" ]', counterpart: 'Resource', retrigger: true },
];

const PRINCIPAL_TYPES: ElementSpec[] = ['AWS', 'Service', 'Federated', 'CanonicalUser'].map(name => ({ name, skeleton: '"$1"', retrigger: true }));

/** The hover's text of an element, principal type or value, as item documentation. */
function markdown(text: string | undefined): MarkupContent | undefined {
  return text === undefined ? undefined : { kind: 'markdown', value: text };
}

/** Statement elements that do not belong in this kind of policy go last (Principal in an identity policy). */
function rankOf(spec: ElementSpec, index: number, kind: PolicyKind): number {
  const misplaced = /Principal$/.test(spec.name) && !WITH_PRINCIPAL.has(kind);
  return misplaced ? 100 + index : index;
}

/** Element-name items for the object at the site, skipping names present (except the key being edited). */
export function elementKeyItems(items: ItemBuilder, level: 'top' | 'statement' | 'principal', entries: readonly Entry[]): CompletionItem[] {
  const { doc, site } = items;
  const present = new Set(entries.filter(e => e.keyNode.offset !== site.start).map(e => e.name));
  const specs = level === 'top' ? TOP_LEVEL : level === 'statement' ? STATEMENT : PRINCIPAL_TYPES;
  const docs = level === 'principal' ? PRINCIPAL_TYPE_DOCS : ELEMENT_DOCS;
  const docOf = level === 'principal' ? principalTypeMarkdown : elementMarkdown;
  return specs
    .filter(spec => !present.has(spec.name) && !(spec.counterpart && present.has(spec.counterpart)))
    .map((spec, index) =>
      items.key(
        {
          label: spec.name,
          kind: CompletionItemKind.Property,
          text: spec.name,
          detail: docs[spec.name]?.summary.replace(/`/g, ''),
          documentation: markdown(docOf(spec.name)),
          sortText: sortKey(0, rankOf(spec, index, doc.kind)),
          retrigger: spec.retrigger,
        },
        typeof spec.skeleton === 'string' ? spec.skeleton : spec.skeleton(doc.kind),
      ),
    );
}

function fixedValues(items: ItemBuilder, values: readonly string[]): CompletionItem[] {
  return values.map((value, rank) =>
    items.string({
      label: value,
      kind: CompletionItemKind.EnumMember,
      text: value,
      sortText: sortKey(0, rank),
      documentation: markdown(valueMarkdown(value)),
    }),
  );
}

export const versionItems = (items: ItemBuilder) => fixedValues(items, ['2012-10-17', '2008-10-17']);
export const effectItems = (items: ItemBuilder) => fixedValues(items, ['Allow', 'Deny']);

/** A whole statement object, in the Statement array (or as the value of "Statement"); the policy's kind first. */
export function statementItems(items: ItemBuilder, doc: PolicyDocument): CompletionItem[] {
  const first = shapeOf(doc.kind);
  const shapes = [first, ...(['plain', 'principal', 'trust'] as const).filter(shape => shape !== first)];
  return shapes.map((shape, rank) => {
    const { label, skeleton } = STATEMENT_SHAPES[shape];
    const proposal = { label, kind: CompletionItemKind.Snippet, text: label, sortText: sortKey(0, rank), detail: 'new statement' };
    return items.value(proposal, items.site.inArray ? skeleton : inArray(skeleton));
  });
}

/** The value of Principal / NotPrincipal itself: "*" or an object of principal types. */
export function principalValueItems(items: ItemBuilder): CompletionItem[] {
  const star = items.string({
    label: '*',
    kind: CompletionItemKind.Constant,
    text: '*',
    sortText: sortKey(1),
    detail: 'Everyone (including anonymous users)',
    documentation: markdown(principalTypeMarkdown('AWS')),
  });
  const objects = PRINCIPAL_TYPES.map((spec, rank) =>
    items.value(
      {
        label: `{ "${spec.name}": … }`,
        kind: CompletionItemKind.Snippet,
        text: spec.name,
        sortText: sortKey(0, rank),
        detail: PRINCIPAL_TYPE_DOCS[spec.name]?.summary.replace(/`/g, ''),
        retrigger: true,
      },
      `{ "${spec.name}": "$1" }`,
    ),
  );
  return [...objects, star];
}
