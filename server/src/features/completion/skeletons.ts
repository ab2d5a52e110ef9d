// Whole policies of each kind, offered by completion in an empty or nearly empty document (`{}`), so
// that every editor gets them, not only VS Code through its snippets. One source: the snippets that
// snippets/iam-policy.code-snippets.json marks as file templates (VS Code's "fill an empty file").
// The kind the document is taken for (its file name says `*.rcp.json`) comes first.
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-types';
import SNIPPETS from '../../../../snippets/iam-policy.code-snippets.json';
import type { PolicyDocument, PolicyKind } from '../../policy/model';
import { type CompletionClient, FULL_COMPLETION_CLIENT, snippetToPlainText, sortKey } from './items';

interface Snippet {
  prefix: string[];
  description: string;
  body: string[];
  isFileTemplate?: boolean;
}

/** The kind of policy each whole-policy snippet is (a test keeps this in step with the file). */
export const SKELETON_KINDS: Readonly<Record<string, PolicyKind>> = {
  'IAM identity policy': 'identity',
  'S3 bucket policy': 'resource',
  'KMS key policy': 'resource',
  'Trust policy for an AWS service': 'trust',
  'Cross-account trust policy with an external ID': 'trust',
  'GitHub Actions OIDC trust policy': 'trust',
  'Service control policy (SCP)': 'scp',
  'Resource control policy (RCP)': 'rcp',
  'VPC endpoint policy': 'endpoint',
  'Permissions boundary': 'boundary',
};

const SKELETONS = Object.entries(SNIPPETS as Record<string, Snippet>)
  .filter(([, snippet]) => snippet.isFileTemplate)
  .map(([name, snippet]) => ({ name, kind: SKELETON_KINDS[name], description: snippet.description, body: snippet.body.join('\n') }));

/** Nothing written yet but white space, braces and quotes: the document is to become a policy. */
export function isNearlyEmpty(doc: PolicyDocument): boolean {
  return /^\{?"?"?\}?$/.test(doc.text.replace(/\s+/g, ''));
}

/**
 * The skeletons as items that replace the whole document: the main edit replaces the cursor's line
 * (LSP wants it on one line, around the cursor), additional edits remove the other lines. A client
 * without snippets gets the text with every default taken.
 */
export function skeletonItems(doc: PolicyDocument, offset: number, client: CompletionClient = FULL_COMPLETION_CLIENT): CompletionItem[] {
  const { textDocument, text } = doc;
  const line = textDocument.positionAt(offset).line;
  const lineStart = textDocument.offsetAt({ line, character: 0 });
  const lineEnd = textDocument.offsetAt({ line: line + 1, character: 0 }) - (text.slice(lineStart).includes('\n') ? 1 : 0);
  const range = (start: number, end: number) => ({ start: textDocument.positionAt(start), end: textDocument.positionAt(end) });
  const others: TextEdit[] = [
    ...(lineStart > 0 ? [{ range: range(0, lineStart), newText: '' }] : []),
    ...(lineEnd < text.length ? [{ range: range(lineEnd, text.length), newText: '' }] : []),
  ];
  const typed = text.slice(lineStart, offset);
  return SKELETONS.map(({ name, kind, description, body }, rank) => {
    const item: CompletionItem = {
      label: name,
      kind: CompletionItemKind.Snippet,
      detail: description,
      sortText: sortKey(kind === doc.kind && doc.kindSource !== 'default' ? 0 : 1, rank),
      filterText: typed + name,
      textEdit: { range: range(lineStart, lineEnd), newText: client.snippets ? body : snippetToPlainText(body) },
      insertTextFormat: client.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    };
    if (others.length) item.additionalTextEdits = others;
    return item;
  });
}
