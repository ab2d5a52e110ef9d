// What GitHub code scanning needs of a SARIF log beyond its schema, written as checks: the GitHub
// rules of Microsoft's SARIF Multitool (`sarif validate`, rules GH1001-GH1007, sarif-sdk's
// docs/ValidationRules.md), the Multitool's SARIF rules that a consumer relies on (SARIF1001,
// SARIF1004, SARIF1005, SARIF1007, SARIF1009, SARIF1010), and the limits of GitHub's "SARIF results
// exceed limit" page (runs per file, rules and results per run, locations per result, tags per rule).
// Each problem is "RULE: where: what".
import type { Log, Result } from 'sarif';

/** GitHub's limits: above these, an upload is rejected. */
export const GITHUB_LIMITS = { runs: 20, rulesPerRun: 25_000, resultsPerRun: 25_000, locationsPerResult: 1_000, tagsPerRule: 20 } as const;

const isAbsoluteUri = (uri: string) => /^[a-z][a-z0-9+.-]*:/i.test(uri);

function locationProblems(result: Result, where: string, problems: string[]): void {
  if (!result.locations?.length) {
    problems.push(`GH1001: ${where}: no locations`);
    return;
  }
  if (result.locations.length > GITHUB_LIMITS.locationsPerResult) problems.push(`GH1004: ${where}: ${result.locations.length} locations`);
  result.locations.forEach((location, index) => {
    const at = `${where}.locations[${index}]`;
    const artifact = location.physicalLocation?.artifactLocation;
    if (!artifact?.uri) {
      problems.push(`GH1001: ${at}: no physicalLocation.artifactLocation.uri`);
      return;
    }
    const absolute = isAbsoluteUri(artifact.uri);
    if (absolute && !artifact.uri.startsWith('file:')) problems.push(`GH1005: ${at}: ${artifact.uri} is not a file path`);
    if (absolute && artifact.uri.startsWith('file:')) problems.push(`GH1006: ${at}: an absolute file URI needs a checkout path`);
    if (absolute && artifact.uriBaseId) problems.push(`SARIF1004: ${at}: uriBaseId with an absolute uri`);
    if (/(^|\/)\.\.(\/|$)/.test(artifact.uri)) problems.push(`SARIF1002: ${at}: '..' segment`);
    const region = location.physicalLocation!.region;
    if (!region || region.startLine === undefined) {
      problems.push(`GH1003: ${at}: no region.startLine`);
      return;
    }
    const endLine = region.endLine ?? region.startLine;
    if (endLine < region.startLine) problems.push(`SARIF1007: ${at}: endLine before startLine`);
    if (endLine === region.startLine && region.endColumn !== undefined && region.endColumn < (region.startColumn ?? 1)) {
      problems.push(`SARIF1007: ${at}: endColumn before startColumn`);
    }
  });
  result.relatedLocations?.forEach((related, index) => {
    if (related.message === undefined) problems.push(`GH1007: ${where}.relatedLocations[${index}]: no message`);
  });
  for (const flow of result.codeFlows ?? []) {
    for (const thread of flow.threadFlows) {
      if (thread.locations.some(l => l.index !== undefined)) problems.push(`GH1002: ${where}: a threadFlowLocation by index`);
    }
  }
}

/** Every way the log breaks GitHub's ingestion rules; empty when GitHub takes all of it. */
export function githubIngestionProblems(log: Log): string[] {
  const problems: string[] = [];
  if (log.version !== '2.1.0') problems.push(`version: ${log.version}`);
  if (log.runs.length > GITHUB_LIMITS.runs) problems.push(`GH1004: ${log.runs.length} runs`);
  log.runs.forEach((run, runIndex) => {
    const where = `runs[${runIndex}]`;
    const rules = run.tool.driver.rules ?? [];
    if (rules.length > GITHUB_LIMITS.rulesPerRun) problems.push(`GH1004: ${where}: ${rules.length} rules`);
    rules.forEach((rule, index) => {
      if (rule.name === rule.id) problems.push(`SARIF1001: ${where}.rules[${index}]: name equals id`);
      if (rule.helpUri !== undefined && !isAbsoluteUri(rule.helpUri)) problems.push(`SARIF1005: ${where}.rules[${index}]: relative helpUri`);
      const tags = (rule.properties?.tags ?? []) as unknown[];
      if (tags.length > GITHUB_LIMITS.tagsPerRule) problems.push(`GH1004: ${where}.rules[${index}]: ${tags.length} tags`);
    });
    for (const [id, base] of Object.entries(run.originalUriBaseIds ?? {})) {
      if (base.uriBaseId === undefined && !isAbsoluteUri(base.uri ?? '')) problems.push(`SARIF1004: ${id}: not an absolute URI`);
      if (!base.uri?.endsWith('/')) problems.push(`SARIF1004: ${id}: does not end with a slash`);
      if (/[?#]/.test(base.uri ?? '')) problems.push(`SARIF1004: ${id}: query or fragment`);
    }
    const results = run.results ?? [];
    if (results.length > GITHUB_LIMITS.resultsPerRun) problems.push(`GH1004: ${where}: ${results.length} results`);
    results.forEach((result, index) => {
      const at = `${where}.results[${index}]`;
      if (!result.ruleId && !result.rule?.id) problems.push(`SARIF1010: ${at}: no ruleId`);
      if (result.ruleIndex !== undefined && rules[result.ruleIndex]?.id !== result.ruleId) problems.push(`SARIF1009: ${at}: ruleIndex does not name ruleId`);
      if (!result.message.text && !result.message.markdown && !result.message.id) problems.push(`${at}: no message`);
      locationProblems(result, at, problems);
    });
  });
  return problems;
}
