// Which open documents are templates with policies (CloudFormation, SAM, Serverless, Terraform), and
// their reading, cached per version. Reading a new version keeps the documents of the policies that
// did not change (templates/document.ts), and so what was worked out for them.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamPolicySettings } from '../protocol';
import { templateDocument, type ServedTemplate, type TemplateDocument } from '../templates/document';
import { loadTemplateReader, templateFormatOf } from '../templates/readers';
import type { TemplateReadResult } from '../templates/types';

/** Whether a reading has anything for us: a policy, a named policy, or a problem to report. */
function hasContent(read: TemplateReadResult): boolean {
  return read.policies.length > 0 || read.namedPolicies.length > 0 || read.problems.length > 0;
}

/** The template in a text, or undefined when it is none of ours (or the settings say to leave templates alone). */
export async function readTemplate(
  uri: string,
  languageId: string,
  text: string,
  settings: IamPolicySettings,
  previous?: TemplateDocument,
): Promise<ServedTemplate | undefined> {
  if (settings.templates === 'off') return undefined;
  const format = templateFormatOf(uri, languageId, text);
  if (!format) return undefined;
  const reader = await loadTemplateReader(format);
  // an edit of an open template: only what it touched is read again, where the reader can
  const read = (previous && previous.read.format === format && reader.readChange?.(uri, text, previous)) || reader.read(uri, text);
  if (!read || !hasContent(read)) return undefined;
  return { template: templateDocument(uri, languageId, text, read, previous), reread: changed => reader.read(uri, changed) };
}

export class TemplateCache {
  private readonly entries = new Map<string, { version: number; settings: IamPolicySettings; served: Promise<ServedTemplate | undefined> }>();

  get(document: TextDocument, settings: IamPolicySettings): Promise<ServedTemplate | undefined> {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) return cached.served;
    // the text now: an open document's object is updated in place by later edits
    const { uri, languageId } = document;
    const text = document.getText();
    const served = (cached?.served ?? Promise.resolve(undefined)).then(
      previous => readTemplate(uri, languageId, text, settings, previous?.template),
      () => readTemplate(uri, languageId, text, settings),
    );
    this.entries.set(document.uri, { version: document.version, settings, served });
    return served;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
