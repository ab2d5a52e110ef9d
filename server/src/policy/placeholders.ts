// Placeholders that documentation and templates leave in policies: `<ACCOUNT_ID>`, `<my-org-id>`,
// `<action>`, `{example-region-1}`. A policy with one is not deployable as it is, but it is not
// malformed either: rules that check a value's form skip values with a placeholder, and IAM090 warns
// once per value.

// `<ACCOUNT_ID>`, or `{AccountId}` as AWS's SCP examples and some templates write them (not `${...}`, a
// policy variable, nor `{8}`, a regular expression's count).
const PLACEHOLDER = /<[A-Za-z0-9][A-Za-z0-9 _.:\/-]*>|(?<!\$)\{[A-Za-z][A-Za-z0-9 _.:\/-]*\}/;

export function hasPlaceholder(text: string): boolean {
  return (text.includes('<') || text.includes('{')) && PLACEHOLDER.test(text);
}

/** Every placeholder in the text, in order. */
export function placeholdersIn(text: string): string[] {
  return hasPlaceholder(text) ? [...text.matchAll(new RegExp(PLACEHOLDER.source, 'g'))].map(m => m[0]) : [];
}

/** The first placeholder in the text, e.g. "<my-org-id>". */
export function firstPlaceholder(text: string): string | undefined {
  return hasPlaceholder(text) ? PLACEHOLDER.exec(text)?.[0] : undefined;
}
