// Semantic tokens: what the TextMate grammar cannot know. The grammar colours anything shaped like
// `service:Action`; the server knows which names are real. Known actions get namespace + function,
// known condition keys get property, policy variables get variable; unknown names get no token and
// keep the plain string colour, so a typo looks different from a real name.
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/types';
import type { PolicyDocument, Span } from '../policy/model';
import { hasVariable, POLICY_VARIABLE } from '../util/policyVariables';

const TOKEN_TYPES = ['namespace', 'function', 'property', 'variable'] as const;
type TokenType = (typeof TOKEN_TYPES)[number];
const TOKEN_MODIFIERS = ['defaultLibrary'] as const;

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

interface Token extends Span {
  type: TokenType;
  modifiers: number;
}

/** The string is written without escapes, so offsets in the value are offsets in the text. */
function isVerbatim(node: Span & { value: unknown }): boolean {
  return typeof node.value === 'string' && node.length === node.value.length + 2;
}

function actionTokens(item: Span & { value: string }, catalog: Catalog, out: Token[]): void {
  const colon = item.value.indexOf(':');
  if (colon <= 0 || !isVerbatim(item)) return;
  const known = /[*?]/.test(item.value)
    ? catalog.matchActions(item.value).length > 0
    : catalog.action(item.value.slice(0, colon), item.value.slice(colon + 1)) !== undefined;
  if (!known) return;
  const start = item.offset + 1; // after the opening quote
  out.push({ offset: start, length: colon, type: 'namespace', modifiers: 0 });
  out.push({ offset: start + colon + 1, length: item.value.length - colon - 1, type: 'function', modifiers: 0 });
}

function variableTokens(node: Span & { value: unknown }, out: Token[]): void {
  if (typeof node.value !== 'string' || !hasVariable(node.value) || !isVerbatim(node)) return;
  for (const match of node.value.matchAll(POLICY_VARIABLE)) {
    out.push({ offset: node.offset + 1 + match.index!, length: match[0].length, type: 'variable', modifiers: 0 });
  }
}

export function collectSemanticTokens(doc: PolicyDocument, catalog: Catalog): Token[] {
  const tokens: Token[] = [];
  for (const statement of doc.statements) {
    for (const element of [statement.action, statement.notAction]) {
      for (const item of element?.items ?? []) actionTokens(item, catalog, tokens);
    }
    for (const element of [statement.resource, statement.notResource]) {
      for (const item of element?.items ?? []) variableTokens(item, tokens);
    }
    for (const operator of statement.condition?.operators ?? []) {
      for (const key of operator.keys) {
        const info = catalog.conditionKey(key.entry.name);
        if (info) {
          tokens.push({ offset: key.entry.keyNode.offset + 1, length: key.entry.name.length, type: 'property', modifiers: info.service ? 0 : 1 });
        }
        for (const value of key.values) variableTokens(value, tokens);
      }
    }
  }
  return tokens.sort((a, b) => a.offset - b.offset);
}

/** LSP's relative encoding: [deltaLine, deltaStart, length, type, modifiers] per token. */
export function provideSemanticTokens(doc: PolicyDocument, catalog: Catalog): SemanticTokens {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const token of collectSemanticTokens(doc, catalog)) {
    const position = doc.textDocument.positionAt(token.offset);
    const deltaLine = position.line - line;
    data.push(deltaLine, deltaLine === 0 ? position.character - character : position.character, token.length, TOKEN_TYPES.indexOf(token.type), token.modifiers);
    line = position.line;
    character = position.character;
  }
  return { data };
}
