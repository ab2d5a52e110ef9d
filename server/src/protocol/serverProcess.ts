// How a client starts the language server's process: the VS Code client, and the tests and the
// benchmarks the same way. Why these settings: bootstrap/heapSettings.ts, with the server's own
// memory tuning.

export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=2'];

/** Added to the environment the server is started with. */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '1', MALLOC_TRIM_THRESHOLD_: '131072' };
