// IAM100-IAM103, IAM106: the names in Action and NotAction. A malformed name is an error (IAM requires
// "service:action"); an unknown service or action is only a warning, because AWS adds names faster
// than any catalog; a known name in another letter case only gets a hint (IAM matches names
// case-insensitively). Source: IAM User Guide, "IAM JSON policy elements: Action". A wildcard in the
// service prefix (`*:*`) is malformed too, by IAM's grammar (hasServiceWildcard says where).
import type { ActionInfo, Catalog } from '../catalog/types';
import type { StringItem } from '../policy/model';
import { hasPlaceholder } from '../policy/placeholders';
import { hasWildcard } from '../util/wildcard';
import { hasUnknown } from '../policy/unknowns';
import { closestNames } from '../util/closest';
import { actionName, perSpelling, type Spelling, spellingOf } from '../analysis/actionExpansions';
import { statementFacts } from '../analysis/statementFacts';
import type { Finding, RuleContext, RuleModule } from './types';

const SERVICE_PREFIX = /^[a-z0-9][a-z0-9-]*$/i;
const ACTION_NAME = /^[A-Za-z0-9*?_-]+$/;

/** For a name with the wrong separator (`s3.ListBucket`), the catalog's spelling of the action meant. */
export function repairSeparator(text: string, catalog: Catalog): string | undefined {
  const match = /^([a-z0-9-]+)\s*[.\/;_ ,]\s*([A-Za-z0-9*?]+)$/i.exec(text.trim());
  if (!match) return undefined;
  const [, service, name] = match;
  const action = catalog.action(service, name);
  if (action) return actionName(action);
  return catalog.service(service) ? `${service.toLowerCase()}:${name}` : undefined;
}

/** Service prefix and action name (the usual case: malformedReason finds nothing). */
const WELL_FORMED = /^([a-z0-9][a-z0-9-]*):([A-Za-z0-9*?_-]+)$/i;

function malformedReason(text: string): string | undefined {
  if (text === '*' || WELL_FORMED.test(text)) return undefined;
  if (text.trim() === '') return 'is empty';
  if (/\s/.test(text)) return 'contains white space';
  const parts = text.split(':');
  if (parts.length === 1) return 'has no service prefix: write it as "service:Action"';
  if (parts.length > 2) return 'has more than one colon';
  if (!parts[0]) return 'has an empty service prefix';
  if (!parts[1]) return 'has an empty action name';
  if (/[*?]/.test(parts[0])) {
    const everything = /^[*?]+$/.test(parts[0]) && /^\*+$/.test(parts[1]);
    return `has a wildcard in its service prefix, and a service prefix cannot have wildcards: ${everything ? 'for every action of every service, write "*"' : 'name the service'}`;
  }
  if (!SERVICE_PREFIX.test(parts[0])) return 'has characters that a service prefix cannot have';
  if (!ACTION_NAME.test(parts[1])) return 'has characters that an action name cannot have';
  return undefined;
}

type ActionVerdict = Omit<Finding, 'offset' | 'length'>;

/** Whether the text is "service:Name" as AWS spells it (without building that string for every name of a policy). */
function spelledAsAws(text: string, action: ActionInfo): boolean {
  const { service, name } = action;
  return text.length === service.length + 1 + name.length && text.startsWith(service) && text.endsWith(name) && text[service.length] === ':';
}

/**
 * What is wrong with an action name, if anything; per catalog and text, as policies repeat their
 * names (and each "did you mean" list costs an edit distance to every candidate: a 5 MB policy of
 * one unknown action took seconds).
 */
const verdictOf = perSpelling((spelling, catalog): ActionVerdict | undefined => {
  const { text } = spelling;
  if (hasPlaceholder(text)) return undefined; // IAM090 reports it
  const reason = malformedReason(text);
  if (reason) {
    const repaired = repairSeparator(text, catalog);
    return {
      code: 'IAM100',
      message: `"${text}" is not a valid action: it ${reason}.${repaired ? ` Did you mean "${repaired}"?` : ''}`,
      data: { replacements: repaired ? [JSON.stringify(repaired)] : [] },
    };
  }
  if (text === '*') return undefined;
  const { actions } = spelling.expansion;
  if (actions.length > 0) {
    if (hasWildcard(text) || spelledAsAws(text, actions[0])) return undefined;
    const spelled = actionName(actions[0]);
    return {
      code: 'IAM106',
      message: `IAM spells this action "${spelled}". Names are case-insensitive, so "${text}" works; the usual spelling is easier to read and search.`,
      data: { replacements: [JSON.stringify(spelled)] },
    };
  }
  const colon = text.indexOf(':'); // exactly one: the name is well formed
  const prefix = text.slice(0, colon);
  const name = text.slice(colon + 1);
  const service = catalog.service(prefix);
  if (!service) {
    const replacements = closestNames(
      prefix,
      catalog.services().map(s => s.prefix),
      3,
    );
    return {
      code: 'IAM101',
      message: `Unknown service prefix "${prefix}".${replacements.length ? ` Did you mean ${replacements.map(r => `"${r}"`).join(', ')}?` : ''} If AWS added it recently, ignore this warning.`,
      data: { replacements: replacements.map(r => JSON.stringify(`${r}:${name}`)) },
    };
  }
  if (hasWildcard(name)) {
    return { code: 'IAM103', message: `"${text}" matches no action of ${service.name}: check the pattern, or remove it.` };
  }
  const replacements = closestNames(
    name,
    service.actions.map(a => a.name),
    3,
  ).map(n => `${service.prefix}:${n}`);
  return {
    code: 'IAM102',
    message: `${service.name} has no action "${name}".${replacements.length ? ` Did you mean ${replacements.map(r => `"${r}"`).join(', ')}?` : ''} If AWS added it recently, ignore this warning.`,
    data: { replacements: replacements.map(r => JSON.stringify(r)) },
  };
});

function checkAction(ctx: RuleContext, item: StringItem, spelling: Spelling): void {
  if (hasUnknown(ctx.doc, item.value)) return; // a template's value, known at deploy time
  const verdict = verdictOf(spelling, ctx.catalog);
  // not { ...verdict }: spreading objects of several shapes is slow
  if (verdict) ctx.report({ code: verdict.code, offset: item.offset, length: item.length, message: verdict.message, data: verdict.data });
}

export const actionRules: RuleModule = {
  rules: [
    { code: 'IAM100', name: 'malformed-action', category: 'action', defaultSeverity: 'error', summary: 'An action is not of the form "service:Action".' },
    { code: 'IAM101', name: 'unknown-service', category: 'action', defaultSeverity: 'warning', summary: 'The service prefix of an action is unknown.' },
    { code: 'IAM102', name: 'unknown-action', category: 'action', defaultSeverity: 'warning', summary: 'The service has no action of that name.' },
    {
      code: 'IAM103',
      name: 'wildcard-matches-nothing',
      category: 'action',
      defaultSeverity: 'warning',
      summary: 'An action wildcard matches no action of the service.',
    },
    {
      code: 'IAM106',
      name: 'action-case',
      category: 'action',
      defaultSeverity: 'hint',
      summary: 'An action is not spelled the way AWS spells it (letter case).',
    },
  ],
  check(ctx) {
    // the Action entries' spellings come with the statement facts (which later rules use too)
    for (const facts of statementFacts(ctx.doc, ctx.catalog)) for (const entry of facts.actions) checkAction(ctx, entry.item, entry.spelling);
    for (const statement of ctx.doc.statements) {
      for (const item of statement.notAction?.items ?? []) checkAction(ctx, item, spellingOf(ctx.catalog, item.value));
    }
  },
};
