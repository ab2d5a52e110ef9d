// dist/server-main.js: the language server on the connection its client asked for (stdio, IPC, a
// socket: vscode-languageserver reads it from the command line).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
