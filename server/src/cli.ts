// iam-policy-lint: the engine on files, for CI. (First cut: text output and exit codes; the full
// checker of issue 8 grows from here.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getCatalog } from './catalog/loadCatalog';
import { collectFindings, severityOf } from './features/diagnostics';
import { policyFromText } from './policyDocuments';
import { withDefaults } from './protocol';

function policyFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter(entry => !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .flatMap(entry => entry.isDirectory() ? policyFiles(join(path, entry.name)) : entry.name.endsWith('.json') ? [join(path, entry.name)] : []);
}

function main(args: string[]): number {
  if (args.length === 0) {
    process.stderr.write('usage: iam-policy-lint <file or folder>...\n');
    return 2;
  }
  const settings = withDefaults(undefined);
  const catalog = getCatalog();
  let errors = 0;
  let warnings = 0;
  for (const file of args.flatMap(policyFiles)) {
    const text = readFileSync(file, 'utf8');
    const doc = policyFromText(pathToFileURL(file).href, 'iam-policy', text, settings);
    if (!doc) continue;
    for (const finding of collectFindings(doc, catalog, settings)) {
      const severity = severityOf(finding.code, settings);
      if (!severity) continue;
      if (severity === 'error') errors++;
      else if (severity === 'warning') warnings++;
      const { line, character } = doc.textDocument.positionAt(finding.offset);
      process.stdout.write(`${relative(process.cwd(), file)}:${line + 1}:${character + 1}: ${severity} ${finding.code} ${finding.message}\n`);
    }
  }
  process.stdout.write(`${errors} error(s), ${warnings} warning(s)\n`);
  return errors > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
