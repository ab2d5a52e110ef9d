// IAM001-IAM004: the syntax errors found by the parser (JSON errors, comments, trailing and
// missing commas). IAM rejects all of them, so they are errors. After the first JSON error the
// parser's guesses cascade into more: only that one is reported (brokenStructure).
import { brokenStructure, SYNTAX_CODES } from '../policy/syntax';
import type { RuleModule } from './types';

export const syntaxRules: RuleModule = {
  rules: [
    { code: SYNTAX_CODES.json, name: 'json-syntax', category: 'syntax', defaultSeverity: 'error', summary: 'The text is not valid JSON.' },
    { code: SYNTAX_CODES.comment, name: 'comment', category: 'syntax', defaultSeverity: 'error', summary: 'Comments are not allowed in IAM policies.' },
    { code: SYNTAX_CODES.trailingComma, name: 'trailing-comma', category: 'syntax', defaultSeverity: 'error', summary: 'Trailing commas are not allowed.' },
    { code: SYNTAX_CODES.missingComma, name: 'missing-comma', category: 'syntax', defaultSeverity: 'error', summary: 'A comma is missing between two values.' },
  ],
  check(ctx) {
    for (const issue of brokenStructure(ctx.doc)?.issues ?? ctx.doc.syntaxErrors) ctx.report({ ...issue });
  },
};
