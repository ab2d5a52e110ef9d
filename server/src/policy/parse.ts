// parsePolicy: text -> PolicyDocument. A fast strict-JSON parser builds the tree, or, for any other
// text, one tolerant jsonc-parser pass; the model keeps the node (and so the source span) of every
// element and value.
import { Node, ParseError, parseTree } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { detectKind, kindFromContent } from './kind';
import type {
  ConditionElement,
  ConditionKeyEntry,
  ConditionValue,
  Entry,
  KindSource,
  PolicyDocument,
  PolicyKind,
  PrincipalElement,
  Statement,
  StringItem,
  StringListElement,
  SyntaxIssue,
  TemplateContext,
} from './model';
import { ownStringsOf } from './ownString';
import { parseStrictJson } from './strictJson';
import { parseErrorsToIssues, scanTrivia } from './syntax';

export interface ParseOptions {
  /** a kind set by the user (setting or command); wins over detection */
  kind?: PolicyKind;
  /** documents of our own language are policies even before they have a Statement */
  languageId?: string;
  /** a policy read from a template: its kind (if the host tells) and what rules must know */
  template?: { kind?: PolicyKind; context: TemplateContext };
}

/** The tree and syntax errors of any text: comments, trailing commas and errors are all reported. */
function parseTolerant(text: string): { root: Node | undefined; syntaxErrors: SyntaxIssue[] } {
  const errors: ParseError[] = [];
  const scan = scanTrivia(text);
  const root = parseTree(scan.treeText, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  ownStringsOf(root);
  return { root, syntaxErrors: [...parseErrorsToIssues(errors, scan.treeText), ...scan.issues].sort((a, b) => a.offset - b.offset) };
}

export function parsePolicy(text: string, uri = 'untitled:policy.json', options: ParseOptions = {}): PolicyDocument {
  // strict JSON (nearly every policy) has no syntax errors, and the fast parser builds the same tree
  const strictRoot = parseStrictJson(text);
  const { root, syntaxErrors } = strictRoot ? { root: strictRoot, syntaxErrors: [] } : parseTolerant(text);
  const topEntries = root?.type === 'object' ? entriesOf(root) : [];
  const statementEntry = lastNamed(topEntries, 'Statement');
  const statementValue = statementEntry?.valueNode;
  const statementNodes = statementValue?.type === 'array' ? (statementValue.children ?? []) : statementValue?.type === 'object' ? [statementValue] : [];
  const statements = statementNodes.map(parseStatement);
  const { kind, source } = options.template ? kindInTemplate(statements, options.template.kind, options.kind) : detectKind({ uri, statements }, options.kind);
  return {
    uri,
    text,
    textDocument: TextDocument.create(uri, options.languageId ?? 'iam-policy', 0, text),
    root,
    syntaxErrors,
    looksLikePolicy: statementEntry !== undefined || (options.languageId === 'iam-policy' && !isOtherJson(topEntries)),
    topEntries,
    version: lastNamed(topEntries, 'Version'),
    id: lastNamed(topEntries, 'Id'),
    statementEntry,
    statementIsArray: statementValue?.type !== 'object',
    statements,
    kind,
    kindSource: source,
    ...(options.template && { template: options.template.context }),
  };
}

/** In a template the host decides the kind, else the content: the template's file name says nothing of each policy. */
function kindInTemplate(statements: Statement[], hostKind: PolicyKind | undefined, override: PolicyKind | undefined): { kind: PolicyKind; source: KindSource } {
  if (override) return { kind: override, source: 'setting' };
  if (hostKind) return { kind: hostKind, source: 'template' };
  const fromContent = kindFromContent({ statements });
  return fromContent ? { kind: fromContent, source: 'content' } : { kind: 'identity', source: 'default' };
}

const POLICY_ELEMENTS = new Set(['version', 'id', 'statement']);

/**
 * A file of our language that is plainly something else, such as the output of `aws iam get-role`
 * with a policy nested inside: no policy element at the top, and structured values there. A policy
 * being typed (`{ "Versio": "2012-10-17" }`) still counts as a policy.
 */
function isOtherJson(topEntries: readonly Entry[]): boolean {
  return (
    topEntries.length > 0 &&
    !topEntries.some(e => POLICY_ELEMENTS.has(e.name.toLowerCase())) &&
    topEntries.some(e => e.valueNode?.type === 'object' || e.valueNode?.type === 'array')
  );
}

/** The properties of an object node, in text order, duplicates kept. */
export function entriesOf(object: Node): Entry[] {
  const entries: Entry[] = [];
  for (const property of object.children ?? []) {
    const keyNode = property.children?.[0];
    if (!keyNode || typeof keyNode.value !== 'string') continue;
    entries.push({ name: keyNode.value, keyNode, valueNode: property.children?.[1], node: property });
  }
  return entries;
}

/** The last entry of that exact name: JSON parsers (and IAM) take the last of duplicate keys. */
export function lastNamed(entries: readonly Entry[], name: string): Entry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i].name === name) return entries[i];
  return undefined;
}

function parseStatement(node: Node, index: number): Statement {
  const entries = node.type === 'object' ? entriesOf(node) : [];
  const element = (name: string) => lastNamed(entries, name);
  return {
    index,
    node,
    entries,
    sid: element('Sid'),
    effect: element('Effect'),
    action: stringList(element('Action')),
    notAction: stringList(element('NotAction')),
    resource: stringList(element('Resource')),
    notResource: stringList(element('NotResource')),
    principal: principal(element('Principal')),
    notPrincipal: principal(element('NotPrincipal')),
    condition: condition(element('Condition')),
  };
}

function stringItem(node: Node): StringItem {
  return { value: node.value as string, offset: node.offset, length: node.length, node };
}

/** Splits a string-or-array value into its string items and the nodes that are not strings. */
function strings(value: Node | undefined): { isArray: boolean; items: StringItem[]; invalid: Node[] } {
  if (!value) return { isArray: false, items: [], invalid: [] };
  const nodes = value.type === 'array' ? (value.children ?? []) : [value];
  const items: StringItem[] = [];
  const invalid: Node[] = [];
  for (const n of nodes) n.type === 'string' ? items.push(stringItem(n)) : invalid.push(n);
  return { isArray: value.type === 'array', items, invalid };
}

function stringList(entry: Entry | undefined): StringListElement | undefined {
  if (!entry) return undefined;
  const { isArray, items, invalid } = strings(entry.valueNode);
  return { entry, isArray, items, invalid };
}

function principal(entry: Entry | undefined): PrincipalElement | undefined {
  if (!entry) return undefined;
  const value = entry.valueNode;
  const result: PrincipalElement = { entry, types: [], invalid: [] };
  if (value?.type === 'string') {
    if (value.value === '*') result.wildcard = stringItem(value);
    else result.invalid.push(value);
  } else if (value?.type === 'object') {
    for (const typeEntry of entriesOf(value)) {
      const { items, invalid } = strings(typeEntry.valueNode);
      result.types.push({ entry: typeEntry, values: items, invalid });
    }
  } else if (value) {
    result.invalid.push(value);
  }
  return result;
}

function condition(entry: Entry | undefined): ConditionElement | undefined {
  if (!entry) return undefined;
  const operators = entry.valueNode?.type === 'object' ? entriesOf(entry.valueNode) : [];
  return {
    entry,
    operators: operators.map(operatorEntry => ({
      entry: operatorEntry,
      keys: operatorEntry.valueNode?.type === 'object' ? entriesOf(operatorEntry.valueNode).map(conditionKey) : [],
    })),
  };
}

function conditionKey(entry: Entry): ConditionKeyEntry {
  const value = entry.valueNode;
  const nodes = value?.type === 'array' ? (value.children ?? []) : value ? [value] : [];
  const values: ConditionValue[] = nodes.map(n => ({
    value: n.type === 'string' || n.type === 'number' || n.type === 'boolean' ? n.value : null,
    offset: n.offset,
    length: n.length,
    node: n,
  }));
  return { entry, isArray: value?.type === 'array', values };
}
