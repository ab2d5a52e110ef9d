// SARIF 2.1.0 for code-scanning services (GitHub, Azure DevOps, ...): every rule with its
// metadata and its entry of docs/rules.md as help (what, why, an example, the fix), one result per
// diagnostic, locations relative to the working folder (%SRCROOT%). Columns are UTF-16 code units,
// as in the editor. No helpUri: the rules have no public web page, and their help is inline.
// GitHub's ingestion limits (docs.github.com, "SARIF results exceed limit") are kept: see
// MAX_RESULTS below.
import { pathToFileURL } from 'node:url';
import type { Artifact, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import { RULES_BY_CODE } from '../rules';
import { installedRuleDocs } from '../catalog/ruleDocs';
import { SEVERITIES, type Severity } from '../rules/types';
import type { FileReport } from './lint';
import { DATA_PACKAGE, type DataInfo, TOOL_NAME, TOOL_VERSION } from './manifest';
import { foldedOf, messageText, plural, severityName, type Formatter } from './report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
/**
 * GitHub code scanning rejects a run of more than 25,000 results (and shows the 5,000 most
 * severe): a larger run keeps its most severe 25,000 and says how many it left out.
 */
export const MAX_RESULTS = 25_000;

function ruleDescriptors(): ReportingDescriptor[] {
  const docs = installedRuleDocs();
  return [...RULES_BY_CODE.values()].map(rule => {
    const doc = docs.get(rule.code);
    return {
      id: rule.code,
      name: rule.name,
      shortDescription: { text: rule.summary },
      fullDescription: { text: doc?.description ?? rule.summary },
      ...(doc ? { help: { text: doc.text, markdown: doc.markdown } } : {}),
      defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
      properties: { category: rule.category, tags: [rule.category] },
    };
  });
}

/** A path relative to the working folder as a URI reference (each segment percent-encoded). */
function relativeUri(display: string): string {
  return display.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** Each rule's place in the run's rules (ruleDescriptors keeps the registry's order). */
const RULE_INDEX = new Map([...RULES_BY_CODE.keys()].map((code, index) => [code, index]));

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
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
      // the findings folded into this one (one problem, one finding), where they are
      ...(folded.length
        ? {
            relatedLocations: folded.map((f, id) => {
              const end = file.doc.textDocument.positionAt(f.offset + f.length);
              return {
                id,
                message: { text: `${f.code}: ${f.message}` },
                physicalLocation: {
                  artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
                  region: { startLine: f.line, startColumn: f.column, endLine: end.line + 1, endColumn: end.character + 1 },
                },
              };
            }),
          }
        : {}),
    };
  });
}

interface SarifEntry {
  artifact: Artifact;
  results: Result[];
}

const SEVERITY_RANK = new Map<Result.level | undefined, number>(SEVERITIES.map(severity => [LEVEL[severity], SEVERITIES.indexOf(severity)]));

/** The results that GitHub accepts: all, or the most severe MAX_RESULTS (in file order), with a note of the rest. */
function withinLimit(all: Result[], notifications: Notification[]): Result[] {
  if (all.length <= MAX_RESULTS) return all;
  const kept = new Set([...all].sort((a, b) => SEVERITY_RANK.get(a.level)! - SEVERITY_RANK.get(b.level)!).slice(0, MAX_RESULTS));
  notifications.push({
    level: 'warning',
    message: {
      text: `${plural(all.length - MAX_RESULTS, 'less severe result')} left out: GitHub code scanning rejects a run of more than ${MAX_RESULTS} results.`,
    },
  });
  return all.filter(result => kept.has(result));
}

/** Each file's results (not its parse), written as one log at the end. */
export function sarifFormatter(cwd: string, data: DataInfo): Formatter<SarifEntry> {
  return {
    entry: report => ({ artifact: { location: { uri: relativeUri(report.file.display), uriBaseId: '%SRCROOT%' } }, results: results(report) }),
    end(entries, { problems }) {
      const notifications: Notification[] = problems.map(problem => ({ level: 'error', message: { text: problem } }));
      const runResults = withinLimit(
        entries.flatMap(entry => entry.results),
        notifications,
      );
      const log: Log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: { name: TOOL_NAME, version: TOOL_VERSION, rules: ruleDescriptors() },
              // the IAM data the results were found with
              extensions: [{ name: DATA_PACKAGE, version: data.version, releaseDateUtc: data.date }],
            },
            originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
            columnKind: 'utf16CodeUnits',
            invocations: [{ executionSuccessful: problems.length === 0, toolExecutionNotifications: notifications }],
            artifacts: entries.map(entry => entry.artifact),
            results: runResults,
          },
        ],
      };
      return JSON.stringify(log, null, 2) + '\n';
    },
  };
}
