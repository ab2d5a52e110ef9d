// The machine-readable report: one object with every file's findings (1-based lines and columns,
// and 0-based UTF-16 offsets) and the counts.
import type { FindingData } from '../rules/types';
import type { FileReport } from './lint';
import { DATA_PACKAGE, type DataInfo, TOOL_NAME, TOOL_VERSION } from './manifest';
import { findingFields, foldedOf, type Formatter } from './report';

function fileJson(file: FileReport, summary: string | undefined) {
  const { textDocument } = file.doc;
  return {
    path: file.file.display,
    ...(file.doc.templateContents ? { template: file.doc.templateContents } : { kind: file.doc.kind, kindSource: file.doc.kindSource }),
    fixed: file.fixed,
    ...(summary !== undefined ? { summary } : {}),
    findings: file.diagnostics.map(d => {
      const offset = textDocument.offsetAt(d.range.start);
      const replacements = (d.data as FindingData | undefined)?.replacements;
      const folded = foldedOf(file, d);
      return {
        ...findingFields(d),
        offset,
        length: textDocument.offsetAt(d.range.end) - offset,
        ...(replacements?.length ? { replacements } : {}),
        ...(folded.length
          ? { folded: folded.map(({ code, message, line, column, offset, length }) => ({ code, message, line, column, offset, length })) }
          : {}),
        help: d.codeDescription?.href,
      };
    }),
  };
}

/** Each file's findings (not its parse), written as one object at the end, with the IAM data they were found with. */
export function jsonFormatter(data: DataInfo): Formatter<ReturnType<typeof fileJson>> {
  return {
    entry: fileJson,
    end: (files, { counts, problems }) =>
      JSON.stringify({ tool: { name: TOOL_NAME, version: TOOL_VERSION, data: { package: DATA_PACKAGE, ...data } }, files, counts, problems }, null, 2) + '\n',
  };
}
