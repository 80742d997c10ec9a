// The language server's entry point: `node dist/server.js --stdio`, as the VS Code client and
// other editors start it. Over stdio the server reads the bytes itself (see stdioTransport); every
// other transport (`--node-ipc`, …) is chosen from the command line by the library.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './languageServer';
import { createStdioConnection } from './stdioTransport';

startServer(
  process.argv.slice(2).includes('--stdio')
    ? createStdioConnection()
    : createConnection(ProposedFeatures.all),
);
