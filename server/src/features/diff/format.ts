// A policy comparison for people: Markdown (a pull-request comment, the GitHub job summary, the
// editor's view) and plain text (the terminal): per policy, a table of services x access levels
// with the actions added or removed, then one line per change saying which statement and why.
// The JSON output is the report itself (compare.ts).
import { ACCESS_LEVELS, type AccessLevel } from '../../catalog/types';
import { byLevel, levelCountsText } from '../actionSets';
import { plural } from '../hover/markdown';
import { PERMISSIONS_MANAGEMENT_MARK } from '../summaryFormat';
import type { AccessDelta, DeltaEntry, DiffReport, PolicyDiff, ServiceDelta, StatementRef } from './compare';

const MAX_ACTIONS_SHOWN = 12;

/** What an entry did, around its count of actions ({n}). */
const VERBS: Record<'added' | 'removed', Record<DeltaEntry['via'], Record<DeltaEntry['change'], string>>> = {
  added: {
    Allow: { action: 'newly allows {n}', wider: 'allows {n} more widely', narrower: 'allows {n} more widely' },
    Deny: { action: 'no longer denies {n}', narrower: 'denies {n} less widely', wider: 'denies {n} less widely' },
  },
  removed: {
    Allow: { action: 'no longer allows {n}', narrower: 'allows {n} less widely', wider: 'allows {n} less widely' },
    Deny: { action: 'newly denies {n}', wider: 'denies {n} more widely', narrower: 'denies {n} more widely' },
  },
};

type Style = { code: (text: string) => string };
const MARKDOWN: Style = { code: text => `\`${text.replace(/`/g, "'")}\`` };
const PLAIN: Style = { code: text => text };

/** "statement 2 (Sid Read, line 5)" / "statement 3 of the old policy (line 12)" */
export function statementLabel(ref: StatementRef, style: Style = PLAIN): string {
  const details = [ref.sid ? `Sid ${style.code(ref.sid)}` : '', `line ${ref.line}`].filter(Boolean).join(', ');
  return `${ref.side === 'old' ? 'old ' : ''}statement ${ref.index + 1} (${details})`;
}

/** "12 Write, 3 Read" over entries (certain and possible together). */
export function entriesCountText(entries: readonly DeltaEntry[]): string {
  const counts = byLevel(() => 0);
  for (const entry of entries) for (const level of ACCESS_LEVELS) counts[level] += entry.levels[level];
  return levelCountsText(counts);
}

function actionsText(actions: readonly string[], style: Style): string {
  const shown = actions.slice(0, MAX_ACTIONS_SHOWN).map(style.code).join(', ');
  return actions.length > MAX_ACTIONS_SHOWN ? `${shown} and ${actions.length - MAX_ACTIONS_SHOWN} more` : shown;
}

function reasonText(entry: DeltaEntry, style: Style): string {
  const reasons: string[] = [];
  if (entry.dimensions.includes('resource') || entry.change === 'action') reasons.push(`on ${entry.resources.map(style.code).join(', ')}`);
  if (entry.principals.length && (entry.dimensions.includes('principal') || entry.change === 'action'))
    reasons.push(`for ${entry.principals.map(style.code).join(', ')}`);
  for (const gap of entry.conditions) reasons.push(`condition ${style.code(gap.key)} (${gap.operator}) ${gap.how}`);
  return reasons.join('; ');
}

/** "statement 2 (line 5) newly allows 3 Write actions on `*`: `s3:PutObject`, ..." */
export function entryLine(entry: DeltaEntry, list: 'added' | 'removed', style: Style = PLAIN): string {
  const count = `${entriesCountText([entry])} ${entry.actions.length === 1 ? 'action' : 'actions'}`;
  const verb = VERBS[list][entry.via][entry.change].replace('{n}', count);
  const reason = reasonText(entry, style);
  return `${entry.certain ? '' : 'possibly: '}${statementLabel(entry.statement, style)} ${verb}${reason ? ` (${reason})` : ''}: ${actionsText(entry.actions, style)}`;
}

function cell(service: ServiceDelta, level: AccessLevel, sign: string): string {
  const certain = service.actions[level].length;
  const possible = service.possible[level].length;
  if (!certain && !possible) return '—';
  const text = [certain ? `${sign}${certain}` : '', possible ? `${sign}${possible}?` : ''].filter(Boolean).join(' ');
  return level === 'Permissions management' ? `${PERMISSIONS_MANAGEMENT_MARK} ${text}` : text;
}

function markdownDelta(delta: AccessDelta, list: 'added' | 'removed'): string[] {
  const sign = list === 'added' ? '+' : '−';
  const lines: string[] = [];
  if (delta.services.length) {
    lines.push(`| Service | ${ACCESS_LEVELS.join(' | ')} |`, `| --- |${ACCESS_LEVELS.map(() => ' --- |').join('')}`);
    for (const service of delta.services) {
      lines.push(`| ${service.name} (\`${service.prefix}\`) | ${ACCESS_LEVELS.map(level => cell(service, level, sign)).join(' | ')} |`);
    }
    lines.push('');
  }
  for (const entry of delta.entries) lines.push(`- ${entryLine(entry, list, MARKDOWN)}`);
  if (delta.unknownActions.length) lines.push(`- possibly: actions the IAM data does not know: ${delta.unknownActions.map(MARKDOWN.code).join(', ')}`);
  return [...lines, ''];
}

const STATUS: Record<PolicyDiff['status'], string> = { added: 'new policy', removed: 'policy removed', changed: 'changed', unchanged: 'no change in access' };
const hasDelta = (delta: AccessDelta) => delta.entries.length > 0 || delta.unknownActions.length > 0;

function policyHeadline(policy: PolicyDiff): string {
  const parts = [STATUS[policy.status], `${policy.oldKind ? `${policy.oldKind} → ` : ''}${policy.kind} policy`];
  if (hasDelta(policy.added)) parts.push(`adds ${entriesCountText(policy.added.entries) || 'access'}`);
  if (hasDelta(policy.removed)) parts.push(`removes ${entriesCountText(policy.removed.entries) || 'access'}`);
  return parts.join(' · ');
}

/** The headline of the whole report: how many policies add and remove access. */
export function reportHeadline(report: DiffReport): string {
  const adding = report.policies.filter(p => hasDelta(p.added)).length;
  const removing = report.policies.filter(p => hasDelta(p.removed)).length;
  const unchanged = report.policies.filter(p => p.status === 'unchanged').length;
  if (adding === 0 && removing === 0) return `No change in access (${plural(report.policies.length, 'policy', 'policies')} compared).`;
  const parts = [
    adding ? `${plural(adding, 'policy adds', 'policies add')} access` : '',
    removing ? `${plural(removing, 'policy removes', 'policies remove')} access` : '',
  ];
  if (unchanged) parts.push(`${plural(unchanged, 'policy', 'policies')} without change in access`);
  return `${parts.filter(Boolean).join(', ')}.`;
}

/** The report as Markdown. */
export function formatDiffMarkdown(report: DiffReport, title = 'IAM policy changes'): string {
  const lines = [`## ${title}`, '', reportHeadline(report), ''];
  for (const policy of report.policies.filter(p => p.status !== 'unchanged')) {
    lines.push(`### ${MARKDOWN.code(policy.id)}: ${policyHeadline(policy)}`, '');
    for (const note of policy.notes) lines.push(`> ${note}`, '');
    if (hasDelta(policy.added)) lines.push('**Access added**', '', ...markdownDelta(policy.added, 'added'));
    if (hasDelta(policy.removed)) lines.push('**Access removed**', '', ...markdownDelta(policy.removed, 'removed'));
  }
  lines.push(
    '---',
    `+N / −N: actions granted or taken away; N?: possibly (the comparison could not tell). ${PERMISSIONS_MANAGEMENT_MARK}: Permissions management. IAM data of ${report.dataDate}.`,
  );
  return `${lines.join('\n')}\n`;
}

function textDelta(delta: AccessDelta, list: 'added' | 'removed'): string[] {
  const sign = list === 'added' ? '+' : '-';
  const lines = delta.services.map(service => {
    const counts = ACCESS_LEVELS.map(level => cell(service, level, sign).replace(PERMISSIONS_MANAGEMENT_MARK, '').trim())
      .map((text, i) => (text === '—' ? '' : `${text} ${ACCESS_LEVELS[i]}`))
      .filter(Boolean);
    return `    ${service.prefix}: ${counts.join(', ')}${service.actions['Permissions management'].length + service.possible['Permissions management'].length ? ` ${PERMISSIONS_MANAGEMENT_MARK}` : ''}`;
  });
  for (const entry of delta.entries) lines.push(`    - ${entryLine(entry, list)}`);
  if (delta.unknownActions.length) lines.push(`    - possibly: actions the IAM data does not know: ${delta.unknownActions.join(', ')}`);
  return lines;
}

/** The report as plain text (the terminal). */
export function formatDiffText(report: DiffReport): string {
  const lines = [reportHeadline(report)];
  for (const policy of report.policies.filter(p => p.status !== 'unchanged')) {
    lines.push('', `${policy.id}: ${policyHeadline(policy)}`);
    for (const note of policy.notes) lines.push(`  note: ${note}`);
    if (hasDelta(policy.added)) lines.push('  Access added:', ...textDelta(policy.added, 'added'));
    if (hasDelta(policy.removed)) lines.push('  Access removed:', ...textDelta(policy.removed, 'removed'));
  }
  return `${lines.join('\n')}\n`;
}
