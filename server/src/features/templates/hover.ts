// Hover on a policy inside a template: the policy's own hover, placed in the template.
import type { Hover } from 'vscode-languageserver-types';
import type { Catalog } from '../../catalog/types';
import type { IamPolicySettings } from '../../protocol';
import { policyAt, type TemplateDocument } from '../../templates/document';
import { doHover } from '../hover';
import { hostRange } from './positions';

export function templateHover(template: TemplateDocument, offset: number, catalog: Catalog, settings: IamPolicySettings): Hover | null {
  const at = policyAt(template, offset);
  if (!at) return null;
  const hover = doHover(at.policy.doc, at.offset, catalog, settings);
  if (!hover) return null;
  return hover.range ? { ...hover, range: hostRange(template, at.policy, hover.range) } : hover;
}
