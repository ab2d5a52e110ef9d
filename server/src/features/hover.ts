// Hover. (Placeholder until the hover feature lands: see issue 7.)
import type { Hover } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/types';
import type { PolicyDocument } from '../policy/model';
import type { IamPolicySettings } from '../protocol';

export function doHover(_doc: PolicyDocument, _offset: number, _catalog: Catalog, _settings: IamPolicySettings): Hover | null {
  return null;
}
