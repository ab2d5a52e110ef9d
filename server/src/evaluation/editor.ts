// The server side of the editor's "Simulate a request": the open policy + a request (entered, or
// the text of a request file) -> the decision with ranges for the editor to highlight.
import type { Range } from 'vscode-languageserver-types';
import type { PolicyDocument } from '../policy/model';
import type { SimulateParams, SimulateResponse } from '../protocol/simulate';
import { simulate } from './evaluate';
import { formatSimulation } from './format';
import { parseRequestText, requestFromJson } from './request';

/**
 * The simulation of a request on the policy. `range` places a span of the policy in the editor's
 * document: the policy's own text, or the template the policy is written in.
 */
export function simulateInEditor(
  doc: PolicyDocument,
  params: SimulateParams,
  range: (offset: number, length: number) => Range = (offset, length) => ({
    start: doc.textDocument.positionAt(offset),
    end: doc.textDocument.positionAt(offset + length),
  }),
): SimulateResponse {
  const parsed = params.requestText !== undefined ? parseRequestText(params.requestText) : requestFromJson(params.request);
  if (!parsed.request) return { errors: parsed.errors };
  const result = simulate([doc], parsed.request);
  const fileName = decodeURIComponent(doc.uri.slice(doc.uri.lastIndexOf('/') + 1));
  return {
    decision: result.decision,
    summary: result.summary,
    deciding: result.deciding.map(d => result.statements.indexOf(d)),
    statements: result.statements.map(s => ({
      range: range(s.offset, s.length),
      sid: s.sid,
      effect: s.effect,
      applies: s.applies,
      mismatches: s.mismatches.map(m => ({ range: range(m.offset, m.length), element: m.element, message: m.message })),
    })),
    report: formatSimulation(result, (_, offset) => {
      const { line, character } = range(offset, 0).start;
      return `${fileName}:${line + 1}:${character + 1}`;
    }),
  };
}
