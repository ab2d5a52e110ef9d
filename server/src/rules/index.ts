// The registry of rule modules. Order does not matter: findings are sorted by position.
import type { RuleMeta, RuleModule } from './types';
import { syntaxRules } from './syntax';
import { elementRules } from './elements';
import { actionRules } from './actions';

export const RULE_MODULES: readonly RuleModule[] = [syntaxRules, elementRules, actionRules];

export const RULES_BY_CODE: ReadonlyMap<string, RuleMeta> = new Map(
  RULE_MODULES.flatMap(m => m.rules).map(r => [r.code, r]),
);
