// The node options the language server runs with: the client passes them when it starts the server,
// and the tests and benchmarks start it the same way. The server works in short bursts (a keystroke,
// a document opened); with V8's default young generation (up to 2 x 16 MB) most of that space holds
// garbage between bursts. 2 MB semi-spaces keep ~25 MB less resident at no measurable cost in speed
// (`npm run bench`: server RSS after the corpus, and the corpus opened one document after another).
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=2'];
