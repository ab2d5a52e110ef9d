// The rules' documentation, docs/rules.md, ships beside the bundles (in the .vsix and in the npm
// package): diagnostics link to it where it is installed, and SARIF carries each rule's entry as its
// help. There is no public web page of the rules to link to instead.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One rule's entry of docs/rules.md. */
export interface RuleDoc {
  /** what the rule finds and why it matters (the entry's paragraphs before its example or fix), as plain text */
  description: string;
  /** the whole entry (what, why, example, fix) without its heading, as Markdown */
  markdown: string;
  /** the same as plain text */
  text: string;
}

/** docs/rules.md: beside dist/ in a package, or at the repository's root when running from source. */
export function rulesDocPath(): string | undefined {
  const candidates = [join(__dirname, '..', 'docs', 'rules.md'), join(__dirname, '..', '..', '..', 'docs', 'rules.md')]; // dist/ or server/src/catalog/
  return candidates.find(path => existsSync(path));
}

let docUri: string | null | undefined;

/** The file URI of the installed docs/rules.md (null when it is missing), looked up once. */
export function rulesDocUri(): string | null {
  if (docUri === undefined) {
    const path = rulesDocPath();
    docUri = path ? pathToFileURL(path).href : null;
  }
  return docUri;
}

/** Links to another entry (`[IAM022](#iam022)`) mean nothing outside the document: their text stays. */
const withoutLocalLinks = (markdown: string) => markdown.replace(/\[([^\]]*)\]\(#[^)]*\)/g, '$1');

/** Markdown to plain text: emphasis, code marks and fences go, links keep their address. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^```\w*\n?/gm, '')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Each rule's entry, by code (IAM100): from its `<a id="iam100"></a>` to the next entry or section. */
export function parseRuleDocs(markdown: string): Map<string, RuleDoc> {
  const docs = new Map<string, RuleDoc>();
  const lines = markdown.split('\n');
  lines.forEach((line, index) => {
    const anchor = /^<a id="(iam\d{3})"><\/a>$/.exec(line);
    if (!anchor) return;
    let end = index + 2; // past the anchor and the "## IAM100 name" heading
    while (end < lines.length && !/^(<a id=|# )/.test(lines[end])) end++;
    const entry = withoutLocalLinks(
      lines
        .slice(index + 2, end)
        .join('\n')
        .trim(),
    );
    const paragraphs = entry.split(/\n\s*\n/);
    const firstOther = paragraphs.findIndex((paragraph, at) => at > 0 && !paragraph.startsWith('Why:'));
    const whatAndWhy = paragraphs
      .slice(0, firstOther < 0 ? undefined : firstOther)
      .join(' ')
      .replace(/^\*\*\w+\.\*\*\s*/, '');
    docs.set(anchor[1].toUpperCase(), { description: plainText(whatAndWhy).replace(/\s*\n\s*/g, ' '), markdown: entry, text: plainText(entry) });
  });
  return docs;
}

let loaded: Map<string, RuleDoc> | undefined;

/** The installed docs/rules.md, parsed once (empty when the file is missing). */
export function installedRuleDocs(): Map<string, RuleDoc> {
  if (!loaded) {
    const path = rulesDocPath();
    loaded = path ? parseRuleDocs(readFileSync(path, 'utf8')) : new Map();
  }
  return loaded;
}
