// `${...}`: a policy variable in a policy (`${aws:username}`; IAM User Guide, "IAM policy elements:
// Variables and tags"), or a placeholder in an ARN format or a condition key's name (`${BucketName}`,
// `aws:ResourceTag/${TagKey}`). It ends at the first closing brace. The simulator reads variables
// with a parser of its own (evaluation/variables.ts), which knows their names and default values.

/**
 * One `${...}`, its name captured. Global: for replace, matchAll and split (which ignore its
 * lastIndex), never for test or exec.
 */
export const POLICY_VARIABLE = /\$\{([^}]*)\}/g;

/** Whether the text opens a `${` (closed or not). */
export function hasVariable(text: string): boolean {
  return text.includes('${');
}

/** How many `${` the text opens. */
export function variableCount(text: string): number {
  return text.split('${').length - 1;
}

/** The text's parts and its variables' names, alternating: literal, name, literal, ..., literal. */
export function splitAtVariables(text: string): string[] {
  return text.split(POLICY_VARIABLE);
}

/** The text's parts around its variables: n + 1 literals around n variables. */
export function literalParts(text: string): string[] {
  return splitAtVariables(text).filter((_, i) => i % 2 === 0);
}

/** The text with each variable replaced by `by`, or by what `by` gives for the variable's name. */
export function replaceVariables(text: string, by: string | ((name: string) => string)): string {
  return typeof by === 'string' ? text.replace(POLICY_VARIABLE, by) : text.replace(POLICY_VARIABLE, (_, name: string) => by(name));
}
