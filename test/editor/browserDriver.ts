// EditorDriver for the VS Code workbench that code-server serves, driven through Chromium with
// the keyboard and mouse. Selectors are the workbench's own (VS Code 1.100); the comments say
// where the workbench needs care (quick open settling, the code-action menu's pointer block).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WAIT_TIMEOUT_MS, waitFor, type EditorDriver, type PictureSubject } from './editorDriver';
import type { Box, Page } from './playwright';

const QUICK_INPUT = '.quick-input-widget input';
const PROBLEMS_PANEL = '.markers-panel';
const PROBLEMS_FILTER = '.viewpane-filter input';
const SUGGEST_ROWS = '.editor-widget.suggest-widget.visible .monaco-list-row';
const HOVER = '.monaco-hover:not(.hidden)';
const LIGHT_BULB = '.monaco-editor .lightBulbWidget';
const ACTION_ROWS = '.action-widget .monaco-list-row.action';
const ACTIVE_EDITOR = '.editor-group-container.active .monaco-editor';
const SQUIGGLES = `${ACTIVE_EDITOR} .squiggly-error, ${ACTIVE_EDITOR} .squiggly-warning, ${ACTIVE_EDITOR} .squiggly-info`;

/** The parts of the window each picture shows (their union, with a margin). */
const PICTURE_PARTS: Record<PictureSubject, string[]> = {
  problems: ['.part.panel .composite.title', `${PROBLEMS_PANEL} .monaco-list-row`],
  completion: ['.editor-widget.suggest-widget.visible', '.suggest-details-container', `${ACTIVE_EDITOR} .cursors-layer .cursor`],
  hover: [HOVER, `${ACTIVE_EDITOR} .cursors-layer .cursor`],
  quickFix: ['.action-widget', LIGHT_BULB],
  codeLens: [`${ACTIVE_EDITOR} .codelens-decoration`],
};
const PICTURE_MARGIN = 16;
/** A widget's picture also shows the two lines above it (less the margin), from the start of the text. */
const LINES_ABOVE_PX = 22;
/** A code lens picture: the lenses and the statements under them (the margin above would show the breadcrumbs). */
const CODE_LENS_PICTURE = { width: 720, height: 240, above: 4 };

function union(boxes: Box[]): Box {
  const x = Math.min(...boxes.map(b => b.x));
  const y = Math.min(...boxes.map(b => b.y));
  return { x, y, width: Math.max(...boxes.map(b => b.x + b.width)) - x, height: Math.max(...boxes.map(b => b.y + b.height)) - y };
}

/** The extension page's README: its pictures (loaded or not) and its links. Runs in the webview. */
const readmeParts = new Function(`return (elements) => elements.map((element) => element.tagName === 'IMG'
  ? { kind: 'image', src: element.getAttribute('src') || '', loaded: element.complete && element.naturalWidth > 0 }
  : { kind: 'link', href: element.href || element.getAttribute('href') || '' })`)() as (
  elements: unknown[],
) => Array<{ kind: 'image'; src: string; loaded: boolean } | { kind: 'link'; href: string }>;

/** What the browser driver needs besides the page. */
export interface BrowserDriverOptions {
  workspace: string;
  resultsDir: string;
  /** The user settings file, read to merge a change into. */
  userSettingsFile: string;
}

interface RowInfo {
  label: string;
  text: string;
}

/**
 * Each Problems row's aria-label and its visible text, parts separated by spaces, since the DOM
 * runs message, source and code together. It runs in the page, so it is built from source text:
 * tsx's transform would wrap a named function written here in a helper the page lacks.
 */
const problemRows = new Function(`return (rows) => rows.map((row) => {
  const parts = [];
  const walk = (node) => {
    if (node.nodeType === 3) { const text = node.textContent.trim(); if (text) parts.push(text); }
    else node.childNodes.forEach(walk);
  };
  walk(row);
  return { label: row.getAttribute('aria-label') || '', text: parts.join(' ') };
})`)() as (rows: unknown[]) => RowInfo[];

/**
 * The text under each squiggle: the characters of the view line beside the squiggle whose middle
 * lies between its ends (the editor renders spaces as no-break spaces). Runs in the page.
 */
const squiggledTexts = new Function(`return (squiggles) => squiggles.flatMap((squiggle) => {
  const box = squiggle.getBoundingClientRect();
  if (box.width === 0) return [];
  const line = [...squiggle.closest('.monaco-editor').querySelectorAll('.view-lines .view-line')].find((candidate) => {
    const lineBox = candidate.getBoundingClientRect();
    return lineBox.height > 0 && Math.abs(lineBox.top - box.top) < lineBox.height / 2;
  });
  if (!line) return [];
  const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.textContent.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const character = range.getBoundingClientRect();
      const middle = character.left + character.width / 2;
      if (middle >= box.left && middle <= box.right) text += node.textContent[i];
    }
  }
  return [text.replace(/\\u00a0/g, ' ')];
})`)() as (squiggles: unknown[]) => string[];

/** "2 problems in file x.json of folder examples" -> "examples/x.json" ("." is the workspace). */
function fileOfRow(ariaLabel: string): string | undefined {
  const match = /problems? in file (.+) of folder (.+)$/.exec(ariaLabel);
  if (!match) return undefined;
  return match[2] === '.' ? match[1] : `${match[2]}/${match[1]}`;
}

export function browserDriver(page: Page, options: BrowserDriverOptions): EditorDriver {
  const quickInput = async (keys: string, text: string): Promise<void> => {
    await page.keyboard.press(keys);
    await page.locator(QUICK_INPUT).first().waitFor({ state: 'visible', timeout: WAIT_TIMEOUT_MS });
    // One input event: typed key by key, the palette filters its whole list at each key.
    await page.keyboard.insertText(text);
  };

  const runCommand = async (title: string): Promise<void> => {
    await quickInput('Control+Shift+P', title);
    await page.locator(`.quick-input-widget .monaco-list-row[aria-label^="${title}"]`).first().waitFor({ timeout: WAIT_TIMEOUT_MS });
    await page.keyboard.press('Enter');
  };

  const visibleCount = async (selector: string): Promise<number> => {
    const elements = page.locator(selector);
    let visible = 0;
    for (let index = 0, count = await elements.count(); index < count; index++) {
      if (await elements.nth(index).isVisible()) visible++;
    }
    return visible;
  };

  const driver: EditorDriver = {
    async openFile(file) {
      const name = file.split('/').pop()!;
      const activeTab = page.locator(`.tab.active[aria-label^="${name}"]`);
      await waitFor(`${file} to open`, async () => {
        if (await activeTab.isVisible()) return true;
        await page.keyboard.press('Escape');
        await quickInput('Control+P', file);
        // Enter only once the list has settled with the file focused: history rows come first
        // and the list re-renders when the search results arrive.
        await page.locator(`.quick-input-widget .monaco-list-row.focused[aria-label^="${name}"]`).waitFor({ timeout: 5_000 });
        await page.waitForTimeout(200);
        await page.keyboard.press('Enter');
        await activeTab.waitFor({ timeout: 3_000 });
        return true;
      });
      await page.locator(`${ACTIVE_EDITOR} .view-lines`).first().waitFor({ timeout: WAIT_TIMEOUT_MS });
    },

    async problems(file) {
      if (!(await page.locator(PROBLEMS_PANEL).first().isVisible())) await page.keyboard.press('Control+Shift+M');
      const filter = page.locator(PROBLEMS_FILTER).first();
      await filter.waitFor({ state: 'visible', timeout: WAIT_TIMEOUT_MS });
      const name = file.split('/').pop()!;
      if ((await filter.getAttribute('value')) !== name) {
        // fill() types into the filter itself; keys pressed while the focus is still in the
        // editor would replace the file's text.
        await filter.fill(name, { timeout: WAIT_TIMEOUT_MS });
        await page.waitForTimeout(300); // the filter applies after a short delay
      }
      const rows = await page.locator(`${PROBLEMS_PANEL} .monaco-list-row`).evaluateAll(problemRows);
      let current: string | undefined;
      const found: string[] = [];
      for (const { label, text } of rows) {
        const rowFile = fileOfRow(label);
        if (rowFile !== undefined) current = rowFile;
        else if (current === file) found.push(text);
      }
      return found;
    },

    async statusBarErrorCount() {
      const label = (await page.locator('[id="status.problems"]').getAttribute('aria-label')) ?? '';
      return Number(/Errors?: (\d+)/i.exec(label)?.[1] ?? 0);
    },

    squiggleCount: () => visibleCount(SQUIGGLES),

    underlinedTexts: () => page.locator(SQUIGGLES).evaluateAll(squiggledTexts),

    async languageMode() {
      return (await page.locator('[id="status.editor.mode"]').innerText({ timeout: WAIT_TIMEOUT_MS })).trim();
    },

    async moveCursor(line, column) {
      await page.locator(`${ACTIVE_EDITOR} .view-lines`).first().click({ timeout: WAIT_TIMEOUT_MS });
      await quickInput('Control+G', `${line}:${column}`);
      await page.keyboard.press('Enter');
    },

    async type(text) {
      await page.keyboard.type(text, { delay: 30 });
    },

    async openCompletion() {
      if ((await visibleCount(SUGGEST_ROWS)) === 0) {
        await page.keyboard.press('Control+Space');
        await page.waitForTimeout(500);
      }
      return page.locator(`${SUGGEST_ROWS} .label-name`).allInnerTexts();
    },

    async focusCompletion(label) {
      // The list renders only the rows in view: walk down until the wanted one has the focus.
      let previous = '';
      for (let step = 0; step < 500; step++) {
        const focused = await page.locator(`${SUGGEST_ROWS}.focused .label-name`).first().innerText({ timeout: 2_000 });
        if (label.test(focused)) return true;
        if (focused === previous && step > 0) return false; // the end of the list
        previous = focused;
        await page.keyboard.press('ArrowDown');
      }
      return false;
    },

    async acceptCompletion() {
      await page.keyboard.press('Enter');
      await page.locator(SUGGEST_ROWS).first().waitFor({ state: 'hidden', timeout: WAIT_TIMEOUT_MS });
    },

    async saveAndRead(file) {
      await page.keyboard.press('Control+S');
      await page.waitForTimeout(300);
      return readFileSync(join(options.workspace, file), 'utf8');
    },

    async writeWorkspaceFile(file, text) {
      const path = join(options.workspace, file);
      if (text === undefined) rmSync(path, { force: true });
      else writeFileSync(path, text);
    },

    async hoverText() {
      if ((await visibleCount(HOVER)) === 0) {
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
        await page.waitForTimeout(500);
      }
      return (await page.locator(HOVER).allInnerTexts()).join('\n');
    },

    async openQuickFixes() {
      if ((await visibleCount(ACTION_ROWS)) === 0) {
        const bulb = page.locator(LIGHT_BULB).first();
        if (!(await bulb.isVisible())) return [];
        await bulb.click({ timeout: WAIT_TIMEOUT_MS });
        await page.waitForTimeout(300);
      }
      return page.locator(ACTION_ROWS).allInnerTexts();
    },

    async applyQuickFix(title) {
      // The menu takes the keyboard; a click lands on its pointer block.
      for (let step = 0; step < 50; step++) {
        const focused = await page.locator(`${ACTION_ROWS}.focused`).first().innerText({ timeout: 2_000 });
        if (title.test(focused)) {
          await page.keyboard.press('Enter');
          return;
        }
        await page.keyboard.press('ArrowDown');
      }
      const titles = await page.locator(ACTION_ROWS).allInnerTexts();
      throw new Error(`no quick fix matches ${title}; offered: ${titles.join(' | ')}`);
    },

    async codeLensTitles() {
      return page.locator(`${ACTIVE_EDITOR} .codelens-decoration`).allInnerTexts();
    },

    async setUserSetting(key, value) {
      // Through the settings editor, as a user does: code-server does not notice the file
      // changing on disk. One line of JSON, so that auto-indent and auto-close stay out of it.
      const settings = JSON.parse(readFileSync(options.userSettingsFile, 'utf8')) as Record<string, unknown>;
      if (value === undefined) delete settings[key];
      else settings[key] = value;
      await page.keyboard.press('Escape');
      await runCommand('Preferences: Open User Settings (JSON)');
      await page.locator('.tab.active[aria-label*="settings.json"]').waitFor({ timeout: WAIT_TIMEOUT_MS });
      await page.locator(`${ACTIVE_EDITOR} .view-lines`).first().click({ timeout: WAIT_TIMEOUT_MS });
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText(JSON.stringify(settings));
      await page.keyboard.press('Control+S');
      await waitFor('the settings file to be saved', async () => readFileSync(options.userSettingsFile, 'utf8') === JSON.stringify(settings));
    },

    async dismiss() {
      await page.keyboard.press('Escape');
    },

    async screenshot(name, subject) {
      const path = join(options.resultsDir, `${name}.png`);
      if (!subject) {
        await page.screenshot({ path });
        return;
      }
      const boxes: Box[] = [];
      for (const selector of PICTURE_PARTS[subject]) {
        const parts = page.locator(selector);
        for (let index = 0, count = await parts.count(); index < count; index++) {
          const box = await parts.nth(index).boundingBox();
          if (box && box.width > 0 && box.height > 0) boxes.push(box);
        }
      }
      if (boxes.length === 0) throw new Error(`nothing to picture for ${subject}`);
      let area = union(boxes);
      if (subject !== 'problems') {
        // from the left edge of the text, and a few lines above the widget, so that the picture reads on its own
        const text = (await page.locator(`${ACTIVE_EDITOR} .view-lines`).first().boundingBox())!;
        area =
          subject === 'codeLens'
            ? { x: text.x, y: area.y + PICTURE_MARGIN - CODE_LENS_PICTURE.above, width: CODE_LENS_PICTURE.width, height: CODE_LENS_PICTURE.height }
            : union([area, { x: text.x, y: area.y - LINES_ABOVE_PX, width: 1, height: 1 }]);
      }
      const clip = {
        x: Math.max(0, area.x - PICTURE_MARGIN),
        y: Math.max(0, area.y - PICTURE_MARGIN),
        width: area.width + 2 * PICTURE_MARGIN,
        height: area.height + 2 * PICTURE_MARGIN,
      };
      await page.screenshot({ path, clip });
    },

    async extensionPage(displayName) {
      await page.keyboard.press('Escape');
      await runCommand('Extensions: Show Enabled Extensions');
      const row = page.locator(`.extensions-viewlet .monaco-list-row[aria-label*="${displayName}"]`).first();
      await row.click({ timeout: WAIT_TIMEOUT_MS });
      // the README is rendered in a webview: an iframe over the workbench (not inside the editor's
      // element) that holds the active frame
      const readme = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await readme.locator('img').first().waitFor({ state: 'attached', timeout: WAIT_TIMEOUT_MS });
      const parts = await waitFor("the README's pictures to load", async () => {
        const found = await readme.locator('img, a[href]').evaluateAll(readmeParts);
        return found.some(part => part.kind === 'image' && !part.loaded) ? undefined : found;
      }).catch(async () => readme.locator('img, a[href]').evaluateAll(readmeParts));
      await page.keyboard.press('Control+W');
      return {
        images: parts.flatMap(part => (part.kind === 'image' ? [{ src: part.src, loaded: part.loaded }] : [])),
        links: parts.flatMap(part => (part.kind === 'link' ? [part.href] : [])),
      };
    },
  };
  return driver;
}
