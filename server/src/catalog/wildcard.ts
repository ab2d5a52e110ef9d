// IAM's * and ? wildcards and ${...} placeholders as regular expressions.

const VARIABLE = /\$\{[^}]*\}/;

export const hasWildcard = (text: string): boolean => /[*?]/.test(text);

/**
 * Whether an Action value has a wildcard before its colon (`*:*`, `s3*:Get*`). IAM's grammar makes an
 * action "a service namespace, a colon, and the name of an action"; only "action names can include
 * wildcards" (IAM User Guide, "Grammar of the IAM JSON policy language", action_string:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html), and IAM Access
 * Analyzer reports a service that does not exist as an error ("Invalid service in action",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html).
 * Such a value is malformed (IAM100) and matches no action anywhere: rules, hover, summary, simulator.
 */
export function hasServiceWildcard(action: string): boolean {
  const colon = action.indexOf(':');
  return colon > 0 && hasWildcard(action.slice(0, colon));
}

/** Regular-expression source of text whose * and ? become `star` and `one`; all else is literal. */
function globSource(text: string, star: string, one: string): string {
  return text.replace(/[.+^${}()|[\]\\*?]/g, c => (c === '*' ? star : c === '?' ? one : `\\${c}`));
}

/** One segment of an ARN in a policy (`s3*`, `${aws:x}`): case-sensitive, never crossing a colon. */
export function arnSegmentRegExp(segment: string): RegExp {
  const source = segment.split(VARIABLE).map(part => globSource(part, '[^:]*', '[^:]')).join('[^:]*');
  return new RegExp(`^${source}$`, 's');
}

/**
 * `aws:ResourceTag/${TagKey}` -> a case-insensitive pattern where each `${...}` matches one or more
 * characters, and the lower-case text it starts with, to test a lower-case key before the pattern
 * (exact for ASCII text: without the u flag, /i folds no other character into ASCII; else "").
 */
export function keyTemplate(template: string): { prefix: string; pattern: RegExp } {
  const literals = template.split(VARIABLE);
  const source = literals.map(literal => globSource(literal, '\\*', '\\?')).join('.+');
  return { prefix: /^[\x00-\x7f]*$/.test(literals[0]) ? literals[0].toLowerCase() : '', pattern: new RegExp(`^${source}$`, 'is') };
}
