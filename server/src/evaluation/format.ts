// A simulation result as text: the decision, what decided it, and every statement with why it did or
// did not apply. The CLI prints it; the editor shows it in an output channel.
import type { SimulationResult, StatementOutcome } from './evaluate';

/** Where a statement is, for people: "policy.json:12:5". */
export type Locate = (outcome: StatementOutcome, offset: number) => string;

const DECISIONS: Record<SimulationResult['decision'], string> = {
  Allow: 'ALLOW',
  ExplicitDeny: 'DENY (explicit)',
  ImplicitDeny: 'DENY (implicit: nothing allows it)',
};

function statementLine(outcome: StatementOutcome, locate: Locate): string {
  const name = `statement ${outcome.index + 1}${outcome.sid ? ` (${outcome.sid})` : ''}`;
  const verdict = outcome.applies ? 'applies' : 'does not apply';
  return `  ${locate(outcome, outcome.offset)}  ${name}  ${outcome.effect ?? '?'}: ${verdict}`;
}

export function formatSimulation(result: SimulationResult, locate: Locate): string {
  const lines = [`Decision: ${DECISIONS[result.decision]}`, result.summary, '', 'Statements:'];
  for (const outcome of result.statements) {
    lines.push(statementLine(outcome, locate));
    for (const mismatch of outcome.mismatches) lines.push(`      - ${locate(outcome, mismatch.offset)}  ${mismatch.message}`);
  }
  if (result.statements.length === 0) lines.push('  (none)');
  for (const note of result.notes) lines.push('', `Note: ${note}`);
  return `${lines.join('\n')}\n`;
}
