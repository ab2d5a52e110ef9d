import { largeTemplate } from './templates';
import { cloudFormationYamlReader as r } from '../server/src/templates/cloudformation/readers';
import { templateDocument } from '../server/src/templates/document';
import { templateDiagnostics } from '../server/src/features/templates/diagnostics';
import { getCatalog } from '../server/src/catalog/loadCatalog';
import { withDefaults } from '../server/src/protocol';
const settings = withDefaults(undefined);
const text = largeTemplate();
let read = r.read('x', text)!; let doc = templateDocument('x', 'yaml', text, read);
templateDiagnostics(doc, getCatalog(), settings, e => { throw e; });
const at = text.indexOf('Sid: Statement2', text.length / 2);
for (let i = 0; i < 30; i++) {
  const t = text.slice(0, at) + `Sid: Statement2${'x'.repeat(i % 3)}` + text.slice(at + 'Sid: Statement2'.length);
  const a = performance.now(); const nr = r.readChange!('x', t, { text: doc.text, read: doc.read })!; const b = performance.now();
  const nd = templateDocument('x', 'yaml', t, nr, doc); const c = performance.now();
  const diags = templateDiagnostics(nd, getCatalog(), settings, e => { throw e; }); const e = performance.now();
  doc = nd;
  if (i > 24) console.log('readChange', (b - a).toFixed(1), 'document', (c - b).toFixed(1), 'diagnostics', (e - c).toFixed(1), diags.length);
}
