// The access summary of a template: each policy's, under the name of the resource and property
// that hold it.
import type { Catalog } from '../../catalog/types';
import type { TemplateDocument } from '../../templates/document';
import { formatSummaryMarkdown, formatSummaryText, summarizePolicy } from '../summary';

export function templateSummaryMarkdown(template: TemplateDocument, catalog: Catalog): string {
  const name = decodeURIComponent(template.uri.slice(template.uri.lastIndexOf('/') + 1));
  const sections = template.policies.map(policy => {
    const markdown = formatSummaryMarkdown(summarizePolicy(policy.doc, catalog));
    // each policy's own title names the file: the template's title does that once
    const body = markdown.slice(markdown.indexOf('\n') + 1);
    return `## ${policy.source.resource} · ${policy.source.property}\n${body}`;
  });
  return [
    `# Access summary: ${name}`,
    '',
    `${template.policies.length} ${template.policies.length === 1 ? 'policy' : 'policies'} in this template.`,
    '',
    ...sections,
  ].join('\n');
}

/** The same in plain text: each policy's summary under its resource and property. */
export function templateSummaryText(template: TemplateDocument, catalog: Catalog): string {
  return template.policies.map(p => `${p.source.resource} ${p.source.property}:\n${formatSummaryText(summarizePolicy(p.doc, catalog))}`).join('\n\n');
}
