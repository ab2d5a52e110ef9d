// What the client and the server share, and all the client may import of the server: custom
// requests, notifications and commands with their parameters, the settings, the policy kinds and
// their labels, and how the server process is started. Data, types and a few pure helpers (settings
// defaults, a request's key=value pairs); nothing else of ours is imported from here.
export * from './kinds';
export * from './messages';
export * from './serverProcess';
export * from './settings';
export * from './simulate';
export * from './snippet';
