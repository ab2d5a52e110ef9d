// Code lenses of the access summary: one above the policy with the totals per service and access
// level, one above each statement (`Allow · s3: 12 Read, 3 Write · on 2 resources`). Each runs the
// server's access-summary command with the document's URI (features/commands.ts), which every editor
// can run; VS Code's client opens its summary view instead.
import type { CodeLens } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/types';
import { rangeOf } from '../policy/locate';
import type { PolicyDocument } from '../policy/model';
import { ACCESS_SUMMARY_COMMAND, type IamPolicySettings } from '../protocol';
import { formatPolicyLine, formatStatementLine, summarizePolicy } from './summary';
import { PERMISSIONS_MANAGEMENT_MARK } from './summaryFormat';

const TOOLTIP = `Open the access summary (services x access levels). ${PERMISSIONS_MANAGEMENT_MARK} = Permissions management actions.`;

function lens(doc: PolicyDocument, offset: number, title: string): CodeLens {
  return { range: rangeOf(doc, offset, 0), command: { title, command: ACCESS_SUMMARY_COMMAND, arguments: [doc.uri], tooltip: TOOLTIP } };
}

export function provideCodeLenses(doc: PolicyDocument, catalog: Catalog, _settings: IamPolicySettings): CodeLens[] {
  if (!doc.root || doc.root.type !== 'object' || !doc.statementEntry) return [];
  const summary = summarizePolicy(doc, catalog);
  return [
    lens(doc, doc.root.offset, formatPolicyLine(summary)),
    ...summary.statements.map(statement => lens(doc, statement.offset, formatStatementLine(statement))),
  ];
}
