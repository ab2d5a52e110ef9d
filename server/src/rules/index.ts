// The registry of rule modules. Order does not matter: findings are sorted by position.
import type { RuleMeta, RuleModule } from './types';
export { foldFindings } from './oneFinding';
import { syntaxRules } from './syntax';
import { elementRules } from './elements';
import { actionRules } from './actions';
import { placeholderRules } from './placeholders';
import { statementShapeRules } from './statementShape';
import { elementTypeRules } from './elementTypes';
import { principalValueRules } from './principalValues';
import { trustPolicyRules } from './trustPolicy';
import { rcpRules } from './rcp';
import { rcpConditionRules } from './rcpConditions';
import { sidRules } from './sid';
import { duplicateKeyRules } from './duplicateKeys';
import { conditionOperatorRules } from './conditionsOperators';
import { conditionKeyRules } from './conditionsKeys';
import { conditionTypeRules } from './conditionsTypes';
import { conditionValueRules } from './conditionsValues';
import { conditionKnownValueRules } from './conditionsKnownValues';
import { conditionSetRules } from './conditionsSets';
import { conditionVariableRules } from './conditionsVariables';
import { conditionValueListRules } from './conditionsValueLists';
import { conditionAddressRules } from './conditionsAddresses';
import { conditionWildcardRules } from './conditionsWildcards';
import { conditionPairRules } from './conditionsPairs';
import { actionRedundancyRules } from './actionRedundancy';
import { resourceArnRules } from './resourceArns';
import { resourceMatchRules } from './resourceMatch';
import { resourceListRules } from './resourceLists';
import { statementRedundancyRules } from './statementRedundancy';
import { securityGrantRules } from './securityGrants';
import { securityEscalationRules } from './securityEscalation';
import { securityServiceLinkedRoleRules } from './securityServiceLinkedRoles';
import { securityPrincipalRules } from './securityPrincipals';
import { securityConditionRules } from './securityConditions';
import { limitRules } from './limits';
import { zoneOfTrustRules } from './zoneOfTrust';
import { templateSyntaxRules } from './templateSyntax';
import { teamRuleModule } from './teamRules';

export const RULE_MODULES: readonly RuleModule[] = [
  syntaxRules,
  elementRules,
  actionRules,
  placeholderRules,
  statementShapeRules,
  elementTypeRules,
  principalValueRules,
  trustPolicyRules,
  rcpRules,
  sidRules,
  duplicateKeyRules,
  conditionOperatorRules,
  conditionKeyRules,
  conditionTypeRules,
  conditionValueRules,
  conditionKnownValueRules,
  conditionSetRules,
  conditionVariableRules,
  conditionValueListRules,
  conditionAddressRules,
  conditionWildcardRules,
  conditionPairRules,
  rcpConditionRules,
  actionRedundancyRules,
  resourceArnRules,
  resourceMatchRules,
  resourceListRules,
  statementRedundancyRules,
  securityGrantRules,
  securityEscalationRules,
  securityServiceLinkedRoleRules,
  securityPrincipalRules,
  securityConditionRules,
  limitRules,
  zoneOfTrustRules,
  teamRuleModule,
];

/** Every rule: those of the modules, and those whose findings come from elsewhere (a template's reader). */
export const ALL_RULES: readonly RuleMeta[] = [...RULE_MODULES.flatMap(m => m.rules), ...templateSyntaxRules];

export const RULES_BY_CODE: ReadonlyMap<string, RuleMeta> = new Map(ALL_RULES.map(r => [r.code, r]));
