// A Stryker ignorer (stryker.config.mjs): no mutants in the human text of findings and rules, a
// finding's `message` and a rule's `summary`. The tests assert codes, spans and data, not wording
// (docs/testing.md): mutants there would only measure how much wording the tests repeat. Wording
// built outside a message (a reason, a hint, a phrase passed to the function that reports) is marked
// where it is written, `// Stryker disable next-line <mutators>: human text`: all mutators on a
// line of wording only, StringLiteral alone on a line that also holds a condition, never on a line
// whose strings decide a finding (a code, a value compared).
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

const HUMAN_TEXT = new Set(['message', 'summary']);

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'human-text', {
    shouldIgnore(path) {
      const { node } = path;
      if (node.type !== 'ObjectProperty' || node.computed || node.key.type !== 'Identifier' || !HUMAN_TEXT.has(node.key.name)) return undefined;
      return `the ${node.key.name} is human text: tests assert codes, not wording`;
    },
  }),
];
