// Starts `xsrun lsp` for .xs files: everything the editor shows beyond colours comes from that server.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("xsrun").get("command") || "xsrun";
  const server = { command, args: ["lsp"], transport: TransportKind.stdio };
  client = new LanguageClient("xsrun", "XanoScript (xsrun lsp)", { run: server, debug: server }, {
    documentSelector: [{ scheme: "file", language: "xanoscript" }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.xs") },
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
