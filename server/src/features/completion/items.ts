// Completion items from proposals: every item replaces the site's whole word (quotes included), so
// the editor filters on what was typed, and brings the quotes, commas and value skeleton that keep
// the JSON valid. Proposals say what to insert; this module says how.
import { type CompletionItem, CompletionItemKind, InsertTextFormat, type MarkupContent, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { PolicyDocument } from '../../policy/model';
import type { CompletionSite } from './site';
import { splitAtVariables } from '../../util/policyVariables';

export interface Proposal {
  label: string;
  kind: CompletionItemKind;
  /** the plain text the item stands for (inside the quotes); filtering matches it */
  text: string;
  /** snippet form of `text`, with tab stops */
  snippet?: string;
  detail?: string;
  /** shown beside the label, e.g. a service name or a resource type */
  description?: string;
  documentation?: string | MarkupContent;
  sortText: string;
  /** open completion again after inserting (a service prefix, a key with an empty value) */
  retrigger?: boolean;
  /** documentation left to completionItem/resolve (see resolveCompletion), keeping long lists small */
  resolve?: ResolveKind;
}

export type ResolveKind = 'action' | 'operator' | 'key';

/** VS Code's command that opens completion again; only a client that says it runs it gets it. */
const RETRIGGER = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/** What the client does with completion items (its capabilities at initialize). */
export interface CompletionClient {
  /** it expands snippets (textDocument.completion.completionItem.snippetSupport) */
  snippets: boolean;
  /** it runs `editor.action.triggerSuggest` (an experimental capability of our VS Code client) */
  retrigger: boolean;
}

/** VS Code's: the default of the unit tests. */
export const FULL_COMPLETION_CLIENT: CompletionClient = { snippets: true, retrigger: true };

/** The inside of a JSON string literal for `text`. */
export function jsonEscape(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** Escapes text for use inside a snippet. */
export function snippetEscape(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** A snippet tab stop with the text `choices[0]`, or a choice among them when there are several. */
export function tabStop(stop: number, choices: readonly string[]): string {
  return choices.length > 1 ? `\${${stop}|${choices.map(c => c.replace(/[\\|,]/g, '\\$&')).join(',')}|}` : `\${${stop}:${snippetEscape(choices[0])}}`;
}

/** `aws:ResourceTag/${TagKey}` -> `aws:ResourceTag/${1:TagKey}`: each ${Name} becomes a tab stop. */
export function placeholdersToTabStops(text: string): string {
  let stop = 1;
  return splitAtVariables(text)
    .map((part, i) => (i % 2 ? `\${${stop++}:${snippetEscape(part)}}` : snippetEscape(part)))
    .join('');
}

/**
 * A snippet as the text an editor inserts when the user accepts every default (the first choice,
 * the placeholder's text; `$0` and mirrors of empty stops are nothing): what a client without
 * snippet support gets instead, with the same result.
 */
export function snippetToPlainText(snippet: string): string {
  let i = 0;
  const values = new Map<string, string>();
  function parse(until: string | undefined): string {
    let out = '';
    while (i < snippet.length) {
      const c = snippet[i];
      if (until !== undefined && c === until) return out;
      if (c === '\\' && i + 1 < snippet.length) {
        out += snippet[i + 1];
        i += 2;
        continue;
      }
      const simple = /^\$(\d+)/.exec(snippet.slice(i));
      if (simple) {
        out += values.get(simple[1]) ?? '';
        i += simple[0].length;
        continue;
      }
      const open = /^\$\{(\d+)([:|}])/.exec(snippet.slice(i));
      if (!open) {
        out += c;
        i++;
        continue;
      }
      i += open[0].length;
      let value = values.get(open[1]) ?? ''; // `${2}` mirrors tab stop 2
      if (open[2] === ':') {
        value = parse('}');
        i++;
      } else if (open[2] === '|') {
        const choices = [''];
        for (; snippet[i] !== '|'; i++) {
          if (snippet[i] === '\\') choices[choices.length - 1] += snippet[++i];
          else if (snippet[i] === ',') choices.push('');
          else choices[choices.length - 1] += snippet[i];
        }
        value = choices[0];
        i += 2; // the closing |}
      }
      values.set(open[1], value);
      out += value;
    }
    return out;
  }
  return parse(undefined);
}

/** Whether `word` is a subsequence of `text` (lower case both): the least an editor's fuzzy filter needs. */
export function isSubsequence(word: string, text: string): boolean {
  let matched = 0;
  for (let i = 0; i < text.length && matched < word.length; i++) if (text[i] === word[matched]) matched++;
  return matched === word.length;
}

/**
 * At most `max` of the proposals that the typed word can still match, those that start with it first
 * (in their order); a cut marks the list incomplete, so the editor asks again as the word grows.
 */
export function keepMatching<P extends Proposal>(items: ItemBuilder, proposals: readonly P[], max: number): P[] {
  const typed = items.site.typed.toLowerCase();
  const matching = proposals.filter(p => isSubsequence(typed, p.text.toLowerCase()));
  if (matching.length <= max) return matching;
  items.incomplete = true;
  const starts = (p: P) => p.text.toLowerCase().startsWith(typed);
  return [...matching.filter(starts), ...matching.filter(p => !starts(p))].slice(0, max);
}

/** Zero-padded rank for sortText: group first, then rank within the group. */
export function sortKey(group: number, rank = 0): string {
  return `${group}${String(rank).padStart(5, '0')}`;
}

export class ItemBuilder {
  /** set when a list was cut short: the editor must ask again as the word grows */
  incomplete = false;
  /** the site's range and missing comma, the same for every item that replaces the site */
  private readonly siteRange: Range;
  private readonly commaEdits: TextEdit[] | undefined;

  constructor(
    readonly doc: PolicyDocument,
    readonly site: CompletionSite,
    private readonly client: CompletionClient = FULL_COMPLETION_CLIENT,
  ) {
    this.siteRange = this.range(site.start, site.end);
    const at = site.commaBefore;
    this.commaEdits = at === undefined ? undefined : [{ range: this.range(at, at), newText: ',' }];
  }

  range(start: number, end: number): Range {
    const at = this.doc.textDocument;
    return { start: at.positionAt(start), end: at.positionAt(end) };
  }

  /** A JSON string value, with its quotes; `retrigger` leaves the cursor before the closing quote. */
  string(p: Proposal): CompletionItem {
    if (p.snippet === undefined && !p.retrigger) return this.replacing(p, JSON.stringify(p.text) + this.trailer(), false);
    const body = p.snippet ?? snippetEscape(jsonEscape(p.text));
    return this.replacing(p, `"${body}${p.retrigger ? '$0' : ''}"${this.trailer()}`, true);
  }

  /** A property key, with a value skeleton (snippet) unless a value already follows. */
  key(p: Proposal, valueSkeleton: string): CompletionItem {
    if (this.site.keyOnly) return this.replacing({ ...p, retrigger: false }, `"${p.snippet ?? jsonEscape(p.text)}"`, p.snippet !== undefined);
    const name = p.snippet ?? snippetEscape(jsonEscape(p.text));
    return this.replacing(p, `"${name}": ${valueSkeleton}${this.trailer()}`, true);
  }

  /** A non-string JSON value (object or array skeleton), given as a snippet. */
  value(p: Proposal, snippet: string): CompletionItem {
    return this.replacing(p, snippet + this.trailer(), true);
  }

  /** An edit of part of the string being typed (an ARN segment, a policy variable); `suffix` is in snippet form if `p` is. */
  inner(p: Proposal, start: number, end: number, suffix = ''): CompletionItem {
    const textEdit: TextEdit = { range: this.range(start, end), newText: (p.snippet ?? p.text) + suffix };
    return this.item(p, textEdit, p.text, p.snippet !== undefined);
  }

  private trailer(): string {
    return this.site.commaAfter ? ',' : '';
  }

  private replacing(p: Proposal, newText: string, snippet: boolean): CompletionItem {
    const filterText = (this.site.quoted ? '"' : '') + p.text;
    const item = this.item(p, { range: this.siteRange, newText: (this.site.spaceBefore ? ' ' : '') + newText }, filterText, snippet);
    if (this.commaEdits) item.additionalTextEdits = this.commaEdits;
    return item;
  }

  private item(p: Proposal, textEdit: TextEdit, filterText: string, snippet: boolean): CompletionItem {
    if (snippet && !this.client.snippets) textEdit = { range: textEdit.range, newText: snippetToPlainText(textEdit.newText) };
    const item: CompletionItem = { label: p.label, kind: p.kind, sortText: p.sortText, filterText, textEdit };
    if (snippet && this.client.snippets) item.insertTextFormat = InsertTextFormat.Snippet;
    if (p.detail) item.detail = p.detail;
    if (p.description) item.labelDetails = { description: p.description };
    if (p.documentation) item.documentation = p.documentation;
    if (p.retrigger && this.client.retrigger) item.command = RETRIGGER;
    if (p.resolve) item.data = p.resolve;
    return item;
  }
}

export { CompletionItemKind };
