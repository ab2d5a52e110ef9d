// The shared corpus of real AWS policies (../shared/corpus), for tests and benchmarks.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SHARED_DIR } from './shared';

export const CORPUS_DIR = join(SHARED_DIR, 'corpus');
/** Real CloudFormation, SAM, Serverless and Terraform templates and plans (its SOURCES.md says from where). */
export const CORPUS_IAC_DIR = join(SHARED_DIR, 'corpus-iac');

/**
 * The three files SOURCES.md names as broken upstream, with the line (1-based) of the broken spot
 * and the syntax error it must get there: a comment, a trailing comma, a line break inside a string.
 */
export const BROKEN_UPSTREAM = new Map([
  ['scp/scp-examples__Service-specific-controls__AWS-IAM__deny-service-specific-credential-by-type.json', { line: 15, code: 'IAM002' }],
  ['resource/kms-devguide__kms-vpc-endpoint__08.json', { line: 42, code: 'IAM003' }],
  ['resource/s3-userguide__S3OutpostsAccessPointEditPolicy__00.json', { line: 12, code: 'IAM001' }],
]);

export interface CorpusFile {
  path: string;
  name: string;
  text: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : [],
  );
}

let cached: CorpusFile[] | undefined;

/** Every policy of the corpus, path relative to the corpus folder in `name`. */
export function corpusFiles(): CorpusFile[] {
  cached ??= walk(CORPUS_DIR)
    .sort()
    .map(path => ({ path, name: relative(CORPUS_DIR, path), text: readFileSync(path, 'utf8') }));
  return cached;
}
