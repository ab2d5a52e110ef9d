// The folder shared beside the work tree (../shared: the corpus, the other linters' test policies).
// IAM_POLICY_SHARED_DIR names it where the tests run from a copy of the tree elsewhere (Stryker's
// sandbox, stryker.config.mjs).
import { join } from 'node:path';

export const SHARED_DIR = process.env.IAM_POLICY_SHARED_DIR ?? join(__dirname, '..', '..', '..', 'shared');
