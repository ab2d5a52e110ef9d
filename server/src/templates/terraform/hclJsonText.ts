// A policy written as JSON text in a Terraform file: a heredoc (`<<EOF`, `<<-EOT`) or a quoted
// string (`"{\"Version\": ...}"`). The text the policy reads decodes Terraform's escapes (`$${` is
// `${`, `%%{` is `%{`, and in a quoted string `\"`, `\n`, `\u00e9`); an interpolation is written as
// its `${...}` token, inside quotes when it stands where a JSON value goes (`"Resource": ${jsonencode(x)}`).
// A `%{ if }`/`%{ for }` directive outside a JSON string writes JSON structure that only Terraform
// knows: the text is unknowable and is not read at all.
import type { JsonTextBody } from '../types';
import { unknownToken } from '../virtual';
import { holeText, literalParts, type TemplateContent } from './hclValues';

export interface HclJsonText {
  body: JsonTextBody;
  /** an interpolation stands where a JSON value (or statements) goes: what it adds is unknown */
  valueInterpolated: boolean;
}

/** Tracks whether the end of the JSON text so far is inside a string. */
class JsonStringState {
  inString = false;
  private escaped = false;

  feed(text: string): void {
    for (const c of text) {
      if (this.escaped) this.escaped = false;
      else if (this.inString && c === '\\') this.escaped = true;
      else if (c === '"') this.inString = !this.inString;
    }
  }
}

export function hclJsonText(text: string, content: TemplateContent, escape: 'heredoc' | 'hcl-string'): HclJsonText | undefined {
  const body: JsonTextBody = { text: '', runs: [], unknowns: [], escape };
  const state = new JsonStringState();
  let valueInterpolated = false;
  const literal = (from: number, to: number) => {
    for (const part of literalParts(text, from, to, { policyVariables: false, heredoc: escape === 'heredoc' })) {
      if (part.exact) body.runs.push({ offset: body.text.length, hostOffset: part.span.offset, length: part.literal.length });
      body.text += part.literal;
      state.feed(part.literal);
    }
  };
  let at = content.start;
  for (const hole of content.holes) {
    literal(at, hole.startIndex);
    if (hole.type === 'template_directive' && !state.inString) return undefined;
    const token = unknownToken(holeText(hole, text));
    body.unknowns.push(token);
    if (state.inString) {
      body.text += token;
    } else {
      body.text += `"${token}"`;
      valueInterpolated = true;
    }
    at = hole.endIndex;
  }
  literal(at, content.end);
  return { body, valueInterpolated };
}
