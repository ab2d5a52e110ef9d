// Completion. (Placeholder until the completion feature lands: see issue 5.)
import type { CompletionList } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/types';
import type { PolicyDocument } from '../policy/model';
import type { IamPolicySettings } from '../protocol';

export function doComplete(_doc: PolicyDocument, _offset: number, _catalog: Catalog, _settings: IamPolicySettings): CompletionList {
  return { isIncomplete: false, items: [] };
}
