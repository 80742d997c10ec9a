// The language server's entry point: `node dist/server.js --stdio` (or `--node-ipc`, as the
// VS Code client starts it). The transport is chosen from the command line by the library.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './languageServer';

startServer(createConnection(ProposedFeatures.all));
