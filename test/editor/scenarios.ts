// The editor scenarios, written once against EditorDriver and run by both runners
// (run-code-server.ts here, run-electron.ts where VS Code can be downloaded).
// Each asserts what the user sees; see issue 9.
import assert from 'node:assert/strict';
import { staysTrue, waitFor, type EditorDriver } from './editorDriver';
import { cursorOf, scenarioText, SEED_POLICY, SINCE_HEAD_POLICY } from './workspace';

/**
 * The setting that turns one rule off, built from the rule's code. Adapt here when the
 * settings' shape changes; nothing else in the scenarios names it.
 */
export const RULE_OFF_SETTING = {
  key: 'iamPolicy.rules',
  value: (code: string): unknown => ({ [code]: 'off' }),
};

/** Title of the quick fix that narrows `"Resource": "*"`. */
export const NARROWING_FIX_TITLE = /narrow|least.privilege|resource arn/i;
/** What the access-summary code lens says (access levels of the statement's actions). */
export const ACCESS_SUMMARY_LENS = /\b(Read|Write|List|Tagging|Permissions management)\b/;

/**
 * Scenarios whose feature has not landed: they run and report, but do not fail the run.
 * EDITOR_TESTS_PENDING (comma-separated names, or "none") overrides this list.
 */
export const PENDING_SCENARIOS: readonly string[] = [];

export interface Scenario {
  name: string;
  run(editor: EditorDriver): Promise<void>;
}

const IAM_CODE = /\bIAM\d{3}\b/;

async function openAt(editor: EditorDriver, file: string): Promise<void> {
  await editor.openFile(file);
  const { line, column } = cursorOf(file);
  await editor.moveCursor(line, column);
}

/** A template with a misspelled action (workspace.ts), as the editor must show and repair it. */
interface TemplateTypo {
  file: string;
  /** the language the file opens as */
  language: RegExp;
  /** the text the squiggle underlines: the YAML scalar, the HCL string with its quotes */
  underlined: string;
  /** the pictures' names begin with it */
  picture: string;
}

const TYPO = 's3:GetObjetc';
const TYPO_FIXED = 's3:GetObject';
const TYPO_FIX_TITLE = /Change to "s3:GetObject"/;

/**
 * Issue 17: the misspelled action is underlined, with its IAM102 entry on its line in the Problems
 * panel; the quick-fix, applied from the light bulb menu, writes the action in the template's
 * syntax and nothing else, and the diagnostic goes.
 */
async function typoRepairedInPlace(editor: EditorDriver, typo: TemplateTypo): Promise<void> {
  const { file } = typo;
  const { line, column } = cursorOf(file);
  await openAt(editor, file);
  const language = await editor.languageMode();
  assert.match(language, typo.language, `${file} opens as ${language}`);
  await waitFor(`a squiggle under ${typo.underlined}`, async () => (await editor.underlinedTexts()).includes(typo.underlined));
  await waitFor('the hover to show the IAM102 diagnostic', async () => /IAM102/.test(await editor.hoverText()));
  await editor.screenshot(`${typo.picture}-diagnostic`, 'hover');
  await editor.dismiss();
  await waitFor(`an IAM102 entry on line ${line} in the Problems panel`, async () =>
    (await editor.problems(file)).some(row => row.includes('IAM102') && row.includes(`[Ln ${line},`)),
  );
  await editor.moveCursor(line, column);
  await waitFor('the fix in the light bulb menu', async () => (await editor.openQuickFixes()).some(title => TYPO_FIX_TITLE.test(title)));
  await editor.screenshot(`${typo.picture}-quick-fix`, 'quickFix');
  await editor.applyQuickFix(TYPO_FIX_TITLE);
  const fixed = scenarioText(file).replace(TYPO, TYPO_FIXED);
  await waitFor(`the file to say ${TYPO_FIXED} where it said ${TYPO}, and to be otherwise unchanged`, async () => (await editor.saveAndRead(file)) === fixed);
  await waitFor('IAM102 to leave the Problems panel', async () => !(await editor.problems(file)).some(row => row.includes('IAM102')));
  await editor.moveCursor(line, column);
  await waitFor('the squiggle to go', async () => (await editor.underlinedTexts()).length === 0);
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'seed policy shows its errors with our codes',
    async run(editor) {
      await editor.openFile(SEED_POLICY);
      // Issue 3: an error at each of its four problems (comment, s3. actions, missing comma,
      // trailing commas).
      await waitFor(
        "Problems panel rows with IAMnnn codes for the seed policy's four problems",
        async () => (await editor.problems(SEED_POLICY)).filter(row => IAM_CODE.test(row)).length >= 4,
      );
      await waitFor('an error count above 0 in the status bar', async () => (await editor.statusBarErrorCount()) > 0);
      // The Problems panel and the status bar change as the diagnostics arrive; the editor paints
      // its squiggles in its next animation frame, which on a busy machine came 300 ms after the
      // status bar's count (2 runs in 3): a single look here failed when the diagnostics arrived
      // during the panel's last read.
      await waitFor('squiggles in the editor', async () => (await editor.squiggleCount()) > 0);
      await editor.screenshot('diagnostics', 'problems');
    },
  },
  {
    name: 'completion offers s3:GetObject after "s3:Get',
    async run(editor) {
      await openAt(editor, 'completion.iam.json');
      await editor.type('"s3:Get');
      await waitFor('a completion list with s3:Get actions', async () => {
        const labels = await editor.openCompletion();
        return labels.some(label => /^(s3:)?Get/.test(label));
      });
      assert.ok(await editor.focusCompletion(/^(s3:)?GetObject$/), 's3:GetObject is in the list');
      await editor.screenshot('completion', 'completion');
      await editor.acceptCompletion();
      await waitFor('"s3:GetObject" in the saved file', async () => /"s3:GetObject"(?!")/.test(await editor.saveAndRead('completion.iam.json')));
    },
  },
  {
    name: 'hover on an action shows its access level',
    async run(editor) {
      await openAt(editor, 'hover.iam.json');
      await waitFor('a hover that says "Read"', async () => /\bRead\b/.test(await editor.hoverText()));
      await editor.screenshot('hover', 'hover');
      await editor.dismiss();
    },
  },
  {
    name: 'a plain JSON file gets nothing from us',
    async run(editor) {
      await editor.openFile('settings-like.json');
      await staysTrue(
        'settings-like.json stays clean',
        async () => {
          const rows = await editor.problems('settings-like.json');
          if (rows.length > 0) return `Problems panel: ${rows.join(' | ')}`;
          const squiggles = await editor.squiggleCount();
          return squiggles > 0 ? `${squiggles} squiggles` : undefined;
        },
        4_000,
      );
    },
  },
  {
    name: 'turning a rule off in the settings takes effect without a reload',
    async run(editor) {
      const file = 'unknown-action.iam.json';
      await editor.openFile(file);
      const code = await waitFor(`a coded problem for ${file}`, async () => {
        const match = (await editor.problems(file)).map(row => IAM_CODE.exec(row)).find(Boolean);
        return match?.[0];
      });
      const withCode = async () => (await editor.problems(file)).filter(row => row.includes(code));
      await editor.setUserSetting(RULE_OFF_SETTING.key, RULE_OFF_SETTING.value(code));
      try {
        await waitFor(`${code} to leave the Problems panel`, async () => (await withCode()).length === 0);
      } finally {
        await editor.setUserSetting(RULE_OFF_SETTING.key, undefined);
      }
      await waitFor(`${code} to come back once the setting is removed`, async () => (await withCode()).length > 0);
    },
  },
  {
    name: "a project's .iam-lint.json counts in the editor, and again when it changes on disk",
    async run(editor) {
      const file = 'unknown-action.iam.json';
      await editor.openFile(file);
      const withUnknownAction = async () => (await editor.problems(file)).filter(row => row.includes('IAM102'));
      await waitFor('IAM102 for the unknown action', async () => (await withUnknownAction()).length > 0);
      await editor.writeWorkspaceFile('.iam-lint.json', '{ "rules": { "IAM102": "off" } }\n');
      try {
        await waitFor('IAM102 to leave the Problems panel once .iam-lint.json turns it off', async () => (await withUnknownAction()).length === 0);
      } finally {
        await editor.writeWorkspaceFile('.iam-lint.json', undefined);
      }
      await waitFor('IAM102 to come back once .iam-lint.json is deleted', async () => (await withUnknownAction()).length > 0);
    },
  },
  {
    name: 'quick fix narrows Resource "*"',
    async run(editor) {
      const file = 'wildcard-resource.iam.json';
      await openAt(editor, file);
      await waitFor('the narrowing fix in the light bulb menu', async () => {
        const titles = await editor.openQuickFixes();
        return titles.some(title => NARROWING_FIX_TITLE.test(title));
      });
      await editor.screenshot('quick-fix', 'quickFix');
      await editor.applyQuickFix(NARROWING_FIX_TITLE);
      await waitFor('the file to no longer say "Resource": "*"', async () => !/"Resource"\s*:\s*"\*"/.test(await editor.saveAndRead(file)));
    },
  },
  {
    name: 'access-summary code lens',
    async run(editor) {
      await editor.openFile('hover.iam.json');
      await waitFor('a code lens with the access summary', async () => (await editor.codeLensTitles()).some(title => ACCESS_SUMMARY_LENS.test(title)));
      await editor.screenshot('code-lens', 'codeLens');
    },
  },
  {
    name: 'a CloudFormation YAML template: the misspelled action is underlined and its quick-fix repairs it',
    run: editor => typoRepairedInPlace(editor, { file: 'template.yaml', language: /^yaml$/i, underlined: TYPO, picture: 'template' }),
  },
  {
    name: 'a .tf file opened as plain text: the misspelled action is underlined and its quick-fix repairs it',
    run: editor => typoRepairedInPlace(editor, { file: 'main.tf', language: /^plain ?text$/i, underlined: `"${TYPO}"`, picture: 'terraform' }),
  },
  {
    name: 'the extension page shows the README with its pictures, and no dead link',
    async run(editor) {
      const page = await editor.extensionPage('IAM Policy Tools');
      assert.ok(page.images.length >= 5, `${page.images.length} pictures on the extension page`);
      assert.deepEqual(
        page.images.filter(image => !image.loaded).map(image => image.src.slice(0, 60)),
        [],
        'every picture loads',
      );
      // the page opens http(s) links only: anything else would do nothing when clicked
      assert.deepEqual(
        page.links.filter(link => !/^https?:|#/.test(link)),
        [],
        'no link the page cannot open',
      );
      assert.deepEqual(
        page.links.filter(link => /example\.invalid/.test(link)),
        [],
        'no made-up host',
      );
    },
  },
  {
    name: 'a policy changed since HEAD says what the change adds, over the statement',
    async run(editor) {
      // the client reads HEAD's text through the Git extension and sends it to the server; the
      // lenses of one line show as one decoration, the access summary's first
      await editor.openFile(SINCE_HEAD_POLICY);
      await waitFor('a "Since HEAD" code lens with the Write actions added', async () =>
        (await editor.codeLensTitles()).some(title => /\bSince HEAD: adds 2 Write$/.test(title)),
      );
      await editor.screenshot('since-head');
    },
  },
];

/** The pending list in force: EDITOR_TESTS_PENDING if set, else PENDING_SCENARIOS. */
export function pendingScenarios(env: NodeJS.ProcessEnv): ReadonlySet<string> {
  const fromEnv = env.EDITOR_TESTS_PENDING;
  if (fromEnv === undefined) return new Set(PENDING_SCENARIOS);
  return new Set(fromEnv === 'none' ? [] : fromEnv.split(',').map(name => name.trim()));
}
