// The Terraform / OpenTofu reader: finds the IAM policies of a `.tf` file through tree-sitter's HCL
// grammar. Where policies are: the arguments of policyAttributes.ts (`jsonencode({...})`, a heredoc or
// a quoted JSON string; `file("x.json")` names a policy file), `data "aws_iam_policy_document"`
// blocks, and, with no kind, any `jsonencode`/heredoc/JSON string with a top-level `Statement` in a
// `module` argument, a `locals` value or an `output`. A document or local used by one kind of
// argument in the same file (`assume_role_policy = data.aws_iam_policy_document.x.json`) takes that
// kind. Files in JSON syntax (`.tf.json`) are not read.
import { posix } from 'node:path';
import type { Tree } from 'web-tree-sitter';
import type { PolicyLimitKind } from '../../catalog/tables/policyLimits';
import type { HostValue } from '../hostTree';
import type { EmbeddedPolicySource, TemplateProblem, TemplateReader, TemplateReadResult } from '../types';
import { isTerraformFile } from './detect';
import { type HclNode, type HclParser, loadHclParser } from './hclParser';
import { hclJsonText } from './hclJsonText';
import {
  attributeOf,
  type Block,
  blocksOf,
  bodyItems,
  HclValueReader,
  heredocContent,
  literalString,
  partsOf,
  quotedContent,
  soleInterpolation,
  sourceOf,
  spanOf,
  termOf,
} from './hclValues';
import { type PolicyAttribute, organizationsPolicyKind, POLICY_ATTRIBUTES } from './policyAttributes';
import { PolicyDocumentReader } from './policyDocument';

const POLICY_DOCUMENT = 'aws_iam_policy_document';
/** a file with more syntax errors says so once per error up to this many */
const MAX_PROBLEMS = 10;
/** what tells an IAM policy from another document with Statements, where the host does not tell */
const IAM_STATEMENT_KEYS = new Set(['Effect', 'Action', 'NotAction']);
const IAM_STATEMENTS_TEXT = [/"Statement"\s*:/, /"(Effect|Action|NotAction)"\s*:/];
/** references that can carry a policy from where it is written to where it is used */
const REFERENCE = /\b(data\.aws_iam_policy_document|local)\.([A-Za-z_][\w-]*)/g;

interface Host {
  resource: string;
  resourceType: string;
  property: string;
  /** undefined: not known from the host (a module argument, a local, an output) */
  attribute?: PolicyAttribute;
  /** the reference that names the policy elsewhere in the file (data.aws_iam_policy_document.x, local.x) */
  reference?: string;
}

function isExpression(node: HclNode): boolean {
  return node.type === 'expression';
}

function emptyResult(problems: TemplateProblem[] = []): TemplateReadResult {
  return { format: 'terraform', policies: [], namedPolicies: [], policyFiles: [], problems };
}

/** Syntax errors: ERROR nodes and missing tokens, each reported at its first line. */
function syntaxProblems(root: HclNode, text: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const visit = (node: HclNode) => {
    if (problems.length >= MAX_PROBLEMS) return;
    if (node.isMissing) {
      problems.push({ offset: node.startIndex, length: 0, message: `Terraform syntax error: ${missingToken(node.type)} is missing here.` });
    } else if (node.isError) {
      const lineEnd = text.indexOf('\n', node.startIndex);
      const end = lineEnd < 0 || lineEnd > node.endIndex ? node.endIndex : lineEnd;
      problems.push({
        offset: node.startIndex,
        length: end - node.startIndex,
        message: 'Terraform syntax error: this is not valid HCL, so the policies after it may not be found. Fix the syntax first.',
      });
    } else if (node.hasError) {
      for (const child of node.children) if (child) visit(child);
    }
  };
  visit(root);
  return problems;
}

function missingToken(type: string): string {
  const tokens: Record<string, string> = {
    quoted_template_end: 'a closing `"`',
    // a missing bracket is the bracket token itself (inside block_end, object_end, tuple_end, ...)
    '}': 'a closing `}`',
    ']': 'a closing `]`',
    ')': 'a closing `)`',
    heredoc_identifier: "the heredoc's closing marker",
  };
  return tokens[type] ?? `\`${type}\``;
}

class TerraformFileReader {
  private readonly policies: Array<{ policy: EmbeddedPolicySource; reference?: string }> = [];
  private readonly policyFiles: TemplateReadResult['policyFiles'] = [];
  /** reference -> the kinds of the arguments that use it */
  private readonly uses = new Map<string, Array<PolicyAttribute | undefined>>();
  /** reference -> the references it flows into (a document merged into another, a local holding a document) */
  private readonly feeds = new Map<string, Set<string>>();
  private readonly values: HclValueReader;
  private readonly documents: PolicyDocumentReader;

  constructor(private readonly text: string) {
    this.values = new HclValueReader(text);
    this.documents = new PolicyDocumentReader(text, this.values);
  }

  read(root: HclNode): TemplateReadResult {
    const body = partsOf(root).find(child => child.type === 'body');
    for (const block of blocksOf(body, this.text)) {
      const [type, name] = block.labels;
      if (block.type === 'resource' && type && name && POLICY_ATTRIBUTES[type]) this.resource(block, type, name);
      else if (block.type === 'data' && type === POLICY_DOCUMENT && name) this.policyDocument(block, name);
      else if (block.type === 'module' && name === undefined && type) this.scanBody(block, { resource: `module.${type}`, resourceType: 'module' });
      else if (block.type === 'output' && type) this.scanBody(block, { resource: `output.${type}`, resourceType: 'output' });
      else if (block.type === 'locals') this.scanBody(block, { resource: 'locals', resourceType: 'locals' });
    }
    const result = emptyResult(syntaxProblems(root, this.text));
    result.policies = this.policies.map(({ policy, reference }) => (reference ? { ...policy, ...this.kindOf(reference) } : policy));
    result.policyFiles = this.policyFiles;
    return result;
  }

  private resource(block: Block, type: string, name: string): void {
    for (const [path, declared] of Object.entries(POLICY_ATTRIBUTES[type])) {
      const attribute = type === 'aws_organizations_policy' ? this.organizationsKind(block) : declared;
      if (!attribute) continue;
      for (const { property, value } of this.argumentsAt(block, path.split('.'))) {
        this.policyArgument(value, { resource: `${type}.${name}`, resourceType: type, property, attribute });
      }
    }
  }

  private organizationsKind(block: Block): PolicyAttribute | undefined {
    const type = attributeOf(block, 'type', this.text);
    if (!type) return organizationsPolicyKind(undefined);
    const literal = literalString(type.value, this.text);
    return literal === undefined ? undefined : organizationsPolicyKind(literal);
  }

  /** The argument at a path of nested blocks (`inline_policy.policy`), in every block that has it, with its property path. */
  private argumentsAt(block: Block, path: string[], prefix = ''): Array<{ property: string; value: HclNode }> {
    const [name, ...rest] = path;
    if (!rest.length) {
      const attribute = attributeOf(block, name, this.text);
      return attribute ? [{ property: `${prefix}${name}`, value: attribute.value }] : [];
    }
    const nested = blocksOf(block.body, this.text).flatMap(inner => {
      if (inner.type === name) return [inner];
      // dynamic "inline_policy" { content { ... } }
      return inner.type === 'dynamic' && inner.labels[0] === name ? blocksOf(inner.body, this.text, 'content') : [];
    });
    return nested.flatMap((inner, i) => this.argumentsAt(inner, rest, `${prefix}${name}${nested.length > 1 ? `[${i}]` : ''}.`));
  }

  /** A policy argument's value: the policy written there, a policy file, or a reference that gives a policy its kind. */
  private policyArgument(expression: HclNode, host: Host): void {
    const term = termOf(expression);
    const inner = term && soleInterpolation(term);
    if (inner) return this.policyArgument(inner, host);
    if (term && this.inlinePolicy(term, host, false)) return;
    if (term?.type === 'function_call' && this.functionName(term) === 'file') return this.policyFile(term, host);
    this.recordUses(expression, host.attribute);
  }

  /**
   * A policy written at `term`: jsonencode of an object, a heredoc or a quoted string of JSON. With
   * `needStatement` (where nothing says it is a policy), only one with a top-level Statement whose
   * statements have an Effect or an action counts: an SNS data protection policy has Statements too.
   */
  private inlinePolicy(term: HclNode, host: Host, needStatement: boolean): boolean {
    if (term.type === 'function_call' && this.functionName(term) === 'jsonencode') {
      const args = this.functionArguments(term);
      const value = args.length === 1 ? this.values.value(args[0]) : undefined;
      if (value?.kind !== 'object') return false;
      const statement = value.entries.find(entry => entry.key === 'Statement');
      if (needStatement && !(statement && this.iamStatements(statement.value))) return false;
      this.add({ body: { tree: value }, span: value.span, partial: statement ? this.statementsUnknown(statement.value) : undefined }, host);
      return true;
    }
    if (term.type !== 'template_expr' && term.type !== 'literal_value') return false;
    const [template] = partsOf(term);
    const heredoc = template?.type === 'heredoc_template';
    const quoted = template?.type === 'quoted_template' || template?.type === 'string_lit';
    const content = heredoc ? heredocContent(template, this.text) : quoted ? quotedContent(template) : undefined;
    if (!content) return false;
    if (!this.text.slice(content.start, content.end).trimStart().startsWith('{')) return false;
    const json = hclJsonText(this.text, content, heredoc ? 'heredoc' : 'hcl-string');
    if (needStatement && !(json && IAM_STATEMENTS_TEXT.every(pattern => pattern.test(json.body.text)))) return false;
    if (json) this.add({ body: { json: json.body }, span: spanOf(term), partial: json.valueInterpolated || undefined }, host);
    return true;
  }

  private iamStatements(statements: HostValue): boolean {
    const items = statements.kind === 'array' ? statements.items : [statements];
    return items.some(item => item.kind === 'object' && item.entries.some(entry => IAM_STATEMENT_KEYS.has(entry.key)));
  }

  /** Statements only known at plan time: the whole list, or some of its elements. */
  private statementsUnknown(statements: HostValue): true | undefined {
    return statements.kind === 'unknown' || (statements.kind === 'array' && statements.items.some(item => item.kind === 'unknown')) || undefined;
  }

  private add(found: Pick<EmbeddedPolicySource, 'body' | 'span' | 'partial'>, host: Host): void {
    const { body, span, partial } = found;
    const policy: EmbeddedPolicySource = {
      body,
      span,
      resource: host.resource,
      resourceType: host.resourceType,
      property: host.property,
      ...(host.attribute ? { kind: host.attribute.kind } : {}),
      ...(host.attribute?.limit ? { limit: host.attribute.limit } : {}),
      ...(partial ? { partial } : {}),
    };
    this.policies.push({ policy, reference: host.reference });
  }

  private functionName(call: HclNode): string | undefined {
    const [name] = partsOf(call);
    return name?.type === 'identifier' ? name.text : undefined;
  }

  private functionArguments(call: HclNode): HclNode[] {
    const args = partsOf(call).find(child => child.type === 'function_arguments');
    return args ? partsOf(args).filter(arg => arg.type === 'expression') : [];
  }

  /**
   * `file("policy.json")` and `file("${path.module}/policy.json")` (path.module is this file's
   * folder): a policy file, relative to this file. Any other interpolation leaves the path unknown.
   */
  private policyFile(call: HclNode, host: Host): void {
    const [arg] = this.functionArguments(call);
    const value = arg && this.values.value(arg);
    if (value?.kind !== 'string') return;
    const [first, ...rest] = value.parts;
    const parts = first && 'unknown' in first && first.unknown === 'path.module' ? [{ literal: '.', span: first.span, exact: false }, ...rest] : value.parts;
    if (!parts.every(part => 'literal' in part)) return;
    const path = posix.normalize(
      parts
        .map(part => ('literal' in part ? part.literal : ''))
        .join('')
        .replace(/\\/g, '/'),
    );
    if (posix.isAbsolute(path) || path === '.') return;
    this.policyFiles.push({ path, span: value.span, ...(host.attribute ? { kind: host.attribute.kind } : {}) });
  }

  private recordUses(expression: HclNode, attribute: PolicyAttribute | undefined): void {
    for (const reference of this.referencesIn(expression)) this.uses.set(reference, [...(this.uses.get(reference) ?? []), attribute]);
  }

  private referencesIn(node: HclNode): string[] {
    return [...sourceOf(node, this.text).matchAll(REFERENCE)].map(match => `${match[1]}.${match[2]}`);
  }

  private feed(from: string, into: string): void {
    this.feeds.set(from, (this.feeds.get(from) ?? new Set()).add(into));
  }

  private policyDocument(block: Block, name: string): void {
    const reference = `data.${POLICY_DOCUMENT}.${name}`;
    for (const attribute of ['source_policy_documents', 'override_policy_documents']) {
      const merged = attributeOf(block, attribute, this.text);
      if (merged) for (const source of this.referencesIn(merged.value)) this.feed(source, reference);
    }
    const { tree, partial } = this.documents.read(block);
    this.add(
      { body: { tree }, span: spanOf(block.node), partial: partial || undefined },
      { resource: reference, resourceType: `data.${POLICY_DOCUMENT}`, property: '', reference },
    );
  }

  /** Policies in the arguments of a module, a locals block or an output: only those with a Statement. */
  private scanBody(block: Block, host: Pick<Host, 'resource' | 'resourceType'>): void {
    for (const item of bodyItems(block.body, this.text)) {
      if (!('attribute' in item)) continue;
      const { name, value } = item.attribute;
      const local = block.type === 'locals' ? `local.${name}` : undefined;
      if (local) for (const reference of this.referencesIn(value)) this.feed(reference, local);
      this.scan(value, { ...host, property: name, reference: local });
    }
  }

  /** Down through objects, tuples, conditionals and function arguments to the policies written there. */
  private scan(expression: HclNode, host: Host): void {
    const term = termOf(expression);
    if (!term || this.inlinePolicy(term, host, true)) return;
    const inner = { ...host, reference: undefined }; // a policy deeper inside is not the local itself
    const [collection] = term.type === 'collection_value' ? partsOf(term) : [];
    if (collection?.type === 'tuple') {
      partsOf(collection)
        .filter(isExpression)
        .forEach((item, i) => this.scan(item, { ...inner, property: `${host.property}[${i}]` }));
    } else if (collection?.type === 'object') {
      for (const elem of partsOf(collection)) {
        const key = elem.childForFieldName('key');
        const value = elem.childForFieldName('val');
        if (key && value) this.scan(value, { ...inner, property: `${host.property}.${literalString(key, this.text) ?? sourceOf(key, this.text)}` });
      }
    } else if (term.type === 'conditional') {
      // the condition and both branches: every part of a conditional is an expression
      partsOf(term).forEach(branch => this.scan(branch, inner));
    } else if (term.type === 'function_call') {
      this.functionArguments(term).forEach(arg => this.scan(arg, inner));
    }
  }

  /** The kind and quota of a policy named by a reference, from every argument it reaches in the file. */
  private kindOf(reference: string): Pick<EmbeddedPolicySource, 'kind' | 'limit'> {
    const found: Array<PolicyAttribute | undefined> = [];
    const seen = new Set<string>();
    const visit = (at: string) => {
      if (seen.has(at)) return;
      seen.add(at);
      found.push(...(this.uses.get(at) ?? []));
      for (const next of this.feeds.get(at) ?? []) visit(next);
    };
    visit(reference);
    const kinds = new Set(found.map(use => use?.kind));
    const limits = new Set<PolicyLimitKind | undefined>(found.map(use => use?.limit));
    const [kind] = kinds;
    const [limit] = limits;
    return {
      ...(kinds.size === 1 && kind ? { kind } : {}),
      ...(kinds.size === 1 && limits.size === 1 && limit ? { limit } : {}),
    };
  }
}

let parser: HclParser | string | undefined;
/** the last text and tree of each file read lately: an edit is parsed incrementally */
const recentTrees = new Map<string, { text: string; tree: Tree }>();
const RECENT_TREES = 16;

function parseFile(hcl: HclParser, uri: string, text: string): Tree | undefined {
  const previous = recentTrees.get(uri);
  recentTrees.delete(uri);
  const tree = hcl.parse(text, previous);
  previous?.tree.delete();
  if (!tree) return undefined;
  recentTrees.set(uri, { text, tree });
  for (const [oldest, { tree: stale }] of recentTrees) {
    if (recentTrees.size <= RECENT_TREES) break;
    recentTrees.delete(oldest);
    stale.delete();
  }
  return tree;
}

export const terraformReader: TemplateReader = {
  format: 'terraform',
  detect: isTerraformFile,
  async prepare() {
    parser ??= await loadHclParser();
  },
  read(uri, text) {
    if (parser === undefined) return emptyResult([{ offset: 0, length: 0, message: 'The Terraform parser is not loaded yet (prepare() was not awaited).' }]);
    if (typeof parser === 'string') return emptyResult([{ offset: 0, length: 0, message: parser }]);
    const tree = parseFile(parser, uri, text);
    if (!tree) return emptyResult([{ offset: 0, length: 0, message: 'This Terraform file took too long to parse: its policies are not checked.' }]);
    return new TerraformFileReader(text).read(tree.rootNode);
  },
};
