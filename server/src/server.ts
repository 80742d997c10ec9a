// The language server's entry point: `node dist/server.js --stdio` (or `--node-ipc`, as the
// VS Code client starts it). Over stdio the server reads the bytes itself (see stdioTransport);
// every other transport is chosen from the command line by the library.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './languageServer';
import { createStdioConnection } from './stdioTransport';

startServer(
  process.argv.slice(2).includes('--stdio')
    ? createStdioConnection()
    : createConnection(ProposedFeatures.all),
);
