// The editor's side of "what does this change grant": the base text of each open document (HEAD's,
// sent by the client), the comparison as markdown for "IAM Policy: Compare with HEAD", and code
// lenses over the statements that change access ("Since HEAD: adds 12 Write").
import type { CodeLens } from 'vscode-languageserver-types';
import type { Catalog } from '../../catalog/types';
import { rangeOf } from '../../policy/locate';
import type { PolicyDocument, PolicyKind } from '../../policy/model';
import { parsePolicy } from '../../policy/parse';
import { COMPARE_WITH_HEAD_COMMAND, type BaseTextParams } from '../../protocol';
import { diffPolicy, entriesByNewStatement, type DeltaEntry, type PolicyDiff } from './compare';
import { entriesCountText, formatDiffMarkdown } from './format';
import type { ServedDocument } from '../served';

export interface Base {
  ref: string;
  /** undefined: the document is not in the revision (a new file) */
  doc: PolicyDocument | undefined;
}

/** The base text of each document the client told about, parsed on demand as the document's kind. */
export class BaseTexts {
  private readonly entries = new Map<string, { ref: string; text: string | null; parsed?: { kind: PolicyKind; doc: PolicyDocument } }>();

  /** Records a base text; true when it differs from the one known. */
  set(params: BaseTextParams): boolean {
    const known = this.entries.get(params.uri);
    if (known && known.ref === params.ref && known.text === params.text) return false;
    this.entries.set(params.uri, { ref: params.ref, text: typeof params.text === 'string' ? params.text : null });
    return true;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  /** The base of a document (parsed with the document's own kind, so that both sides are read alike); undefined: none known. */
  get(doc: PolicyDocument): Base | undefined {
    const entry = this.entries.get(doc.uri);
    if (!entry) return undefined;
    if (entry.text === null || entry.text.trim() === '') return { ref: entry.ref, doc: undefined };
    if (entry.parsed?.kind !== doc.kind) entry.parsed = { kind: doc.kind, doc: parsePolicy(entry.text, doc.uri, { languageId: 'iam-policy', kind: doc.kind }) };
    return { ref: entry.ref, doc: entry.parsed.doc };
  }
}

/** What the view says of a template: its policies are compared by the command line only, for now. */
const TEMPLATES_NOT_YET = [
  '## Access changes of a template',
  '',
  'The editor compares policy files with HEAD. For the policies of a template, run `iam-policy-lint diff --base HEAD <template>`:',
  'each policy is compared with the one at the same resource and property.',
].join('\n');

// code lenses and the view ask for the same pair of versions: compare them once
const diffs = new WeakMap<PolicyDocument, { base: PolicyDocument | undefined; catalog: Catalog; diff: PolicyDiff }>();

function diffOf(doc: PolicyDocument, base: Base, catalog: Catalog): PolicyDiff {
  const cached = diffs.get(doc);
  if (cached && cached.base === base.doc && cached.catalog === catalog) return cached.diff;
  const fileName = decodeURIComponent(doc.uri.slice(doc.uri.lastIndexOf('/') + 1));
  const diff = diffPolicy(fileName, base.doc, doc, catalog);
  diffs.set(doc, { base: base.doc, catalog, diff });
  return diff;
}

/** The comparison as markdown, for the client's view; null without a base text. */
export function compareWithBaseMarkdown(served: ServedDocument, baseTexts: BaseTexts, catalog: Catalog): string | null {
  if (!('policy' in served)) return TEMPLATES_NOT_YET;
  const doc = served.policy;
  const base = baseTexts.get(doc);
  if (!base) return null;
  return formatDiffMarkdown({ dataDate: catalog.dataDate, policies: [diffOf(doc, base, catalog)] }, `Access changes since ${base.ref}`);
}

function changeText(added: readonly DeltaEntry[], removed: readonly DeltaEntry[]): string {
  const part = (verb: string, entries: readonly DeltaEntry[]) => {
    if (entries.length === 0) return '';
    const possibly = entries.every(e => !e.certain) ? 'possibly ' : '';
    return `${possibly}${verb} ${entriesCountText(entries)}`;
  };
  return [part('adds', added), part('removes', removed)].filter(Boolean).join(', ');
}

/** "Since HEAD: adds 12 Write" over the policy and over each statement whose grant changed. */
export function diffCodeLenses(served: ServedDocument, baseTexts: BaseTexts, catalog: Catalog): CodeLens[] {
  if (!('policy' in served)) return [];
  const doc = served.policy;
  const base = baseTexts.get(doc);
  if (!base || !doc.root || doc.root.type !== 'object' || !doc.statementEntry) return [];
  const diff = diffOf(doc, base, catalog);
  if (diff.status === 'unchanged') return [];
  const lens = (offset: number, text: string): CodeLens => ({
    range: rangeOf(doc, offset, 0),
    command: {
      title: `Since ${base.ref}: ${text}`,
      command: COMPARE_WITH_HEAD_COMMAND,
      arguments: [doc.uri],
      tooltip: `Open what this change grants compared with ${base.ref}`,
    },
  });
  const unknown = diff.added.unknownActions.length ? ['possibly adds actions the IAM data does not know'] : [];
  const lenses = [lens(doc.root.offset, [changeText(diff.added.entries, diff.removed.entries), ...unknown].filter(Boolean).join('; '))];
  for (const [index, { added, removed }] of entriesByNewStatement(diff)) {
    const statement = doc.statements[index];
    if (statement?.node) lenses.push(lens(statement.node.offset, changeText(added, removed)));
  }
  return lenses;
}
