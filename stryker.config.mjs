// Mutation testing: npm run mutate (not part of CI's budget; docs/testing.md has the last summary).
// Stryker changes the code of the rules, the shared analysis and the fixes one mutant at a time and
// runs the unit tests that reach it: a mutant no test kills is a change of behaviour nobody would
// notice. The tests run on mocha (test/mutation/nodeTestOnMocha.cjs says why), only the unit tests
// of these folders, without a build: tsx compiles the TypeScript, the catalog comes from
// dist/catalog.json (npm run build once). Incremental: a run tests again only the mutants whose
// code or tests changed since reports/mutation/incremental.json (not committed: see docs/testing.md).
import { resolve } from 'node:path';

// the tests find ../shared (the corpus, the other linters' policies) from the sandbox through this
process.env.IAM_POLICY_SHARED_DIR ??= resolve('..', 'shared');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'mocha',
  plugins: ['@stryker-mutator/mocha-runner', './test/mutation/humanTextIgnorer.mjs'],
  ignorers: ['human-text'],
  // Module-level values (rule metadata, tables) can only be mutated by loading every test file
  // again in a new process: about 5 s a mutant, most of a run. They are left out (docs/testing.md).
  ignoreStatic: true,
  testRunnerNodeArgs: ['--import', 'tsx'],
  coverageAnalysis: 'perTest',
  mutate: [
    'server/src/rules/**/*.ts',
    'server/src/analysis/**/*.ts',
    'server/src/features/fixes/**/*.ts',
    'server/src/templates/**/*.ts',
    '!server/src/rules/types.ts',
    '!server/src/templates/types.ts',
    // tables: module-level values, left out as the rule metadata is (ignoreStatic)
    '!server/src/templates/**/*.generated.ts',
    '!server/src/templates/cloudformation/samPolicyTemplates.ts',
  ],
  mochaOptions: {
    'no-config': true,
    'no-package': true,
    require: ['./test/mutation/nodeTestOnMocha.cjs'],
    // the unit tests of these folders; not fixes-property.test.ts (one 25 s test over the corpus
    // that reaches every mutant, so it would run again for each one that survives), nor the corpus
    // robustness test of zoneOfTrust.test.ts and the random edits of templates-incremental.test.ts
    // (grep below): they catch crashes and disagreements over whole corpora, not one behaviour
    spec: [
      'test/unit/rules-*.test.ts',
      'test/unit/fixes-conditions.test.ts',
      'test/unit/fixes-fixAll.test.ts',
      'test/unit/fixes-hardening.test.ts',
      'test/unit/fixes-jsonEdits.test.ts',
      'test/unit/fixes-narrow.test.ts',
      'test/unit/fixes-repairs.test.ts',
      'test/unit/fixes-split.test.ts',
      'test/unit/fixes-wildcards.test.ts',
      'test/unit/codeActions.test.ts',
      'test/unit/actionExpansions.test.ts',
      'test/unit/placeholders.test.ts',
      'test/unit/zoneOfTrust.test.ts',
      'test/unit/linter-fixtures.test.ts',
      // the template readers (not the corpus-wide tests, nor the bundle's, which needs the build)
      'test/unit/templates-core.test.ts',
      'test/unit/templates-cloudformation.test.ts',
      'test/unit/templates-serverless.test.ts',
      'test/unit/templates-terraform.test.ts',
      'test/unit/templates-terraform-plan.test.ts',
      'test/unit/templates-incremental.test.ts',
      'test/unit/templates-features.test.ts',
    ],
    grep: '^(?!the rule runs on every corpus policy|random edits of real templates)',
  },
  // the sandbox needs the built catalog, and nothing else that the build makes
  ignorePatterns: ['dist', '!dist/catalog.json', '.stryker-tmp*', '.editor-test', 'test-results', 'reports', '*.vsix'],
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  reporters: ['progress', 'clear-text', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 80, low: 70, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
