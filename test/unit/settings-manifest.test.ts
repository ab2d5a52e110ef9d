// The settings VS Code shows (package.json, contributes.configuration) and the settings the server and
// the CLI read (server/src/protocol/settings.ts, the settings file) are the same settings: every
// default of DEFAULT_SETTINGS is the manifest's, and the settings file accepts every manifest setting.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../server/src/protocol';
import { parseSettingsText } from '../../server/src/settings/settingsFile';

const PREFIX = 'iamPolicy.';
/** Settings of the editor alone, which the server never reads. */
const EDITOR_ONLY = new Set(['trace.server']);

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
const properties: Record<string, { default?: unknown }> = manifest.contributes.configuration.properties;
const names = Object.keys(properties)
  .map(key => key.slice(PREFIX.length))
  .filter(name => !EDITOR_ONLY.has(name));

test('the manifest has every setting of DEFAULT_SETTINGS, with the same default', () => {
  for (const [name, value] of Object.entries(DEFAULT_SETTINGS)) assert.deepEqual(properties[`${PREFIX}${name}`]?.default, value, name);
});

test('a settings file accepts every setting of the manifest, with its default', () => {
  assert.ok(Object.keys(properties).every(key => key.startsWith(PREFIX)));
  for (const name of names) {
    const settings = { [name]: properties[`${PREFIX}${name}`].default };
    assert.deepEqual(parseSettingsText(JSON.stringify(settings)), { settings }, name);
  }
});
