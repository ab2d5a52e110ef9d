// The client command that turns the placeholders a fix inserted into a snippet's tab stops. LSP
// code actions cannot carry snippets, so a fix is a plain edit (valid JSON, with visible
// placeholders such as "<bucket-name>" that IAM090 points at, for editors without the command)
// plus, for a client that announced the command, this command to run after the edit. Shared by
// the server and the VS Code client.

export const INSERT_SNIPPET_COMMAND = 'iamPolicy.insertSnippet';

/** The `experimental` client capability a client sets to say it runs INSERT_SNIPPET_COMMAND. */
export const SNIPPET_CAPABILITY = 'iamPolicyInsertSnippet';

/** The `experimental` client capability of a client that runs VS Code's `editor.action.triggerSuggest` (completion items that reopen completion). */
export const TRIGGER_SUGGEST_CAPABILITY = 'iamPolicyTriggerSuggest';

export interface InsertSnippetArgs {
  uri: string;
  /** where the inserted text starts once the fix's edit is applied (UTF-16 offset) */
  offset: number;
  /** the text the edit inserted there; the client does nothing if the document has something else */
  text: string;
  /** the same text as a snippet: each placeholder a tab stop whose default is the inserted value */
  snippet: string;
}
