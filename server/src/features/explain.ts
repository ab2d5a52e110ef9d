// A plain-language account of each statement of a policy ("Allows 3 Write actions of Amazon S3
// (s3:PutObject, ...) on arn:aws:s3:::bucket/* when aws:SourceVpc is vpc-1."), built on the access
// summary: for people and coding agents who read a policy they did not write.
// Operators' meanings: IAM User Guide, "IAM JSON policy elements: Condition operators".
import type { Catalog, ParsedOperator } from '../catalog/types';
import type { PolicyDocument, Statement } from '../policy/model';
import { principalValues, type PrincipalValue } from '../policy/principals';
import { KIND_LABELS } from '../protocol';
import { statementFacts, type ConditionFact } from '../analysis/statementFacts';
import { ACCESS_LEVELS } from '../catalog/types';
import { summarizePolicy, type AccessSet, type ServiceAccess, type StatementSummary } from './summary';

/** Up to this many actions are named; beyond it, counts per service and level. */
const MAX_NAMED_ACTIONS = 6;

export interface StatementExplanation {
  index: number;
  sid?: string;
  effect?: 'Allow' | 'Deny';
  text: string;
}

const quoted = (values: readonly string[], joiner: string) => values.map(v => `"${v}"`).join(joiner);

function actionNames(access: AccessSet): string[] | undefined {
  if (access.allOtherServices) return undefined;
  const names = access.services.flatMap(service => ACCESS_LEVELS.flatMap(level => service.actions[level].map(name => `${service.prefix}:${name}`)));
  return names.length <= MAX_NAMED_ACTIONS ? names : undefined;
}

/** "a, b and c" */
function listText(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "18 List and 65 Read actions of Amazon S3 (s3)"; a service covered entirely: `whole` ("every action of ..."). */
function servicesText(services: readonly ServiceAccess[], whole: string): string {
  return listText(
    services.map(service => {
      const levels = ACCESS_LEVELS.filter(level => service.actions[level].length);
      const total = levels.reduce((sum, level) => sum + service.actions[level].length, 0);
      const owner = `${service.name} (${service.prefix})`;
      if (service.full) return `${whole} ${owner}`;
      return `${listText(levels.map(level => `${service.actions[level].length} ${level}`))} ${total === 1 ? 'action' : 'actions'} of ${owner}`;
    }),
  );
}

function actionsText(summary: StatementSummary): string {
  if (summary.notAction) {
    return `every action except ${summary.excluded.length ? servicesText(summary.excluded, 'those of') : 'none the IAM data knows'} (NotAction)`;
  }
  const { access } = summary;
  if (access.allOtherServices && access.services.length === 0) return 'every action of every service';
  const names = actionNames(access);
  const known = names
    ? listText(names)
    : servicesText(access.services, 'every action of') + (access.allOtherServices ? ', and every action of every other service' : '');
  const unknown = summary.unmatched.length ? `${quoted(summary.unmatched, ', ')} (not in the IAM data)` : '';
  return listText([known, unknown].filter(Boolean)) || 'no actions';
}

function resourcesText(statement: Statement, doc: PolicyDocument): string {
  const element = statement.resource ?? statement.notResource;
  if (!element) return doc.kind === 'trust' ? ' on this role' : '';
  const values = element.items.map(item => item.value);
  if (statement.notResource) return ` on every resource except ${values.join(', ')}`;
  return values.includes('*') ? ' on every resource' : ` on ${values.join(', ')}`;
}

function principalText(value: PrincipalValue): string {
  if (value.type === '*' || (value.type === 'AWS' && value.value === '*')) return 'everyone (anonymous callers included)';
  switch (value.type) {
    case 'AWS':
      return /^\d{12}$/.test(value.value) || value.value.endsWith(':root') ? `AWS account ${value.value}` : value.value;
    case 'Service':
      return `the service ${value.value}`;
    case 'Federated':
      return `users of the identity provider ${value.value}`;
    default:
      return `${value.type} ${value.value}`;
  }
}

function principalsText(statement: Statement): string {
  const element = statement.principal ?? statement.notPrincipal;
  if (!element) return '';
  const names = principalValues(element).map(principalText);
  return statement.notPrincipal ? ` to everyone except ${names.join(', ')}` : ` to ${names.join(', ') || 'nobody'}`;
}

const VERBS: Record<string, [positive: string, negated: string]> = {
  Equals: ['is', 'is not'],
  EqualsIgnoreCase: ['is (ignoring case)', 'is not (ignoring case)'],
  Like: ['matches', 'does not match'],
  LessThan: ['is less than', 'is not less than'],
  LessThanEquals: ['is at most', 'is more than'],
  GreaterThan: ['is greater than', 'is not greater than'],
  GreaterThanEquals: ['is at least', 'is less than'],
};
const DATE_VERBS: Record<string, string> = {
  LessThan: 'is before',
  LessThanEquals: 'is at or before',
  GreaterThan: 'is after',
  GreaterThanEquals: 'is at or after',
};

function verbOf(operator: ParsedOperator): string {
  const base = operator.base!;
  if (base.family === 'Null') return '';
  if (base.family === 'Bool' || base.family === 'Binary') return 'is';
  if (base.family === 'IPAddress') return base.negated ? 'is not in' : 'is in';
  const test = base.name.replace(/^(String|Numeric|Date|Arn|Binary)(Not)?/, '');
  if (base.family === 'Date' && DATE_VERBS[test]) return DATE_VERBS[test];
  const [positive, negated] = VERBS[test] ?? VERBS.Equals;
  return base.negated ? negated : positive;
}

/** "aws:SourceVpc is "vpc-1" or "vpc-2"", "every value of aws:TagKeys is ...", "aws:MultiFactorAuthPresent is absent" */
export function conditionText(condition: ConditionFact): string {
  const { operator } = condition;
  if (!operator.base) return `${operator.text} ${condition.name}: ${quoted(condition.values, ', ')}`;
  const subject =
    operator.setQualifier === 'ForAllValues'
      ? `every value of ${condition.name}`
      : operator.setQualifier === 'ForAnyValue'
        ? `some value of ${condition.name}`
        : condition.name;
  const ifExists = operator.ifExists ? ' (if present)' : '';
  if (operator.base.family === 'Null') {
    const absent = condition.values.map(v => v.toLowerCase() === 'true');
    return `${subject} is ${absent.every(Boolean) ? 'absent' : absent.some(Boolean) ? 'absent or present' : 'present'}`;
  }
  return `${subject} ${verbOf(operator)} ${quoted(condition.values, operator.base.negated ? ' nor ' : ' or ')}${ifExists}`;
}

/** One sentence per statement. */
export function explainPolicy(doc: PolicyDocument, catalog: Catalog): { kind: string; statements: StatementExplanation[] } {
  const summary = summarizePolicy(doc, catalog);
  const facts = new Map(statementFacts(doc, catalog).map(f => [f.statement.index, f]));
  const statements = summary.statements.map(s => {
    const statement = facts.get(s.index)!.statement;
    const conditions = facts.get(s.index)!.conditions.map(conditionText);
    const verb = s.effect === 'Allow' ? 'Allows' : s.effect === 'Deny' ? 'Denies' : 'Never applies (Effect is missing or invalid); it would cover';
    const when = conditions.length ? ` when ${conditions.join(' and ')}` : '';
    const text = `${verb} ${actionsText(s)}${resourcesText(statement, doc)}${principalsText(statement)}${when}.`;
    return { index: s.index, sid: s.sid, effect: s.effect, text };
  });
  return { kind: KIND_LABELS[doc.kind], statements };
}
