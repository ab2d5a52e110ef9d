// The documents the server serves, each read once per version: a template with policies
// (CloudFormation, SAM, Serverless, Terraform) or a policy file; anything else is none of ours.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServedDocument } from '../features/served';
import type { IamPolicySettings } from '../protocol';
import { PolicyCache } from './policyDocuments';
import { TemplateCache } from './templateDocuments';

export class DocumentStore {
  private readonly policies = new PolicyCache();
  private readonly templates = new TemplateCache();

  async get(document: TextDocument, settings: IamPolicySettings): Promise<ServedDocument | undefined> {
    const template = await this.templates.get(document, settings);
    if (template) return template;
    const policy = this.policies.get(document, settings);
    return policy && { policy };
  }

  /** Records the kind the user chose for a policy file; null (or anything that is not a kind) detects it again. */
  setKind(uri: string, kind: unknown): void {
    this.policies.setKind(uri, kind);
  }

  delete(uri: string): void {
    this.policies.delete(uri);
    this.templates.delete(uri);
  }

  clear(): void {
    this.policies.clear();
    this.templates.clear();
  }
}
