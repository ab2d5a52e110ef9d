// The policies the benchmarks use: a small one, a 20 KB one made deterministically from corpus
// statements, and the largest policy of the corpus.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusFiles } from '../test/helpers/corpus';

export interface BenchPolicy {
  name: string;
  text: string;
}

export const LARGEST_NAME = 'aws-managed/AWSSupportServiceRolePolicy.json';

export function smallPolicy(): BenchPolicy {
  return { name: 'small', text: readFileSync(join(__dirname, '..', 'examples', 's3-read-one-prefix.iam.json'), 'utf8') };
}

const SIZE_20KB = 20 * 1024;

/** Statements of the corpus's AWS managed policies, in file order, that fit in 20 KB (19.5 KB at least). */
export function policyOf20Kb(): BenchPolicy {
  const statements: unknown[] = [];
  const text = () => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 4);
  for (const file of corpusFiles().filter(f => f.name.startsWith('aws-managed/'))) {
    const parsed = JSON.parse(file.text) as { Statement?: unknown };
    for (const statement of Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement]) {
      if (!statement) continue;
      statements.push(statement);
      if (text().length > SIZE_20KB) statements.pop();
      if (text().length >= SIZE_20KB - 512) return { name: '20kb', text: text() };
    }
  }
  throw new Error('the corpus has too few statements for a 20 KB policy');
}

export function largestPolicy(): BenchPolicy {
  const file = corpusFiles().find(f => f.name === LARGEST_NAME);
  if (!file) throw new Error(`${LARGEST_NAME} is not in the corpus`);
  return { name: 'largest', text: file.text };
}

/** Where completion and hover are asked: a few letters into the first action name of the text. */
export function actionOffset(text: string): number {
  const match = /"Action"\s*:\s*\[?\s*"([a-z0-9-]+):/.exec(text);
  if (!match) throw new Error('no action in the benchmark policy');
  return match.index + match[0].length + 3;
}
