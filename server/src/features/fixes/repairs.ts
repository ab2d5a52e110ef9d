// Repairs of the grammar and of the names in a policy, beyond the replacements a rule puts in its
// finding (basic.ts applies those): the Version (set, or added where it is missing or where policy
// variables need it), a missing Effect or Principal, one of two elements that exclude each other, a duplicate
// key or Sid, repeated actions and actions a wildcard already covers. Conditions: conditions.ts.
import type { Node } from 'jsonc-parser';
import type { CodeAction } from 'vscode-languageserver-types';
import type { PolicyDocument } from '../../policy/model';
import { documentValues } from '../completion/documentValues';
import { byCode, fixAction, refactorAction, spanOf, statementAt, type FixContext, type FixProvider, type RefactorProvider } from './framework';
import { appendToList, insertProperty, isMultiline, removeMembers, type Change, type JsonValue } from './jsonEdits';
import { placeholder } from './template';

export const CURRENT_VERSION = '2012-10-17';

/** The change that makes the policy's Version 2012-10-17: the value replaced, or the element added first. */
export function setVersion(doc: PolicyDocument): Change | undefined {
  const value = doc.version?.valueNode;
  if (value) return { offset: value.offset, length: value.length, text: JSON.stringify(CURRENT_VERSION) };
  return doc.root?.type === 'object' ? insertProperty(doc, doc.root, 'Version', CURRENT_VERSION, 'first') : undefined;
}

const versionFixes: FixProvider = ctx => {
  const change = setVersion(ctx.doc);
  if (!change) return [];
  const verb = ctx.doc.version ? 'Set' : 'Add';
  return [fixAction(ctx, `${verb} "Version": "${CURRENT_VERSION}"${ctx.diagnostic.code === 'IAM350' ? ' (policy variables need it)' : ''}`, [change], true)];
};

export const addVersionRefactor: RefactorProvider = ctx => {
  if (ctx.doc.version || !ctx.doc.looksLikePolicy) return [];
  const change = setVersion(ctx.doc);
  return change ? [refactorAction(ctx, `Add "Version": "${CURRENT_VERSION}"`, [change])] : [];
};

/** The array item or object property the diagnostic's span starts, with its container. */
export function memberAt(doc: PolicyDocument, offset: number): { member: Node; container: Node } | undefined {
  let node: Node | undefined = doc.root;
  while (node) {
    const child = childAt(node, offset);
    if (!child) return undefined;
    if (child.offset === offset && node.type === 'array') return { member: child, container: node };
    if (child.type === 'property' && child.children?.[0]?.offset === offset) return { member: child, container: node };
    node = child;
  }
  return undefined;
}

/**
 * The child whose span holds the offset, by binary search (children are in text order): a linear
 * search per diagnostic made "fix all" quadratic, minutes on a list of 200,000 actions.
 */
function childAt(node: Node, offset: number): Node | undefined {
  const children = node.children ?? [];
  let low = 0;
  let high = children.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const child = children[middle];
    if (offset < child.offset) high = middle - 1;
    else if (offset >= child.offset + child.length) low = middle + 1;
    else return child;
  }
  return undefined;
}

function removeMember(ctx: FixContext, title: string, offset: number, isPreferred = false): CodeAction[] {
  const found = memberAt(ctx.doc, offset);
  return found ? [fixAction(ctx, title, removeMembers(found.container, new Set([found.member])), isPreferred)] : [];
}

/** The Sid with its trailing number raised until no statement has it. */
export function uniqueSid(doc: PolicyDocument, sid: string, taken = new Set<string>()): string {
  for (const s of doc.statements) if (typeof s.sid?.valueNode?.value === 'string') taken.add(s.sid.valueNode.value);
  const [, stem, digits] = /^(.*?)(\d*)$/.exec(sid)!;
  let n = digits ? Number(digits) + 1 : 2;
  while (taken.has(`${stem}${n}`)) n++;
  return `${stem}${n}`;
}

const duplicateSid: FixProvider = ctx => {
  const statement = statementAt(ctx.doc, spanOf(ctx).start);
  const node = statement?.sid?.valueNode;
  if (node?.type !== 'string') return [];
  const sid = uniqueSid(ctx.doc, node.value as string);
  return [fixAction(ctx, `Rename the Sid to "${sid}"`, [{ offset: node.offset, length: node.length, text: JSON.stringify(sid) }], true)];
};

const redundantAction: FixProvider = ctx => {
  const { start, end } = spanOf(ctx);
  const name = ctx.doc.text.slice(start, end);
  const coveredBy = (ctx.diagnostic.data as { coveredBy?: string } | undefined)?.coveredBy;
  return removeMember(ctx, coveredBy ? `Remove ${name} (matched by "${coveredBy}")` : `Remove the repeated ${name}`, start, true);
};

/** A missing Effect goes first, or after the Sid; not when an element only needs its case fixed ("effect"). */
const missingEffect: FixProvider = ctx => {
  const statement = statementAt(ctx.doc, spanOf(ctx).start);
  if (statement?.node.type !== 'object' || statement.entries.some(e => e.name.toLowerCase() === 'effect')) return [];
  const sid = statement.entries[0]?.name === 'Sid' ? statement.entries[0].node : undefined;
  return ['Allow', 'Deny'].map(effect =>
    fixAction(ctx, `Add "Effect": "${effect}"`, [insertProperty(ctx.doc, statement.node, 'Effect', effect, sid ? { after: sid } : 'first')]),
  );
};

/** IAM025/IAM034: a Principal to fill in, after the Effect: an account (the document's, else a placeholder) or a service. */
const missingPrincipal: FixProvider = ctx => {
  const statement = statementAt(ctx.doc, spanOf(ctx).start);
  if (statement?.node.type !== 'object') return [];
  const anchor = statement.effect ?? statement.sid;
  const place = anchor ? { after: anchor.node } : ('first' as const);
  const account = placeholder('Account', documentValues(ctx.doc).accounts[0] ?? '<account-id>');
  const choices: Array<[string, JsonValue]> = [
    ['an account', { AWS: `arn:aws:iam::${account}:root` }],
    ['a service', { Service: `${placeholder('Service', '<service>')}.amazonaws.com` }],
  ];
  return choices.map(([what, value]) => fixAction(ctx, `Add a "Principal": ${what}`, [insertProperty(ctx.doc, statement.node, 'Principal', value, place)]));
};

/** IAM018, IAM020, IAM023: the diagnostic is on the second element of the pair; either may go. */
const PAIRS: Record<string, [string, string]> = { IAM018: ['Action', 'NotAction'], IAM020: ['Resource', 'NotResource'], IAM023: ['Principal', 'NotPrincipal'] };

const exclusivePair: FixProvider = ctx => {
  const statement = statementAt(ctx.doc, spanOf(ctx).start);
  const pair = PAIRS[String(ctx.diagnostic.code)];
  if (!statement || !pair) return [];
  return pair.flatMap(name =>
    statement.entries
      .filter(e => e.name === name)
      .slice(-1)
      .flatMap(entry => removeMember(ctx, `Remove "${name}"`, entry.keyNode.offset)),
  );
};

/** IAM024, IAM039: the diagnostic is on the name of an element the policy cannot have. */
const removeElement: FixProvider = ctx => {
  const { start, end } = spanOf(ctx);
  return removeMember(ctx, `Remove ${ctx.doc.text.slice(start, end)}`, start);
};

/** IAM031: the diagnostic is on the later key; IAM rejects both, JSON tools keep the later one. */
const duplicateKey: FixProvider = ctx => {
  const found = memberAt(ctx.doc, spanOf(ctx).start);
  const name = found?.member.children?.[0]?.value;
  const first = found?.container.children?.find(p => p.children?.[0]?.value === name);
  if (!found || !first || first === found.member) return [];
  return [
    fixAction(ctx, `Remove the earlier "${name}" (the one JSON tools ignore)`, removeMembers(found.container, new Set([first]))),
    fixAction(ctx, `Remove this "${name}"`, removeMembers(found.container, new Set([found.member]))),
  ];
};

/** IAM049, IAM050: the actions the diagnostic names (data.actions, or data.action) join the statement's Action. */
const missingActions: FixProvider = ctx => {
  const statement = statementAt(ctx.doc, spanOf(ctx).start);
  const value = statement?.action?.entry.valueNode;
  const data = ctx.diagnostic.data as { actions?: string[]; action?: string } | undefined;
  const actions = data?.actions ?? (data?.action ? [data.action] : []);
  if (!statement || !value || actions.length === 0) return [];
  return [fixAction(ctx, `Add ${actions.join(' and ')} to "Action"`, [appendToList(ctx.doc, value, actions, isMultiline(ctx.doc.text, statement.node))], true)];
};

/** IAM053: the later of two identical statements goes (the diagnostic is on its opening brace). */
const redundantStatement: FixProvider = ctx => removeMember(ctx, 'Remove the repeated statement', spanOf(ctx).start, true);

/** IAM048: a principal value that adds nothing leaves its list. */
const redundantValue: FixProvider = ctx => {
  const { start, end } = spanOf(ctx);
  return removeMember(ctx, `Remove ${ctx.doc.text.slice(start, end)}`, start, true);
};

const PROVIDERS: Record<string, FixProvider> = {
  IAM013: versionFixes,
  IAM038: versionFixes,
  IAM350: versionFixes,
  IAM017: missingEffect,
  IAM025: missingPrincipal,
  IAM034: missingPrincipal,
  IAM018: exclusivePair,
  IAM020: exclusivePair,
  IAM023: exclusivePair,
  IAM024: removeElement,
  IAM039: removeElement,
  IAM027: duplicateSid,
  IAM028: duplicateSid,
  IAM031: duplicateKey,
  IAM104: redundantAction,
  IAM105: redundantAction,
  IAM209: redundantAction,
  IAM048: redundantValue,
  IAM051: removeElement,
  IAM052: removeElement,
  IAM053: redundantStatement,
  IAM049: missingActions,
  IAM050: missingActions,
};

/** Codes whose rule-supplied replacements this module's fix supersedes. */
export const REPLACED_BY_REPAIRS: ReadonlySet<string> = new Set(['IAM013']);

export const repairFixes = byCode(PROVIDERS);
