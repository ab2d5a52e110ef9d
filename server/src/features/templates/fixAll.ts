// "Fix all" on a template (the CLI's --fix, the editor's source.fixAll): every policy's safe fixes
// (features/fixes/fixAll.ts), each written in the template only when it reads back to the very fix
// (templates/hostEdits.ts). A fix that cannot be written safely is left for a person.
import type { TextEdit } from 'vscode-languageserver-types';
import type { Catalog } from '../../catalog/types';
import type { IamPolicySettings } from '../../protocol';
import { templateDocument, type EmbeddedPolicy, type ServedTemplate } from '../../templates/document';
import { applyChanges, verifiedHostEdits, type TextChange } from '../../templates/hostEdits';
import type { RuleErrorHandler } from '../diagnostics';
import { fixAll } from '../fixes/fixAll';
import { virtualChange } from './positions';

/** A fix may make others possible: repeat a few times on the template read again. */
const MAX_PASSES = 10;

/** The template changes of one policy's safe fixes: all together if they can be written, else each one that can. */
function policyChanges(template: ServedTemplate, policy: EmbeddedPolicy, edits: readonly TextEdit[]): TextChange[] {
  const changes = edits.map(e => virtualChange(policy, e));
  const together = verifiedHostEdits(template.template.text, policy, changes, template.reread);
  if (together) return together;
  return changes.flatMap(change => verifiedHostEdits(template.template.text, policy, [change], template.reread)?.slice(0, 1) ?? []);
}

/** The template's text with every safe fix applied, and how many fixes that was. */
export function fixTemplate(
  served: ServedTemplate,
  catalog: Catalog,
  settings: IamPolicySettings,
  onError: RuleErrorHandler,
): { served: ServedTemplate; fixed: number } {
  let current = served;
  let fixed = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const changes = current.template.policies.flatMap(policy => policyChanges(current, policy, fixAll(policy.doc, catalog, settings, onError)));
    if (changes.length === 0) break;
    const text = applyChanges(current.template.text, changes);
    const read = current.reread(text);
    if (!read || text === current.template.text) break;
    fixed += changes.length;
    const { uri, textDocument } = current.template;
    current = { template: templateDocument(uri, textDocument.languageId, text, read, current.template), reread: current.reread };
  }
  return { served: current, fixed };
}
