// Code lenses of a template: the access summary above each policy and each of its statements, as
// in a policy file, placed in the template.
import type { CodeLens } from 'vscode-languageserver-types';
import type { Catalog } from '../../catalog/types';
import type { IamPolicySettings } from '../../protocol';
import type { TemplateDocument } from '../../templates/document';
import { provideCodeLenses } from '../codeLens';
import { hostRange } from './positions';

export function templateCodeLenses(template: TemplateDocument, catalog: Catalog, settings: IamPolicySettings): CodeLens[] {
  return template.policies.flatMap(policy =>
    provideCodeLenses(policy.doc, catalog, settings).map(lens => {
      const range = hostRange(template, policy, lens.range);
      // a lens sits on a line: the start of the policy or statement it sums up
      return { ...lens, range: { start: range.start, end: range.start } };
    }),
  );
}
