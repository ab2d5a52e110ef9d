// Hover: finds the token under the cursor (always the content of one JSON string, never
// whitespace, quotes or punctuation) and asks the module for that kind of token: element names,
// actions and wildcards, ARNs, condition operators and keys, principals, policy variables.
import type { Hover } from 'vscode-languageserver-types';
import type { Node } from 'jsonc-parser';
import type { Catalog } from '../catalog/types';
import type { PolicyDocument, Span, Statement } from '../policy/model';
import { locate } from '../policy/locate';
import type { IamPolicySettings } from '../protocol';
import { actionHoverMarkdown } from './hover/actions';
import { arnHover } from './hover/arns';
import { conditionKeyMarkdown, operatorMarkdown } from './hover/conditions';
import { elementMarkdown, principalTypeMarkdown, valueMarkdown } from './hover/elements';
import { markdownHover, stringContent } from './hover/markdown';
import { principalMarkdown } from './hover/principals';
import { variableAt, variableMarkdown } from './hover/variables';
import { describeOutsideGrant, outsideGrantAt } from '../analysis/zoneOfTrust';

type Path = (string | number)[];

function keyMarkdown(catalog: Catalog, statement: Statement | undefined, rest: Path): string | undefined {
  const [element, second, third] = rest;
  if (typeof element !== 'string') return undefined;
  if (rest.length === 1) return elementMarkdown(element);
  if (!statement) return undefined;
  if ((element === 'Principal' || element === 'NotPrincipal') && rest.length === 2) return principalTypeMarkdown(String(second));
  if (element === 'Condition' && rest.length === 2) return operatorMarkdown(catalog, String(second));
  if (element === 'Condition' && rest.length === 3) return conditionKeyMarkdown(catalog, String(third), String(second));
  return undefined;
}

/** For a principal outside the zone of trust: who, outside the zone, can do what. */
function withZoneOfTrust(doc: PolicyDocument, catalog: Catalog, settings: IamPolicySettings, offset: number, markdown: string | undefined): string | undefined {
  const grant = outsideGrantAt(doc, catalog, offset, settings.zoneOfTrust);
  return grant ? `${markdown ?? ''}\n\n---\n\n**Outside the zone of trust.** ${describeOutsideGrant(grant)}` : markdown;
}

function valueHover(
  doc: PolicyDocument,
  catalog: Catalog,
  settings: IamPolicySettings,
  statement: Statement | undefined,
  rest: Path,
  node: Node,
  content: Span,
  offset: number,
): Hover | null {
  const value = node.value as string;
  const [element, second] = rest;
  const hover = (markdown: string | undefined, span: Span = content) => (markdown ? markdownHover(doc, span, markdown) : null);
  if (!statement) return element === 'Version' && rest.length === 1 ? hover(valueMarkdown(value)) : null;
  if (element === 'Resource' || element === 'NotResource' || element === 'Condition') {
    const variable = variableAt(doc.text, content.offset, content.offset + content.length, offset);
    if (variable) return hover(variableMarkdown(doc, catalog, doc.text.slice(variable.offset, variable.offset + variable.length)), variable);
    if (element === 'Condition') return null;
    return arnHover(doc, catalog, statement, { value, offset: node.offset, length: node.length, node }, offset);
  }
  switch (element) {
    case 'Action':
    case 'NotAction':
      return hover(actionHoverMarkdown(catalog, value, element === 'NotAction'));
    case 'Principal':
    case 'NotPrincipal':
      return hover(withZoneOfTrust(doc, catalog, settings, offset, principalMarkdown(catalog, typeof second === 'string' ? second : undefined, value)));
    case 'Effect':
      return hover(valueMarkdown(value));
    default:
      return null;
  }
}

export function doHover(doc: PolicyDocument, offset: number, catalog: Catalog, settings: IamPolicySettings): Hover | null {
  const location = locate(doc, offset);
  const node = location.node;
  const content = stringContent(node, offset);
  if (!node || !content) return null;
  const path = location.path;
  const rest = location.statement ? path.slice(doc.statementIsArray ? 2 : 1) : path;
  if (location.inKey) {
    const markdown = keyMarkdown(catalog, location.statement, rest);
    return markdown ? markdownHover(doc, content, markdown) : null;
  }
  return valueHover(doc, catalog, settings, location.statement, rest, node, content, offset);
}
