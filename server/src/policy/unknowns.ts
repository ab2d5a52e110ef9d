// Values known only at deploy time. A policy read from a template writes each intrinsic or
// interpolation as `${text}` (templates/virtual.ts) and lists them; rules never call such a value
// wrong, and judge only the parts of a value that are written out.

import type { PolicyDocument } from './model';

/** Whether the text holds a template's unknown value (`${AWS::Region}`, `${var.bucket}`). */
export function hasUnknown(doc: Pick<PolicyDocument, 'template'>, text: string): boolean {
  const unknowns = doc.template?.unknowns;
  if (!unknowns || unknowns.size === 0 || !text.includes('${')) return false;
  for (const unknown of unknowns) if (text.includes(unknown)) return true;
  return false;
}

/** Whether a `${...}` token of the text is a template's unknown rather than a policy variable. */
export function isUnknownToken(doc: Pick<PolicyDocument, 'template'>, token: string): boolean {
  return doc.template?.unknowns.has(token) === true;
}

/** Whether statements or elements may be added at deploy time: what is missing cannot be judged. */
export function isPartial(doc: Pick<PolicyDocument, 'template'>): boolean {
  return doc.template?.partial === true;
}
