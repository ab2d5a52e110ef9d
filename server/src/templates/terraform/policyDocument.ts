// `data "aws_iam_policy_document"` as the policy it produces, following the provider's own rules
// (internal/service/iam/policy_document_data_source.go and iam_policy_model.go in
// hashicorp/terraform-provider-aws): `version` defaults to "2012-10-17" and a statement's `effect` to
// "Allow" (both synthetic entries); `principals` blocks of one type merge into one list, and a single
// block of type "*" with identifiers ["*"] is `"Principal": "*"`; `condition` blocks merge under their
// `test`, and values of the same test and variable append; in resources, principals and condition
// values `&{` is a policy variable's `${`. The attribute names map to the policy's names and are
// never renamed by a fix; the operator and condition key are the `test` and `variable` strings.
import type { Span } from '../../policy/model';
import type { HostEntry, HostObject, HostValue } from '../hostTree';
import { unknownToken } from '../virtual';
import type { HclNode } from './hclParser';
import { type Attribute, attributeOf, type Block, bodyItems, expressionText, type HclValueReader, literalString, sourceOf, spanOf } from './hclValues';

/** statement attribute -> policy element; `policyVariables`: `&{` reads as `${` */
const STATEMENT_ATTRIBUTES: Record<string, { key: string; policyVariables: boolean }> = {
  sid: { key: 'Sid', policyVariables: false },
  effect: { key: 'Effect', policyVariables: false },
  actions: { key: 'Action', policyVariables: false },
  not_actions: { key: 'NotAction', policyVariables: false },
  resources: { key: 'Resource', policyVariables: true },
  not_resources: { key: 'NotResource', policyVariables: true },
};
const PRINCIPAL_BLOCKS: Record<string, string> = { principals: 'Principal', not_principals: 'NotPrincipal' };
/** arguments that merge other documents in: statements come from elsewhere */
const MERGED_DOCUMENTS = new Set(['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json']);
const DEFAULT_VERSION = '2012-10-17';

function covering(nodes: HclNode[]): Span {
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  return { offset: first.startIndex, length: last.endIndex - first.startIndex };
}

function synthetic(key: string, value: string, span: Span): HostEntry {
  return {
    key,
    keySpan: span,
    keyStyle: 'synthetic',
    renamable: false,
    span,
    value: { kind: 'string', span, parts: [{ literal: value, span, exact: false }], style: 'synthetic' },
  };
}

export interface PolicyDocumentTree {
  tree: HostObject;
  /** statements may come from merged documents or dynamic blocks */
  partial: boolean;
}

export class PolicyDocumentReader {
  private partial = false;

  constructor(
    private readonly text: string,
    private readonly values: HclValueReader,
  ) {}

  read(block: Block): PolicyDocumentTree {
    this.partial = false;
    const anchor = spanOf(block.labelNodes[0] ?? block.typeNode);
    const entries: HostEntry[] = [];
    const statements: Block[] = [];
    let version: HostEntry | undefined;
    for (const item of bodyItems(block.body, this.text)) {
      if ('block' in item) {
        if (item.block.type === 'statement') statements.push(item.block);
        else if (item.block.type === 'dynamic' && item.block.labels[0] === 'statement') this.partial = true;
        continue;
      }
      const { attribute } = item;
      if (attribute.name === 'version') version = this.attributeEntry('Version', attribute);
      else if (attribute.name === 'policy_id') entries.push(this.attributeEntry('Id', attribute));
      else if (MERGED_DOCUMENTS.has(attribute.name)) this.partial = true;
    }
    entries.unshift(version ?? synthetic('Version', DEFAULT_VERSION, anchor));
    entries.push(this.statementsEntry(statements, anchor));
    return { tree: { kind: 'object', span: spanOf(block.node), entries }, partial: this.partial };
  }

  private attributeEntry(key: string, attribute: Attribute, policyVariables = false): HostEntry {
    return {
      key,
      keySpan: spanOf(attribute.nameNode),
      keyStyle: 'hcl',
      renamable: false,
      value: this.values.value(attribute.value, { policyVariables }),
      span: spanOf(attribute.node),
    };
  }

  private statementsEntry(statements: Block[], anchor: Span): HostEntry {
    if (!statements.length) return { ...synthetic('Statement', '', anchor), value: { kind: 'array', span: anchor, items: [] } };
    const span = covering(statements.map(statement => statement.node));
    return {
      key: 'Statement',
      keySpan: spanOf(statements[0].typeNode),
      keyStyle: 'hcl',
      renamable: false,
      span,
      value: { kind: 'array', span, items: statements.map(statement => this.statement(statement)) },
    };
  }

  private statement(block: Block): HostObject {
    // an element from an attribute, or the blocks of one type that merge into one element, in template order
    const slots: Array<HostEntry | Block[]> = [];
    const merging = new Map<string, Block[]>();
    for (const item of bodyItems(block.body, this.text)) {
      if ('attribute' in item) {
        const element = STATEMENT_ATTRIBUTES[item.attribute.name];
        if (element) slots.push(this.attributeEntry(element.key, item.attribute, element.policyVariables));
        continue;
      }
      const inner = item.block;
      if (inner.type === 'dynamic') {
        this.partial = true;
      } else if (inner.type in PRINCIPAL_BLOCKS || inner.type === 'condition') {
        const blocks = merging.get(inner.type);
        if (blocks) blocks.push(inner);
        else slots.push(merging.set(inner.type, [inner]).get(inner.type)!);
      }
    }
    const entries = slots.flatMap(slot => {
      if (!Array.isArray(slot)) return [slot];
      const { type } = slot[0];
      return type === 'condition' ? this.conditionEntry(slot) : this.principalEntry(PRINCIPAL_BLOCKS[type], slot);
    });
    if (!entries.some(entry => entry.key === 'Effect')) entries.unshift(synthetic('Effect', 'Allow', spanOf(block.typeNode)));
    return { kind: 'object', span: spanOf(block.node), entries };
  }

  /** A key written as a string value (`type = "AWS"`, `test = "StringEquals"`): its text, or an unknown token. */
  private keyOf(attribute: Attribute): { key: string; literal: boolean } {
    const literal = literalString(attribute.value, this.text);
    return literal !== undefined
      ? { key: literal, literal: true }
      : { key: unknownToken(expressionText(sourceOf(attribute.value, this.text))), literal: false };
  }

  /** The values of several blocks for one key, appended (one block: its value as written). */
  private merged(values: Array<{ value: HostValue; node: HclNode }>): HostValue {
    if (values.length === 1) return values[0].value;
    const items = values.flatMap(({ value }) => (value.kind === 'array' ? value.items : [value]));
    return { kind: 'array', span: covering(values.map(({ node }) => node)), items };
  }

  private principalEntry(key: string, blocks: Block[]): HostEntry[] {
    const typed = blocks.flatMap(block => {
      const type = attributeOf(block, 'type', this.text);
      const identifiers = attributeOf(block, 'identifiers', this.text);
      return type && identifiers ? [{ block, type, identifiers, ...this.keyOf(type) }] : [];
    });
    if (!typed.length) return [];
    const span = covering(typed.map(({ block }) => block.node));
    const entry = { key, keySpan: spanOf(typed[0].block.typeNode), keyStyle: 'hcl' as const, renamable: false, span };
    const [only] = typed;
    if (typed.length === 1 && only.key === '*') {
      const value = this.values.value(only.identifiers.value, { policyVariables: true });
      const [star] = value.kind === 'array' ? value.items : [];
      if (
        value.kind === 'array' &&
        value.items.length === 1 &&
        star.kind === 'string' &&
        star.parts.length === 1 &&
        'literal' in star.parts[0] &&
        star.parts[0].literal === '*'
      ) {
        return [{ ...entry, value: star }];
      }
    }
    const byType = new Map<string, typeof typed>();
    for (const principal of typed) byType.set(principal.key, [...(byType.get(principal.key) ?? []), principal]);
    const entries = [...byType].map(([type, group]): HostEntry => ({
      key: type,
      keySpan: spanOf(group[0].type.value),
      keyStyle: 'hcl',
      renamable: group.length === 1 && group[0].literal,
      value: this.merged(group.map(({ block, identifiers }) => ({ value: this.values.value(identifiers.value, { policyVariables: true }), node: block.node }))),
      span: covering(group.map(({ block }) => block.node)),
    }));
    return [{ ...entry, value: { kind: 'object', span, entries } }];
  }

  private conditionEntry(blocks: Block[]): HostEntry[] {
    const complete = blocks.flatMap(block => {
      const test = attributeOf(block, 'test', this.text);
      const variable = attributeOf(block, 'variable', this.text);
      const values = attributeOf(block, 'values', this.text);
      return test && variable && values ? [{ block, test, variable, values, operator: this.keyOf(test), conditionKey: this.keyOf(variable) }] : [];
    });
    if (!complete.length) return [];
    const span = covering(complete.map(({ block }) => block.node));
    const byTest = new Map<string, typeof complete>();
    for (const condition of complete) byTest.set(condition.operator.key, [...(byTest.get(condition.operator.key) ?? []), condition]);
    const operators = [...byTest].map(([test, group]): HostEntry => {
      const byVariable = new Map<string, typeof complete>();
      for (const condition of group) byVariable.set(condition.conditionKey.key, [...(byVariable.get(condition.conditionKey.key) ?? []), condition]);
      const groupSpan = covering(group.map(({ block }) => block.node));
      const keys = [...byVariable].map(([variable, same]): HostEntry => ({
        key: variable,
        keySpan: spanOf(same[0].variable.value),
        keyStyle: 'hcl',
        renamable: same.length === 1 && same[0].conditionKey.literal,
        value: this.merged(same.map(({ block, values }) => ({ value: this.values.value(values.value, { policyVariables: true }), node: block.node }))),
        span: covering(same.map(({ block }) => block.node)),
      }));
      return {
        key: test,
        keySpan: spanOf(group[0].test.value),
        keyStyle: 'hcl',
        renamable: group.length === 1 && group[0].operator.literal,
        value: { kind: 'object', span: groupSpan, entries: keys },
        span: groupSpan,
      };
    });
    return [
      {
        key: 'Condition',
        keySpan: spanOf(complete[0].block.typeNode),
        keyStyle: 'hcl',
        renamable: false,
        span,
        value: { kind: 'object', span, entries: operators },
      },
    ];
  }
}
