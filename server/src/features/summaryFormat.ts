// Formats an access summary: one-line texts (code lenses, CLI statement lines), the markdown
// table view (services x access levels, with the actions behind each cell) and plain text for
// the CLI's --summary. Computation lives in summary.ts.
import { ACCESS_LEVELS, type AccessLevel } from '../catalog/types';
import { byLevel, levelCountsText } from './actionSets';
import { plural } from './hover/markdown';
import { KIND_LABELS, kindInSentence } from '../protocol';
import type { AccessSet, PolicySummary, ServiceAccess, StatementSummary } from './summary';

/** Marks services with Permissions management actions (they change who can do what). */
export const PERMISSIONS_MANAGEMENT_MARK = '⚠';
const MAX_LINE_SERVICES = 4;
const MAX_CELL_ACTIONS = 100;

const pmMark = (service: ServiceAccess) => (service.permissionsManagement ? ` ${PERMISSIONS_MANAGEMENT_MARK}` : '');
const count = (service: ServiceAccess, level: AccessLevel) => service.actions[level].length;

function serviceText(service: ServiceAccess): string {
  if (service.full) return `${service.prefix}: Full access${pmMark(service)}`;
  const counts = byLevel(() => 0);
  for (const level of ACCESS_LEVELS) counts[level] = count(service, level);
  return `${service.prefix}: ${levelCountsText(counts) || 'no actions'}${pmMark(service)}`;
}

/** "s3: 12 Read, 3 Write; iam: Full access ⚠; +2 more services" */
export function formatAccess(access: AccessSet, maxServices = MAX_LINE_SERVICES): string {
  // With every other service fully covered, a fully covered listed service adds nothing to say.
  const services = access.allOtherServices ? access.services.filter(service => !service.full) : access.services;
  if (access.allOtherServices && services.length === 0) return 'All services: Full access';
  if (services.length === 0) return 'no actions';
  const shown = services.slice(0, maxServices).map(serviceText);
  if (services.length > maxServices) shown.push(`+${services.length - maxServices} more services`);
  if (access.allOtherServices) shown.push('all other services: Full access');
  return shown.join('; ');
}

function resourcesText(statement: StatementSummary): string {
  const { element, all, resources } = statement.resources;
  if (element === 'none') return '';
  if (element === 'NotResource') return `on all resources except ${resources.length}`;
  return all ? 'on all resources' : `on ${plural(resources.length, 'resource')}`;
}

/** "Allow · s3: 12 Read, 3 Write · on 2 resources" (the statement's code lens). */
export function formatStatementLine(statement: StatementSummary): string {
  const access = statement.notAction
    ? statement.access.allOtherServices
      ? `all actions except ${statement.excluded.length ? formatAccess({ allOtherServices: false, services: statement.excluded }) : 'none'} (NotAction)`
      : 'no actions (NotAction "*")'
    : formatAccess(statement.access);
  return [statement.effect ?? 'No valid Effect', access, resourcesText(statement), statement.conditional ? 'with conditions' : ''].filter(Boolean).join(' · ');
}

const isEmpty = (access: AccessSet) => !access.allOtherServices && access.services.length === 0;

/** "Policy · Allow: s3: 12 Read; ec2: Full access · Deny: iam: Full access ⚠" (the policy's code lens). */
export function formatPolicyLine(summary: PolicySummary): string {
  if (summary.statements.length === 0) return 'Policy · no statements';
  const parts = ['Policy'];
  if (!isEmpty(summary.allow)) parts.push(`Allow: ${formatAccess(summary.allow)}`);
  if (!isEmpty(summary.deny)) parts.push(`Deny: ${formatAccess(summary.deny)}`);
  if (parts.length === 1) parts.push('no actions');
  return parts.join(' · ');
}

function cell(service: ServiceAccess, level: AccessLevel): string {
  const n = count(service, level);
  const total = service.totals[level];
  if (n === 0) return '—';
  const text = n >= total ? `**Full** (${total})` : `${n} of ${total}`;
  return level === 'Permissions management' ? `${PERMISSIONS_MANAGEMENT_MARK} ${text}` : text;
}

function accessTable(access: AccessSet): string[] {
  if (isEmpty(access)) return ['*None.*', ''];
  const rows = [`| Service | ${ACCESS_LEVELS.join(' | ')} |`, `| --- |${ACCESS_LEVELS.map(() => ' --- |').join('')}`];
  for (const service of access.services) {
    rows.push(`| ${service.name} (\`${service.prefix}\`) | ${ACCESS_LEVELS.map(level => cell(service, level)).join(' | ')} |`);
  }
  if (access.allOtherServices) {
    rows.push(`| *${access.services.length ? 'All other services' : 'All services'}* | ${ACCESS_LEVELS.map(() => '**Full**').join(' | ')} |`);
  }
  return [...rows, ''];
}

/** "- Read (3): `GetObject`, ..." or "- Write: all 57" */
function cellLine(service: ServiceAccess, level: AccessLevel): string {
  const names = service.actions[level];
  if (names.length >= service.totals[level]) return `- ${level}: all ${names.length}`;
  const shown = names
    .slice(0, MAX_CELL_ACTIONS)
    .map(name => `\`${name}\``)
    .join(', ');
  const more = names.length > MAX_CELL_ACTIONS ? ` … and ${names.length - MAX_CELL_ACTIONS} more` : '';
  return `- ${level} (${names.length}): ${shown}${more}`;
}

function accessDetails(access: AccessSet): string[] {
  const lines: string[] = [];
  for (const service of access.services) {
    lines.push(`**${service.name}** (\`${service.prefix}\`)${service.full ? ' — full access' : ''}`);
    for (const level of ACCESS_LEVELS) {
      if (count(service, level)) lines.push(cellLine(service, level));
    }
    lines.push('');
  }
  return lines;
}

function statementSection(statement: StatementSummary): string[] {
  const title = `### ${statement.index + 1}.${statement.sid ? ` \`${statement.sid}\`` : ''} — ${formatStatementLine(statement)}`;
  const lines = [title, ''];
  if (statement.notAction && statement.excluded.length) {
    lines.push('Excluded by `NotAction`:', '', ...accessTable({ allOtherServices: false, services: statement.excluded }));
  }
  lines.push(...accessTable(statement.access));
  const { element, resources } = statement.resources;
  if (element !== 'none') lines.push(`${element}: ${resources.map(r => `\`${r}\``).join(', ') || '*(empty)*'}`, '');
  if (statement.unmatched.length) lines.push(`Matches no action: ${statement.unmatched.map(p => `\`${p}\``).join(', ')}`, '');
  return lines;
}

const fileName = (uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));

/** The summary as a markdown document: tables of services x access levels, the actions behind each cell, then each statement. */
export function formatSummaryMarkdown(summary: PolicySummary): string {
  const lines = [
    `# Access summary: ${fileName(summary.uri)}`,
    '',
    `${KIND_LABELS[summary.kind]} · ${plural(summary.statements.length, 'statement')} · ${plural(summary.resourceCount, 'resource')} named · IAM data of ${summary.dataDate}`,
    '',
    '## Allowed',
    '',
    ...accessTable(summary.allow),
    ...accessDetails(summary.allow),
  ];
  if (!isEmpty(summary.deny)) lines.push('## Denied', '', ...accessTable(summary.deny), ...accessDetails(summary.deny));
  lines.push('## Statements', '');
  for (const statement of summary.statements) lines.push(...statementSection(statement));
  lines.push(
    '---',
    `**Full**: every action of the service at that access level. ${PERMISSIONS_MANAGEMENT_MARK}: Permissions management actions, which change who can do what.`,
  );
  return lines.join('\n');
}

function textTable(access: AccessSet, indent: string): string[] {
  if (isEmpty(access)) return [`${indent}none`];
  const header = ['Service', ...ACCESS_LEVELS];
  const rows = access.services.map(service => [
    `${service.prefix}${pmMark(service)}`,
    ...ACCESS_LEVELS.map(level => (count(service, level) ? `${count(service, level)}/${service.totals[level]}` : '-')),
  ]);
  if (access.allOtherServices) rows.push([access.services.length ? 'all other services' : 'all services', ...ACCESS_LEVELS.map(() => 'full')]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(row => row[i].length)));
  return [header, ...rows].map(
    row =>
      indent +
      row
        .map((value, i) => value.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
  );
}

/** The summary as plain text (the CLI's --summary): the two tables, then one line per statement. */
export function formatSummaryText(summary: PolicySummary): string {
  return [
    `Access summary: ${fileName(summary.uri)} (${kindInSentence(summary.kind)}, IAM data of ${summary.dataDate})`,
    'Allowed (actions granted / actions of the service):',
    ...textTable(summary.allow, '  '),
    ...(isEmpty(summary.deny) ? [] : ['Denied:', ...textTable(summary.deny, '  ')]),
    'Statements:',
    ...summary.statements.map(s => `  ${s.index + 1}.${s.sid ? ` ${s.sid}` : ''} ${formatStatementLine(s)}`),
  ].join('\n');
}
