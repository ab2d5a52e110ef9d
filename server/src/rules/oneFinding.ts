// One problem, one finding: where several rules report one problem, the most specific finding that
// is shown stays and the others become its related information ("IAM402: ..."), in
// `data.folded` too, so that their quick-fixes stay on offer (codeActions.ts asks the fix
// providers about them). A finding is never folded into a less severe one, nor into one that the
// settings hide: turning IAM411 off brings IAM410 back with what it folds.
// - On one action entry, from the most specific: IAM101 (an unknown service) over IAM401 (its
//   "every action"); IAM411 (privilege escalation) over IAM410 (iam:PassRole on every role), IAM401
//   (a whole service), IAM412 (permissions management), IAM413 (credentials in responses) and
//   IAM404 (Allow with NotAction, when the escalation is found on the NotAction entry).
// - On one principal: IAM420 / IAM421 (everyone) over IAM600 (outside the zone of trust).
// - IAM402 / IAM407 ("Resource": "*") over into the finding that stays on an action entry (IAM400, IAM401,
//   IAM410, IAM411) when every entry of the statement with resource-level actions has one: then the
//   "*" is part of the problem that finding states (`iam:PassRole` on "*" is "pass any role").
import type { Catalog } from '../catalog/types';
import type { PolicyDocument } from '../policy/model';
import { supportsResourceLevel } from '../analysis/resourceTypes';
import { statementFacts } from '../analysis/statementFacts';
import type { Finding, FindingData, FoldedFinding, Severity } from './types';
import { SEVERITIES } from './types';

/** Codes on one span, the most specific first. */
const SAME_SPAN_GROUPS: readonly (readonly string[])[] = [
  ['IAM101', 'IAM401'],
  ['IAM411', 'IAM410', 'IAM401', 'IAM412', 'IAM413', 'IAM404'],
  ['IAM420', 'IAM421', 'IAM600'],
];
/** "Resource": "*" graded by access level: IAM402 (write or permissions management), IAM407 (read and list only). */
const STAR_RESOURCE: ReadonlySet<string> = new Set(['IAM402', 'IAM407']);
/** Findings on an action entry that state the whole grant, "*" included. */
const GRANT_CODES: ReadonlySet<string> = new Set(['IAM400', 'IAM401', 'IAM410', 'IAM411']);

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

/** Folds IAM402 into the finding that stays on the statement's entries, where every entry it concerns has one. */
function foldStarResource(findings: readonly Finding[], folded: Set<Finding>, doc: PolicyDocument, catalog: Catalog, severityOf: SeverityOf): void {
  const stars = findings.filter(f => STAR_RESOURCE.has(f.code) && !folded.has(f) && rankOf(severityOf, f.code) !== undefined);
  if (stars.length === 0) return;
  const grants = findings.filter(f => GRANT_CODES.has(f.code) && !folded.has(f) && rankOf(severityOf, f.code) !== undefined);
  for (const star of stars) {
    const facts = statementFacts(doc, catalog).find(s => s.statement.resource?.items.some(i => i.offset === star.offset));
    if (!facts) continue;
    const rank = rankOf(severityOf, star.code)!;
    const grantOn = (offset: number) => grants.find(g => g.offset === offset && rankOf(severityOf, g.code)! <= rank);
    const concerned = facts.actions.filter(entry => entry.everything || entry.actions.some(supportsResourceLevel));
    const keepers = concerned.map(entry => grantOn(entry.item.offset));
    if (keepers.length === 0 || keepers.some(k => k === undefined)) continue;
    fold(keepers[0]!, star);
    folded.add(star);
  }
}

/** The findings with each problem's others folded into its most specific one (in place; the order kept). */
export function foldFindings(findings: Finding[], doc: PolicyDocument, catalog: Catalog, severityOf: SeverityOf): Finding[] {
  const folded = foldSameSpan(findings, severityOf);
  foldStarResource(findings, folded, doc, catalog, severityOf);
  return folded.size ? findings.filter(f => !folded.has(f)) : findings;
}
