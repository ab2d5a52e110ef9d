// `npm run rules-table`: rewrites the table of rules in README.md from the registry (scripts/rulesTable.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES_BY_CODE } from '../server/src/rules';
import { withRulesTable } from './rulesTable';

const path = join(__dirname, '..', 'README.md');
const readme = readFileSync(path, 'utf8');
const updated = withRulesTable(readme, RULES_BY_CODE.values());
if (updated !== readme) writeFileSync(path, updated);
console.log(updated === readme ? 'README.md: the rules table was current' : 'README.md: rules table rewritten');
