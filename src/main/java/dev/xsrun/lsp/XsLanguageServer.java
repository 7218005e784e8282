package dev.xsrun.lsp;

import dev.xsrun.syntax.fmt.FormatResult;
import dev.xsrun.syntax.fmt.Formatter;

import dev.xsrun.diag.Diagnostic;
import dev.xsrun.filters.FilterRegistry;
import dev.xsrun.syntax.ParseResult;
import dev.xsrun.syntax.XsParser;
import dev.xsrun.value.SourceSpan;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The XanoScript language server: diagnostics from the parser {@code xsrun check} uses, completion,
 * hover, definition, symbols and formatting over the job folder the editor opened.
 */
public final class XsLanguageServer implements LanguageServer, LanguageClientAware {
    private final Workspace workspace = new Workspace();
    private final FilterRegistry registry = FilterRegistry.standard();
    private final Catalogue catalogue = new Catalogue(registry);
    private final Completions completions = new Completions(workspace, catalogue);
    private final Navigation navigation = new Navigation(workspace, catalogue);
    private volatile XsParser parser;
    private volatile LanguageClient client;
    private volatile boolean shutdown;
    private volatile Future<Void> listening;
    private final String version;

    public XsLanguageServer(String version) {
        this.version = version;
    }

    /** Serves one client over the streams until it exits; returns the exit code the protocol asks for. */
    public static int serve(InputStream in, OutputStream out, String version) throws Exception {
        XsLanguageServer server = new XsLanguageServer(version);
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        server.listening = listening;
        try {
            listening.get();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException endOfInputOrExit) {
            // the client went away, or said exit
        }
        return server.shutdown ? 0 : 1;
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    private XsParser parser() {
        XsParser p = parser;
        if (p == null) {
            synchronized (this) {
                if (parser == null) {
                    parser = new XsParser(registry.complete().catalog());
                }
                p = parser;
            }
        }
        return p;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        Path root = null;
        List<WorkspaceFolder> folders = params.getWorkspaceFolders();
        if (folders != null && !folders.isEmpty()) {
            root = Workspace.pathOf(folders.get(0).getUri());
        }
        if (root == null && params.getRootUri() != null) {
            root = Workspace.pathOf(params.getRootUri());
        }
        if (root != null) {
            workspace.index(root);
        }
        // build the filter catalogue before the first file opens
        Thread warm = new Thread(this::parser, "xsrun-lsp-catalogue");
        warm.setDaemon(true);
        warm.start();

        ServerCapabilities caps = new ServerCapabilities();
        caps.setTextDocumentSync(TextDocumentSyncKind.Full);
        caps.setCompletionProvider(new CompletionOptions(false, List.of(".", "|", "$", "\"", " ")));
        caps.setHoverProvider(true);
        caps.setDefinitionProvider(true);
        caps.setDocumentSymbolProvider(true);
        caps.setDocumentFormattingProvider(true);
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("xsrun", version)));
    }

    @Override
    public void initialized(InitializedParams params) {
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        Future<Void> l = listening;
        if (l != null) {
            l.cancel(true);
        }
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspaceService;
    }

    /**
     * Parses an open file and publishes its diagnostics, on the thread that read the notification: the
     * protocol's messages are handled in order anyway, and on a busy machine every hand-over to another
     * thread waits for a turn on a core, which costs more than the parse of a thousand lines.
     */
    private void check(Workspace.Doc d) {
        ParseResult r;
        try {
            r = parser().parse(workspace.display(d), d.text());
        } catch (RuntimeException | StackOverflowError bug) {
            System.err.println("xsrun lsp: internal error while checking " + d.uri() + ": " + bug);
            return;
        }
        List<org.eclipse.lsp4j.Diagnostic> out = new ArrayList<>();
        for (Diagnostic diag : r.diagnostics()) {
            out.add(toLsp(diag));
        }
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(new PublishDiagnosticsParams(d.uri(), out, d.version()));
        }
    }

    static org.eclipse.lsp4j.Diagnostic toLsp(Diagnostic d) {
        SourceSpan s = d.span();
        int line = Math.max(0, s.line() - 1);
        int col = Math.max(0, s.column() - 1);
        Range range = new Range(new Position(line, col), new Position(line, col + Math.max(1, s.length())));
        org.eclipse.lsp4j.Diagnostic out = new org.eclipse.lsp4j.Diagnostic(range, d.message(),
                d.isError() ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, "xsrun");
        return out;
    }

    private Workspace.Doc docOrFail(String uri) {
        Workspace.Doc d = workspace.get(uri);
        if (d == null) {
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, "unknown document: " + uri, null));
        }
        return d;
    }

    private final TextDocumentService documents = new TextDocumentService() {
        @Override
        public void didOpen(DidOpenTextDocumentParams params) {
            Workspace.Doc d = workspace.put(params.getTextDocument().getUri(), params.getTextDocument().getText(),
                    params.getTextDocument().getVersion());
            check(d);
        }

        @Override
        public void didChange(DidChangeTextDocumentParams params) {
            List<TextDocumentContentChangeEvent> changes = params.getContentChanges();
            if (changes.isEmpty()) {
                return;
            }
            // full sync: the last change holds the whole text
            Workspace.Doc d = workspace.put(params.getTextDocument().getUri(), changes.get(changes.size() - 1).getText(),
                    params.getTextDocument().getVersion());
            check(d);
        }

        @Override
        public void didClose(DidCloseTextDocumentParams params) {
            String uri = params.getTextDocument().getUri();
            workspace.close(uri);
            LanguageClient c = client;
            if (c != null) {
                c.publishDiagnostics(new PublishDiagnosticsParams(Workspace.key(uri), List.of()));
            }
        }

        @Override
        public void didSave(DidSaveTextDocumentParams params) {
        }

        @Override
        public CompletableFuture<Either<List<org.eclipse.lsp4j.CompletionItem>, CompletionList>> completion(CompletionParams params) {
            Workspace.Doc d = docOrFail(params.getTextDocument().getUri());
            Position p = params.getPosition();
            return CompletableFuture.completedFuture(Either.forRight(new CompletionList(false,
                    completions.at(d, p.getLine(), p.getCharacter()))));
        }

        @Override
        public CompletableFuture<Hover> hover(HoverParams params) {
            Workspace.Doc d = docOrFail(params.getTextDocument().getUri());
            Position p = params.getPosition();
            return CompletableFuture.completedFuture(navigation.hover(d, p.getLine(), p.getCharacter()));
        }

        @Override
        public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
            Workspace.Doc d = docOrFail(params.getTextDocument().getUri());
            Position p = params.getPosition();
            return CompletableFuture.completedFuture(Either.forLeft(navigation.definition(d, p.getLine(), p.getCharacter())));
        }

        @Override
        public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
            Workspace.Doc d = docOrFail(params.getTextDocument().getUri());
            List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
            for (DocumentSymbol s : Navigation.symbols(d)) {
                out.add(Either.forRight(s));
            }
            return CompletableFuture.completedFuture(out);
        }

        @Override
        public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
            Workspace.Doc d = docOrFail(params.getTextDocument().getUri());
            FormatResult r = Formatter.format(workspace.display(d), d.text());
            if (!r.ok()) {
                Diagnostic first = r.errors().get(0);
                SourceSpan s = first.span();
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed,
                        "cannot format: " + s.file() + ":" + s.line() + ":" + s.column() + ": " + first.message(), null));
            }
            if (r.text().equals(d.text())) {
                return CompletableFuture.completedFuture(List.of());
            }
            String[] lines = d.text().split("\n", -1);
            Range whole = new Range(new Position(0, 0), new Position(lines.length - 1, lines[lines.length - 1].length()));
            return CompletableFuture.completedFuture(List.of(new TextEdit(whole, r.text())));
        }
    };

    private final WorkspaceService workspaceService = new WorkspaceService() {
        @Override
        public void didChangeConfiguration(DidChangeConfigurationParams params) {
        }

        @Override
        public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
            for (FileEvent e : params.getChanges()) {
                workspace.changedOnDisk(e.getUri());
            }
        }
    };
}
