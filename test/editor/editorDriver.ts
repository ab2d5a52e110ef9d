// What a scenario can do in an editor, in the user's terms. Two implementations share the
// scenarios: browserDriver.ts (code-server + Chromium, what runs here) and
// electron/vscodeDriver.ts (the VS Code API inside a downloaded VS Code).

export interface EditorDriver {
  /** Opens a workspace file (path relative to the workspace) and focuses its editor. */
  openFile(file: string): Promise<void>;
  /**
   * The Problems panel's rows for one file (workspace-relative path), each row's text as shown:
   * message, source, code, position. Opens the panel if needed.
   */
  problems(file: string): Promise<string[]>;
  /** The error count the status bar shows. */
  statusBarErrorCount(): Promise<number>;
  /** Number of error/warning/info squiggles in the active editor. */
  squiggleCount(): Promise<number>;
  /** The text under each error/warning/info squiggle in the visible lines of the active editor. */
  underlinedTexts(): Promise<string[]>;
  /** The active editor's language as the editor names it (the status bar's "Plain Text", the API's "plaintext"). */
  languageMode(): Promise<string>;
  /** Puts the cursor at a 1-based line and column of the active editor. */
  moveCursor(line: number, column: number): Promise<void>;
  /** Types text as keystrokes (the editor's auto-closing applies, as for a person). */
  type(text: string): Promise<void>;
  /** Opens the completion list at the cursor; returns the labels it shows ([] while none). */
  openCompletion(): Promise<string[]>;
  /** Moves the selection in the open list to the item whose label matches; false if none does. */
  focusCompletion(label: RegExp): Promise<boolean>;
  /** Accepts the selected completion item (Enter). */
  acceptCompletion(): Promise<void>;
  /** Saves the active file; returns its text as it is on disk. */
  saveAndRead(file: string): Promise<string>;
  /** Shows the hover at the cursor; returns its text ('' while none shows). */
  hoverText(): Promise<string>;
  /** Opens the light bulb / quick-fix menu at the cursor; returns the titles it offers. */
  openQuickFixes(): Promise<string[]>;
  /** Applies the offered quick fix whose title matches. */
  applyQuickFix(title: RegExp): Promise<void>;
  /** Titles of the code lenses shown in the active editor. */
  codeLensTitles(): Promise<string[]>;
  /** Changes a user setting the way the user settings file does (undefined removes it). */
  setUserSetting(key: string, value: unknown): Promise<void>;
  /** Writes a workspace file on disk outside the editor, as a git checkout would (undefined deletes it). */
  writeWorkspaceFile(file: string, text: string | undefined): Promise<void>;
  /** Closes whatever popup is open (Escape). */
  dismiss(): Promise<void>;
  /**
   * Saves a picture as test-results/editor/<name>.png (no-op where impossible): of the part of the
   * window that shows `subject` (the README's pictures each show one thing), else of the window.
   */
  screenshot(name: string, subject?: PictureSubject): Promise<void>;
  /**
   * The extension's page (Extensions view, Details): each picture of its README with whether it
   * loaded, and the targets of its links.
   */
  extensionPage(displayName: string): Promise<{ images: Array<{ src: string; loaded: boolean }>; links: string[] }>;
}

/** What a picture shows: the editor with the Problems panel, or one widget with the lines around it. */
export type PictureSubject = 'problems' | 'completion' | 'hover' | 'quickFix' | 'codeLens';

export const WAIT_TIMEOUT_MS = 15_000;

/**
 * Polls `probe` until it returns something other than undefined/false, or fails after the
 * timeout naming what it waited for and what it last saw.
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = WAIT_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${cause}`);
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

/** Holds for the whole period: fails as soon as `probe` returns a reason. */
export async function staysTrue(what: string, probe: () => Promise<string | undefined>, periodMs: number): Promise<void> {
  const deadline = Date.now() + periodMs;
  while (Date.now() < deadline) {
    const reason = await probe();
    if (reason !== undefined) throw new Error(`${what}: ${reason}`);
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

/** Logs each driver call with its duration, for finding where a slow scenario spends time. */
export function traced(driver: EditorDriver, log: (line: string) => void): EditorDriver {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(driver) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    wrapped[name] = async (...args: unknown[]) => {
      const started = Date.now();
      try {
        return await method(...args);
      } finally {
        log(`  ${name}(${args.map(arg => JSON.stringify(arg) ?? String(arg)).join(', ')}) ${Date.now() - started} ms`);
      }
    };
  }
  return wrapped as unknown as EditorDriver;
}
