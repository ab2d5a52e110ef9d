// IAM016, IAM032, IAM033: the JSON type of every element's value, empty lists, and the principal types.
// Source: IAM User Guide, "Grammar of the IAM JSON policy language" (reference_policies_grammar.html):
// Id and Sid are strings; Action/NotAction/Resource/NotResource are a string or an array of strings;
// Principal/NotPrincipal is "*" or a map whose keys are "AWS", "Federated", "Service" or "CanonicalUser"
// and whose values are a string or an array of strings; Condition is { operator: { key: value-list } }
// where a value is a string, number or Boolean. "Access Analyzer policy check reference"
// (access-analyzer-reference-policy-checks.html): "Invalid principal key", "Invalid principal format".
// An empty list where IAM expects values (Action: [], Principal: { "AWS": [] }) leaves the element
// without values, which IAM rejects like a missing element: the grammar's arrays "can take one or
// more values"; IAM answers `"Action": []` with "Policy statement must contain actions." and
// `"Resource": []` with "... must contain resources." (MalformedPolicyDocument: F5Networks/
// f5-aws-cloudformation-v2 issue 27, a Resource list that AWS::NoValue emptied; moto's
// tests/test_iam/test_iam_policies.py records both answers; cfn-lint's IAM schema requires one action).
// Access Analyzer's "Empty array action / resource" is a suggestion: IAM's answer makes it an error here.
import type { Node } from 'jsonc-parser';
import type { Entry, PrincipalElement, Statement, StringListElement } from '../policy/model';
import { closestNames } from '../util/closest';
import type { RuleContext, RuleModule } from './types';

export const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;

function wrongType(ctx: RuleContext, node: Node, what: string, expected: string): void {
  ctx.report({ code: 'IAM016', offset: node.offset, length: node.length, message: `${what} must be ${expected}, not ${describe(node)}.` });
}

// Stryker disable all: human text, as in the messages (tests assert codes and spans, not wording)
function describe(node: Node): string {
  if (node.type === 'string') return `the string ${JSON.stringify(node.value)}`;
  if (node.type === 'null') return 'null';
  return `${/^[aeiou]/.test(node.type) ? 'an' : 'a'} ${node.type}`;
}
// Stryker restore all

function emptyList(ctx: RuleContext, node: Node, what: string): void {
  ctx.report({
    code: 'IAM032',
    offset: node.offset,
    length: node.length,
    message: `${what} is an empty list: IAM rejects it. Add at least one value, or remove the element.`,
  });
}

function checkStringElement(ctx: RuleContext, entry: Entry | undefined): void {
  if (entry?.valueNode && entry.valueNode.type !== 'string') {
    // Stryker disable next-line StringLiteral: human text
    wrongType(ctx, entry.valueNode, `"${entry.name}"`, 'a string');
  }
}

/** A string-or-array-of-strings value: not empty, and only strings. */
function checkStrings(ctx: RuleContext, entry: Entry, invalid: readonly Node[]): void {
  const value = entry.valueNode;
  const isArray = value?.type === 'array';
  // Stryker disable next-line StringLiteral: human text
  if (isArray && value.children!.length === 0) emptyList(ctx, value, `"${entry.name}"`);
  for (const node of invalid) {
    // Stryker disable next-line StringLiteral: human text
    wrongType(ctx, node, isArray ? `Each value of "${entry.name}"` : `"${entry.name}"`, isArray ? 'a string' : 'a string or an array of strings');
  }
}

function checkStringList(ctx: RuleContext, element: StringListElement | undefined): void {
  if (element) checkStrings(ctx, element.entry, element.invalid);
}

function checkPrincipal(ctx: RuleContext, element: PrincipalElement | undefined): void {
  if (!element) return;
  const name = element.entry.name;
  for (const node of element.invalid) {
    // Stryker disable next-line StringLiteral: human text
    wrongType(ctx, node, `"${name}"`, `"*" or an object such as { "AWS": "arn:aws:iam::111122223333:root" }`);
  }
  const value = element.entry.valueNode;
  if (value?.type === 'object' && element.types.length === 0) {
    ctx.report({
      code: 'IAM032',
      offset: value.offset,
      length: value.length,
      message: `"${name}" is an empty object: name at least one principal, e.g. { "AWS": "arn:aws:iam::111122223333:root" }.`,
    });
  }
  for (const type of element.types) {
    if (!(PRINCIPAL_TYPES as readonly string[]).includes(type.entry.name)) {
      const replacements = closestNames(type.entry.name, PRINCIPAL_TYPES, 2);
      ctx.report({
        code: 'IAM033',
        offset: type.entry.keyNode.offset,
        length: type.entry.keyNode.length,
        message: `"${type.entry.name}" is not a principal type: use ${PRINCIPAL_TYPES.map(t => `"${t}"`).join(', ')} (case-sensitive).`,
        data: { replacements: (replacements.length ? replacements : [...PRINCIPAL_TYPES]).map(r => JSON.stringify(r)) },
      });
    }
    checkStrings(ctx, type.entry, type.invalid);
    for (const item of type.values) {
      if (item.value.trim() === '') {
        ctx.report({
          code: 'IAM032',
          offset: item.offset,
          length: item.length,
          message: `An empty principal: IAM rejects it. Write an ARN, an account ID, a service principal or "*".`,
        });
      }
    }
  }
}

const CONDITION_VALUE = 'a string, a number, a Boolean, or an array of them';

function checkCondition(ctx: RuleContext, statement: Statement): void {
  const condition = statement.condition;
  const value = condition?.entry.valueNode;
  if (!condition || !value) return;
  if (value.type !== 'object') {
    // Stryker disable next-line StringLiteral: human text
    wrongType(ctx, value, '"Condition"', 'an object { "Operator": { "key": value } }');
    return;
  }
  for (const operator of condition.operators) {
    const block = operator.entry.valueNode;
    if (block && block.type !== 'object') {
      // Stryker disable next-line StringLiteral: human text
      wrongType(ctx, block, `The value of "${operator.entry.name}"`, 'an object { "key": value }');
      continue;
    }
    for (const key of operator.keys) {
      // a value that is not a list is the one item of key.values; a value null there is of another JSON type
      // Stryker disable next-line all: human text
      const [what, expected] = key.isArray
        ? [`Each value of "${key.entry.name}"`, 'a string, a number or a Boolean']
        : [`The value of "${key.entry.name}"`, CONDITION_VALUE];
      for (const item of key.values) if (item.value === null) wrongType(ctx, item.node, what, expected);
    }
  }
}

export const elementTypeRules: RuleModule = {
  rules: [
    { code: 'IAM016', name: 'invalid-element-type', category: 'grammar', defaultSeverity: 'error', summary: "An element's value has the wrong JSON type." },
    {
      code: 'IAM032',
      name: 'empty-value',
      category: 'grammar',
      defaultSeverity: 'error',
      summary: 'An empty list or empty principal where IAM requires values.',
    },
    {
      code: 'IAM033',
      name: 'unknown-principal-type',
      category: 'grammar',
      defaultSeverity: 'error',
      summary: 'A principal type other than AWS, Service, Federated or CanonicalUser.',
    },
  ],
  check(ctx) {
    const { doc } = ctx;
    // a root or a statement that is not an object has no elements (IAM014, IAM015 say so)
    checkStringElement(ctx, doc.id);
    for (const statement of doc.statements) {
      checkStringElement(ctx, statement.sid);
      for (const element of [statement.action, statement.notAction, statement.resource, statement.notResource]) checkStringList(ctx, element);
      checkPrincipal(ctx, statement.principal);
      checkPrincipal(ctx, statement.notPrincipal);
      checkCondition(ctx, statement);
    }
  },
};
