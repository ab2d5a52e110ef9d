// SARIF 2.1.0 for code-scanning services (GitHub, Azure DevOps, ...): every rule with its
// metadata and a help link to docs/rules.md, one result per diagnostic, locations relative to the
// working folder (%SRCROOT%). Columns are UTF-16 code units, as in the editor.
import { pathToFileURL } from 'node:url';
import type { Artifact, Log, ReportingDescriptor, Result } from 'sarif';
import { RULES_DOC_URL } from '../features/diagnostics';
import { RULES_BY_CODE } from '../rules';
import type { Severity } from '../rules/types';
import type { FileReport } from './lint';
import { DATA_PACKAGE, type DataInfo, TOOL_NAME, TOOL_URI, TOOL_VERSION } from './manifest';
import { foldedOf, messageText, severityName, type Formatter } from './report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

const RULES: ReportingDescriptor[] = [...RULES_BY_CODE.values()].map(rule => ({
  id: rule.code,
  name: rule.name,
  shortDescription: { text: rule.summary },
  helpUri: `${RULES_DOC_URL}#${rule.code.toLowerCase()}`,
  defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
  properties: { category: rule.category, tags: [rule.category] },
}));
const RULE_INDEX = new Map(RULES.map((rule, index) => [rule.id, index]));

/** A path relative to the working folder as a URI reference (each segment percent-encoded). */
function relativeUri(display: string): string {
  return display.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function results(file: FileReport): Result[] {
  const uri = relativeUri(file.file.display);
  return file.diagnostics.map(d => {
    const code = String(d.code);
    const ruleIndex = RULE_INDEX.get(code);
    const folded = foldedOf(file, d);
    return {
      ruleId: code,
      ...(ruleIndex !== undefined ? { ruleIndex } : {}),
      level: LEVEL[severityName(d)],
      message: { text: messageText(d) },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
          region: {
            startLine: d.range.start.line + 1,
            startColumn: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
          },
        },
      }],
      // the findings folded into this one (one problem, one finding), where they are
      ...(folded.length ? {
        relatedLocations: folded.map((f, id) => {
          const end = file.doc.textDocument.positionAt(f.offset + f.length);
          return {
            id, message: { text: `${f.code}: ${f.message}` },
            physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: { startLine: f.line, startColumn: f.column, endLine: end.line + 1, endColumn: end.character + 1 } },
          };
        }),
      } : {}),
    };
  });
}

interface SarifEntry { artifact: Artifact; results: Result[] }

/** Each file's results (not its parse), written as one log at the end. */
export function sarifFormatter(cwd: string, data: DataInfo): Formatter<SarifEntry> {
  return {
    entry: report => ({ artifact: { location: { uri: relativeUri(report.file.display), uriBaseId: '%SRCROOT%' } }, results: results(report) }),
    end(entries, { problems }) {
      const log: Log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [{
          tool: {
            driver: { name: TOOL_NAME, version: TOOL_VERSION, informationUri: TOOL_URI, rules: RULES },
            // the IAM data the results were found with
            extensions: [{ name: DATA_PACKAGE, version: data.version, releaseDateUtc: data.date }],
          },
          originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
          columnKind: 'utf16CodeUnits',
          invocations: [{
            executionSuccessful: problems.length === 0,
            toolExecutionNotifications: problems.map(problem => ({ level: 'error' as const, message: { text: problem } })),
          }],
          artifacts: entries.map(entry => entry.artifact),
          results: entries.flatMap(entry => entry.results),
        }],
      };
      return JSON.stringify(log, null, 2) + '\n';
    },
  };
}
