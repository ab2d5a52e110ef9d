// Runs inside the VS Code that run-electron.ts starts (its extensionTestsPath, bundled first):
// the shared scenarios on the VS Code API, with the installed .vsix serving the workspace.
import { pendingScenarios, SCENARIOS } from '../scenarios';
import { vscodeDriver } from './vscodeDriver';

export async function run(): Promise<void> {
  const editor = vscodeDriver();
  const pending = pendingScenarios(process.env);
  const tally = { passed: 0, failed: 0, pending: 0 };
  for (const scenario of SCENARIOS) {
    try {
      await scenario.run(editor);
      tally.passed++;
      console.log(`✔ ${scenario.name}`);
    } catch (error) {
      const isPending = pending.has(scenario.name);
      if (isPending) tally.pending++;
      else tally.failed++;
      console.log(`${isPending ? '- (pending)' : '✖'} ${scenario.name}\n  ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(`[editor:electron] ${tally.passed} passed, ${tally.failed} failed, ${tally.pending} pending`);
  if (tally.failed > 0) throw new Error(`${tally.failed} editor scenarios failed`);
}
