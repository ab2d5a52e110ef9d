// Hover in a template: on a policy, the policy's own hover placed in the template; on a named policy
// (a SAM policy template such as `S3ReadPolicy`, an AWS managed policy), what it grants.
import type { Hover } from 'vscode-languageserver-types';
import type { Catalog } from '../../catalog/types';
import type { Span } from '../../policy/model';
import type { IamPolicySettings } from '../../protocol';
import { SAM_POLICY_TEMPLATES } from '../../templates/cloudformation/samPolicyTemplates';
import { policyAt, type TemplateDocument } from '../../templates/document';
import type { NamedPolicy } from '../../templates/types';
import { doHover } from '../hover';
import { hostRange } from './positions';

const SAM_TEMPLATE_LIST = 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-list.html';

function inside(span: Span, offset: number): boolean {
  return span.offset <= offset && offset <= span.offset + span.length;
}

/** What a named policy grants, as markdown. */
export function namedPolicyMarkdown(name: string): string {
  const template = SAM_POLICY_TEMPLATES[name];
  if (template) {
    const statements = template.statements.map(
      s => `- ${s.actions.map(a => `\`${a}\``).join(', ')} on ${s.resources.map(r => `\`${r}\``).join(', ')}${s.condition ? ` (${s.condition})` : ''}`,
    );
    const parameters = template.parameters.length ? `\n\nParameters: ${template.parameters.map(p => `\`${p}\``).join(', ')}.` : '';
    return `**${name}**: AWS SAM policy template. ${template.summary}\n\n${statements.join('\n')}${parameters}\n\n[AWS SAM policy template list](${SAM_TEMPLATE_LIST})`;
  }
  const managed = /^arn:[^:]*:iam::aws:policy\/(.+)$/.exec(name)?.[1] ?? (/^[A-Za-z0-9+=,.@_/-]+$/.test(name) ? name : undefined);
  return managed
    ? `**${managed}**: a managed policy named here (an AWS managed policy, or one of yours). Its statements are not in this template, so they are not checked here.`
    : `**${name}**: a named policy; its statements are not in this template.`;
}

function namedPolicyHover(template: TemplateDocument, named: NamedPolicy): Hover {
  const range = { start: template.textDocument.positionAt(named.span.offset), end: template.textDocument.positionAt(named.span.offset + named.span.length) };
  return { contents: { kind: 'markdown', value: namedPolicyMarkdown(named.name) }, range };
}

export function templateHover(template: TemplateDocument, offset: number, catalog: Catalog, settings: IamPolicySettings): Hover | null {
  const at = policyAt(template, offset);
  if (!at) {
    const named = template.read.namedPolicies.find(n => inside(n.span, offset));
    return named ? namedPolicyHover(template, named) : null;
  }
  const hover = doHover(at.policy.doc, at.offset, catalog, settings);
  if (!hover) return null;
  return hover.range ? { ...hover, range: hostRange(template, at.policy, hover.range) } : hover;
}
