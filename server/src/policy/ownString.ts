// Strings of a policy that do not keep the policy's text alive. V8 makes a slice of 13 characters or
// more a view into the string it was cut from; the rules keep action names and ARNs in caches that
// outlive documents, and each such view would hold a whole closed document in memory (4 MB of them
// after the corpus, growing with every document a session opens). The parse copies its strings.

/** A copy of `text` that refers to no other string. */
export function ownString(text: string): string {
  // concatenating makes a new flat string when the slice is taken; the result views only that copy
  return text.length < 13 ? text : (' ' + text).slice(1);
}

interface StringTreeNode {
  type: string;
  value?: unknown;
  children?: StringTreeNode[];
}

/** Replaces every string value of a jsonc-parser tree (property names included) by its own copy. */
export function ownStringsOf(root: StringTreeNode | undefined): void {
  const stack = root ? [root] : [];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'string' && typeof node.value === 'string') node.value = ownString(node.value);
    if (node.children) for (const child of node.children) stack.push(child);
  }
}
