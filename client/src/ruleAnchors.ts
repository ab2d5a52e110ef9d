// Where each rule's entry starts in docs/rules.md (kept apart from the vscode API so it can be tested).

/** Line (1-based) of the heading under each `<a id="iamNNN"></a>` anchor of the rules document. */
export function anchorLines(markdown: string): Map<string, number> {
  const lines = new Map<string, number>();
  markdown.split('\n').forEach((line, index) => {
    const match = /^<a id="(iam\d{3})"><\/a>/.exec(line);
    if (match) lines.set(match[1], index + 2);
  });
  return lines;
}
