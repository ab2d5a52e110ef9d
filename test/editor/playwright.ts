// playwright-core lives in .editor-test/code-server/ (scripts/install-editor-deps.sh), outside
// the extension's dependencies, so `npm run typecheck` cannot see its types. These are the
// few parts the browser driver uses, as playwright-core documents them.
import { createRequire } from 'node:module';
import { join } from 'node:path';

export interface Locator {
  first(): Locator;
  nth(index: number): Locator;
  locator(selector: string): Locator;
  count(): Promise<number>;
  isVisible(): Promise<boolean>;
  innerText(options?: { timeout?: number }): Promise<string>;
  getAttribute(name: string, options?: { timeout?: number }): Promise<string | null>;
  allInnerTexts(): Promise<string[]>;
  click(options?: { timeout?: number }): Promise<void>;
  fill(value: string, options?: { timeout?: number }): Promise<void>;
  waitFor(options?: { state?: 'attached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  /** Runs `pageFunction` in the page on the matched elements; it travels as its source text. */
  evaluateAll<R>(pageFunction: (elements: unknown[]) => R): Promise<R>;
  /** The element's box in the page's CSS pixels; null when it is not shown. */
  boundingBox(options?: { timeout?: number }): Promise<Box | null>;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The content of an iframe (a webview, such as the extension page's README). */
export interface FrameLocator {
  locator(selector: string): Locator;
  frameLocator(selector: string): FrameLocator;
}

export interface Keyboard {
  press(key: string): Promise<void>;
  type(text: string, options?: { delay?: number }): Promise<void>;
  insertText(text: string): Promise<void>;
}

export interface Page {
  goto(url: string, options?: { timeout?: number }): Promise<unknown>;
  locator(selector: string): Locator;
  keyboard: Keyboard;
  screenshot(options: { path: string; clip?: Box }): Promise<unknown>;
  frameLocator(selector: string): FrameLocator;
  waitForTimeout(ms: number): Promise<void>;
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
}

export interface Browser {
  newPage(options?: { viewport?: { width: number; height: number }; deviceScaleFactor?: number }): Promise<Page>;
  close(): Promise<void>;
}

interface PlaywrightCore {
  chromium: {
    launch(options: { executablePath: string; headless: boolean; args: string[]; env?: NodeJS.ProcessEnv; timeout?: number }): Promise<Browser>;
  };
}

export function loadPlaywright(depsDir: string): PlaywrightCore {
  const require = createRequire(join(depsDir, 'package.json'));
  try {
    return require('playwright-core') as PlaywrightCore;
  } catch {
    throw new Error(`playwright-core is not installed in ${depsDir}: run scripts/install-editor-deps.sh`);
  }
}
