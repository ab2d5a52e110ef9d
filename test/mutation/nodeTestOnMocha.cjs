// Runs the unit tests, written for node's test runner, on mocha inside Stryker (npm run mutate,
// stryker.config.mjs). Stryker's mocha runner loads the test files once and switches mutants in
// the same process, and knows which tests reach each mutant; node's runner would start a process
// per file and per mutant, which for these folders took hours. Loaded by mocha before the test
// files: `require('node:test')` then gets mocha's functions, with the part of node's API the unit
// tests use (test with options, before, after, describe, t.diagnostic). Anything else throws.
// Module-level memos that no catalog keys are not reset: their mutants are static (stryker.config.mjs).
'use strict';
const Module = require('node:module');

/** node's `test(name, [options], [fn])` on mocha's `it`, `fn` getting a context with what the tests use. */
function test(name, options, fn) {
  if (typeof options === 'function') [fn, options] = [options, {}];
  const body =
    fn &&
    function () {
      return fn({ name, diagnostic() {} });
    };
  if (options?.skip || options?.todo) return globalThis.it.skip(name, body);
  return globalThis.it(name, body);
}

const unsupported = name => () => {
  throw new Error(`node:test's ${name} is not mapped onto mocha (test/mutation/nodeTestOnMocha.cjs)`);
};

const nodeTestOnMocha = {
  test,
  it: test,
  describe: (name, fn) => globalThis.describe(name, fn),
  before: fn => globalThis.before(fn),
  after: fn => globalThis.after(fn),
  beforeEach: fn => globalThis.beforeEach(fn),
  afterEach: fn => globalThis.afterEach(fn),
  get mock() {
    return unsupported('mock')();
  },
  run: unsupported('run'),
};
nodeTestOnMocha.default = nodeTestOnMocha;

const load = Module._load;
Module._load = function loadWithNodeTestOnMocha(request, ...rest) {
  return request === 'node:test' ? nodeTestOnMocha : load.call(this, request, ...rest);
};

// Each test starts with a new catalog, so that no memo keyed by the catalog (actions by spelling,
// expansions, ARN patterns) answers with what it worked out in another test: before the mutant was
// switched on, or in the dry run, where Stryker learns which tests reach which mutant.
const { forgetCatalog } = require('../../server/src/catalog/loadCatalog');
exports.mochaHooks = { beforeEach: forgetCatalog };
