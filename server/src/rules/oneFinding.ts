// One problem, one finding: where several rules report one problem, the most specific finding that
// is shown stays and the others become its related information ("IAM402: ..."), in
// `data.folded` too, so that their quick-fixes stay on offer (codeActions.ts asks the fix
// providers about them). A finding is never folded into a less severe one, nor into one that the
// settings hide: turning IAM411 off brings IAM410 back with what it folds.
// - On one action entry, from the most specific: IAM101 (an unknown service) over IAM401 (its
//   "every action"); IAM411 (privilege escalation) over IAM410 (iam:PassRole on every role), IAM401
//   (a whole service), IAM412 (permissions management), IAM413 (credentials in responses) and
//   IAM404 (Allow with NotAction, when the escalation is found on the NotAction entry); IAM410 and
//   IAM414 (iam:CreateServiceLinkedRole for every service) over IAM401 and the rest.
// - On one principal: IAM420 / IAM421 (everyone) over IAM600 (outside the zone of trust).
// - IAM402 / IAM407 ("Resource": "*") and IAM405 (Allow with NotResource) into the finding that stays
//   on the statement's action sites (IAM400, IAM401, IAM410, IAM411, IAM414) when every Action entry
//   with resource-level actions, or the NotAction key, has one: then the "*" or the NotResource is part
//   of the problem that finding states (`iam:PassRole` on "*" is "pass any role").
import type { Catalog } from '../catalog/types';
import type { PolicyDocument } from '../policy/model';
import { supportsResourceLevel } from '../analysis/resourceTypes';
import { statementFacts, type StatementFacts } from '../analysis/statementFacts';
import type { Finding, FindingData, FoldedFinding, Severity } from './types';
import { SEVERITIES } from './types';

/** Codes on one span, the most specific first. */
const SAME_SPAN_GROUPS: readonly (readonly string[])[] = [
  ['IAM101', 'IAM401'],
  ['IAM411', 'IAM410', 'IAM414', 'IAM401', 'IAM412', 'IAM413', 'IAM404'],
  ['IAM420', 'IAM421', 'IAM600'],
];
/** "Resource": "*" graded by access level (IAM402 write or permissions management, IAM407 read and list only), and Allow with NotResource (IAM405). */
const RESOURCE_CODES: ReadonlySet<string> = new Set(['IAM402', 'IAM407', 'IAM405']);
/** Findings on an action entry that state the whole grant, "*" included. */
const GRANT_CODES: ReadonlySet<string> = new Set(['IAM400', 'IAM401', 'IAM410', 'IAM411', 'IAM414']);

/** severity -> rank, the most severe lowest; undefined: not shown. */
type SeverityOf = (code: string) => Severity | undefined;

function rankOf(severityOf: SeverityOf, code: string): number | undefined {
  const severity = severityOf(code);
  return severity === undefined ? undefined : SEVERITIES.indexOf(severity);
}

function fold(into: Finding, folded: Finding): void {
  const data: FindingData = into.data ?? (into.data = {});
  const list = (data.folded ?? (data.folded = [])) as FoldedFinding[];
  list.push({ code: folded.code, offset: folded.offset, length: folded.length, message: folded.message, data: folded.data });
  (into.related ??= []).push({ offset: folded.offset, length: folded.length, message: `${folded.code}: ${folded.message}` });
}

/** Folds the findings of each group on one span; returns those folded. */
function foldSameSpan(findings: readonly Finding[], severityOf: SeverityOf): Set<Finding> {
  const folded = new Set<Finding>();
  const bySpan = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (!SAME_SPAN_GROUPS.some(group => group.includes(finding.code))) continue;
    const key = `${finding.offset}:${finding.length}`;
    bySpan.set(key, [...(bySpan.get(key) ?? []), finding]);
  }
  for (const onSpan of bySpan.values()) {
    if (onSpan.length < 2) continue;
    for (const group of SAME_SPAN_GROUPS) {
      const members = onSpan
        .filter(f => group.includes(f.code) && !folded.has(f) && rankOf(severityOf, f.code) !== undefined)
        .sort((a, b) => group.indexOf(a.code) - group.indexOf(b.code));
      for (const [i, keeper] of members.entries()) {
        if (folded.has(keeper)) continue;
        const rank = rankOf(severityOf, keeper.code)!;
        for (const other of members.slice(i + 1)) {
          if (!folded.has(other) && rankOf(severityOf, other.code)! >= rank) {
            fold(keeper, other);
            folded.add(other);
          }
        }
      }
    }
  }
  return folded;
}

/** The statement whose "*" (IAM402, IAM407) or NotResource key (IAM405) the finding is on. */
function statementOfResourceFinding(finding: Finding, doc: PolicyDocument, catalog: Catalog): StatementFacts | undefined {
  return statementFacts(doc, catalog).find(({ statement }) =>
    finding.code === 'IAM405'
      ? statement.notResource?.entry.keyNode.offset === finding.offset
      : statement.resource?.items.some(i => i.offset === finding.offset),
  );
}

/**
 * Folds IAM402 / IAM407 / IAM405 into the finding that stays on the statement's action sites, where
 * every site it concerns has one: each Action entry with resource-level actions, or the NotAction key.
 */
function foldResourceFindings(findings: readonly Finding[], folded: Set<Finding>, doc: PolicyDocument, catalog: Catalog, severityOf: SeverityOf): void {
  const shown = (f: Finding) => !folded.has(f) && rankOf(severityOf, f.code) !== undefined;
  const resourceFindings = findings.filter(f => RESOURCE_CODES.has(f.code) && shown(f));
  if (resourceFindings.length === 0) return;
  const grants = findings.filter(f => GRANT_CODES.has(f.code) && shown(f));
  for (const finding of resourceFindings) {
    const facts = statementOfResourceFinding(finding, doc, catalog);
    if (!facts) continue;
    const rank = rankOf(severityOf, finding.code)!;
    const grantOn = (offset: number) => grants.find(g => g.offset === offset && rankOf(severityOf, g.code)! <= rank);
    const notAction = facts.statement.notAction?.entry.keyNode;
    const sites = notAction
      ? [notAction.offset]
      : facts.actions.filter(entry => entry.everything || entry.actions.some(supportsResourceLevel)).map(entry => entry.item.offset);
    const keepers = sites.map(grantOn);
    if (keepers.length === 0 || keepers.some(k => k === undefined)) continue;
    fold(keepers[0]!, finding);
    folded.add(finding);
  }
}

/** The findings with each problem's others folded into its most specific one (in place; the order kept). */
export function foldFindings(findings: Finding[], doc: PolicyDocument, catalog: Catalog, severityOf: SeverityOf): Finding[] {
  const folded = foldSameSpan(findings, severityOf);
  foldResourceFindings(findings, folded, doc, catalog, severityOf);
  return folded.size ? findings.filter(f => !folded.has(f)) : findings;
}
