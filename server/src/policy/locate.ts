// Where an offset is in a policy: which statement, which element, which key or value. Completion,
// hover and code actions all start here, so the walk from offset to meaning is written once.
import { findNodeAtOffset, getNodePath, JSONPath, Node } from 'jsonc-parser';
import type { Range } from 'vscode-languageserver-textdocument';
import type { PolicyDocument, Statement } from './model';

export interface PolicyLocation {
  /** innermost node that contains the offset (string, number, property, object, ...) */
  node: Node | undefined;
  /** JSON path of `node`, e.g. ["Statement", 0, "Action", 1] */
  path: JSONPath;
  /** the statement the offset is in, if any */
  statement?: Statement;
  /** statement element (Action, Resource, Condition, ...) or top-level element (Version, ...) */
  element?: string;
  /** the offset is on a property key (or where a key goes, in an object) */
  inKey: boolean;
  /** the string node the offset is inside, if any (span includes the quotes) */
  stringNode?: Node;
  /** for Condition: the operator and the key the offset is under (names as written) */
  conditionOperator?: string;
  conditionKey?: string;
  /** for Principal/NotPrincipal: the principal type ("AWS", "Service", ...) the value is under */
  principalType?: string;
}

function statementIndexOf(path: JSONPath, doc: PolicyDocument): number | undefined {
  if (path[0] !== 'Statement') return undefined;
  if (!doc.statementIsArray) return 0;
  return typeof path[1] === 'number' ? path[1] : undefined;
}

/** The part of a location that follows from a JSON path alone: statement, element, condition and principal parts. */
export type PathContext = Pick<PolicyLocation, 'statement' | 'element' | 'conditionOperator' | 'conditionKey' | 'principalType'>;

/**
 * What a JSON path points into. Completion uses it for places that have no node yet (the value after
 * `"Action": ` while it is still missing), where locate() would only find the enclosing object.
 */
export function describePath(doc: PolicyDocument, path: JSONPath): PathContext {
  const context: PathContext = {};
  const index = statementIndexOf(path, doc);
  if (index !== undefined) {
    context.statement = doc.statements[index];
    const rest = path.slice(doc.statementIsArray ? 2 : 1);
    if (typeof rest[0] === 'string') context.element = rest[0];
    if (context.element === 'Condition') {
      if (typeof rest[1] === 'string') context.conditionOperator = rest[1];
      if (typeof rest[2] === 'string') context.conditionKey = rest[2];
    }
    if ((context.element === 'Principal' || context.element === 'NotPrincipal') && typeof rest[1] === 'string') {
      context.principalType = rest[1];
    }
  } else if (typeof path[0] === 'string') {
    context.element = path[0];
  }
  return context;
}

export function locate(doc: PolicyDocument, offset: number): PolicyLocation {
  const root = doc.root;
  if (!root) return { node: undefined, path: [], inKey: false };
  // findNodeAtOffset includes the right edge, so a cursor right after a closing quote still finds the string.
  const node = findNodeAtOffset(root, offset, true);
  const path = node ? getNodePath(node) : [];
  const inKey =
    (node?.parent?.type === 'property' && node.parent.children?.[0] === node) ||
    node?.type === 'object' ||
    (node?.type === 'property' && offset < (node.children?.[0]?.offset ?? 0));
  // The path of a key node ends at the property that owns it; the element is the first name under the statement.
  return { node, path, inKey, stringNode: node?.type === 'string' ? node : undefined, ...describePath(doc, path) };
}

/** The LSP range of a span of the text. */
export function rangeOf(doc: Pick<PolicyDocument, 'textDocument'>, offset: number, length: number): Range {
  return { start: doc.textDocument.positionAt(offset), end: doc.textDocument.positionAt(offset + length) };
}
