// Checks one template (CloudFormation, SAM, Serverless, Terraform, a Terraform plan) with the editor's
// engine: each policy in it, its findings placed in the template, and --fix written in the template's
// own syntax. The readers were loaded before the run (main.ts): here they are used as they are.
import { writeFileSync } from 'node:fs';
import type { RuleErrorHandler } from '../features/diagnostics';
import { templateDiagnostics } from '../features/templates/diagnostics';
import { fixTemplate } from '../features/templates/fixAll';
import { templateSummaryText } from '../features/templates/summary';
import { templateDocument, type ServedTemplate } from '../templates/document';
import { loadedTemplateReader } from '../templates/readers';
import type { TemplateFormat } from '../templates/types';
import type { InputFile } from './files';
import { errorText } from './io';
import type { CheckContext, FileReport, ReportedDocument } from './lint';
import { severityName, type FileOutcome } from './report';

const FORMAT_NAMES: Record<TemplateFormat, string> = {
  'cloudformation-json': 'CloudFormation template',
  'cloudformation-yaml': 'CloudFormation template',
  serverless: 'Serverless Framework service',
  terraform: 'Terraform file',
  'terraform-plan': 'Terraform plan',
};

function reported(served: ServedTemplate): ReportedDocument {
  const { template } = served;
  return {
    text: template.text,
    textDocument: template.textDocument,
    templateContents: {
      format: template.read.format,
      policies: template.policies.map(p => ({
        resource: p.source.resource,
        property: p.source.property,
        kind: p.doc.kind,
        line: template.textDocument.positionAt(p.source.span.offset).line + 1,
      })),
    },
  };
}

export function checkTemplate(
  file: InputFile,
  text: string,
  format: TemplateFormat,
  ctx: CheckContext,
  outcome: FileOutcome,
  onError: RuleErrorHandler,
): FileOutcome {
  const { settings, options } = ctx.job;
  const { problems } = outcome;
  const reader = loadedTemplateReader(format);
  const read = reader?.read(file.uri, text);
  if (!reader || !read || (read.policies.length === 0 && read.problems.length === 0)) {
    // a template without policies is nothing to check; named on the command line, it is a usage problem
    if (file.explicit) problems.push(`${file.display}: a ${FORMAT_NAMES[format]} without IAM policies`);
    return outcome;
  }
  let served: ServedTemplate = { template: templateDocument(file.uri, file.languageId, text, read), reread: changed => reader.read(file.uri, changed) };
  if (options.fix && format !== 'terraform-plan') {
    const result = fixTemplate(served, ctx.catalog, settings, onError);
    if (result.fixed) {
      served = result.served;
      outcome.fixed = result.fixed;
      if (file.path === undefined) ctx.stdout(served.template.text);
      else {
        try {
          writeFileSync(file.path, served.template.text);
        } catch (error) {
          problems.push(`${file.display}: cannot write the fixes: ${errorText(error)}`);
        }
      }
    } else if (file.path === undefined) ctx.stdout(text);
  }
  const report: FileReport = {
    file,
    doc: reported(served),
    diagnostics: templateDiagnostics(served.template, ctx.catalog, settings, onError),
    fixed: outcome.fixed,
  };
  for (const d of report.diagnostics) outcome.counts[severityName(d)]++;
  outcome.policies = served.template.policies.length;
  outcome.entry = ctx.formatter.entry(report, options.summary ? templateSummaryText(served.template, ctx.catalog) : undefined);
  return outcome;
}
