package dev.xsrun.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real conversation with the language server over pipes, as an editor has it. */
class LspConversationTest {
    @TempDir
    Path job;

    private LanguageServer server;
    private final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    private CompletableFuture<Integer> serverExit;
    private String greetUri;
    private String greetText;

    private static final String GREET = String.join("\n",
            "function \"greet\" {",
            "  input {",
            "    text name filters=trim",
            "    int count?=1",
            "  }",
            "  stack {",
            "    var $shout { value = $input.name|to_upper }",
            "    function.run \"helpers/pad\" {",
            "      input = {value: $shout}",
            "    } as $padded",
            "    db.get \"user\" {",
            "      field_name = \"id\"",
            "      field_value = 1",
            "    } as $user",
            "  }",
            "  response = $padded",
            "}",
            "");

    @BeforeEach
    void start() throws Exception {
        Files.writeString(job.resolve("run.xs"), String.join("\n",
                "run.job \"Greeting\" {",
                "  main = {name: \"greet\", input: {name: \"Ada\"}}",
                "  env = [\"greeting_prefix\", \"api_key\"]",
                "}", ""));
        Files.createDirectories(job.resolve("function/helpers"));
        Files.writeString(job.resolve("function/greet.xs"), GREET);
        Files.writeString(job.resolve("function/helpers/pad.xs"), String.join("\n",
                "// pads a text",
                "function \"helpers/pad\" {",
                "  input {",
                "    text value",
                "  }",
                "  stack {",
                "  }",
                "  response = \" \" ~ $input.value",
                "}", ""));
        Files.createDirectories(job.resolve("table"));
        Files.writeString(job.resolve("table/user.xs"), String.join("\n",
                "table \"user\" {",
                "  auth = false",
                "  schema {",
                "    int id",
                "    email email filters=trim|lower",
                "    text display_name?",
                "  }",
                "}", ""));

        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        serverExit = CompletableFuture.supplyAsync(() -> {
            try {
                return XsLanguageServer.serve(serverIn, serverOut, "test");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(), clientIn, clientOut);
        launcher.startListening();
        server = launcher.getRemoteProxy();

        InitializeParams init = new InitializeParams();
        init.setCapabilities(new ClientCapabilities());
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(job.toUri().toString(), "job")));
        InitializeResult result = server.initialize(init).get(30, TimeUnit.SECONDS);
        assertTrue(result.getCapabilities().getHoverProvider().getLeft());
        assertEquals("xsrun", result.getServerInfo().getName());
        server.initialized(new InitializedParams());

        greetUri = job.resolve("function/greet.xs").toUri().toString();
        greetText = GREET;
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(greetUri, "xanoscript", 1, greetText)));
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null && !serverExit.isDone()) {
            server.shutdown().get(10, TimeUnit.SECONDS);
            server.exit();
            assertEquals(0, serverExit.get(10, TimeUnit.SECONDS));
        }
    }

    private PublishDiagnosticsParams nextDiagnostics(String uri) throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams p = diagnostics.poll(30, TimeUnit.SECONDS);
            assertNotNull(p, "no diagnostics published");
            if (p.getUri().equals(uri)) {
                return p;
            }
        }
    }

    private void change(int version, String text) {
        greetText = text;
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(greetUri, version),
                List.of(new TextDocumentContentChangeEvent(text))));
    }

    private List<CompletionItem> complete(int line, int character) throws Exception {
        return server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(greetUri), new Position(line, character)))
                .get(10, TimeUnit.SECONDS).getRight().getItems();
    }

    private static List<String> labels(List<CompletionItem> items) {
        List<String> out = new ArrayList<>();
        for (CompletionItem i : items) {
            out.add(i.getLabel());
        }
        return out;
    }

    @Test
    void diagnosticsFollowEdits() throws Exception {
        PublishDiagnosticsParams first = nextDiagnostics(greetUri);
        assertEquals(List.of(), first.getDiagnostics(), "the opened file is valid");

        // an unknown filter: the same message `xsrun check` prints, at the filter's place
        change(2, greetText.replace("|to_upper", "|to_uper"));
        PublishDiagnosticsParams bad = nextDiagnostics(greetUri);
        assertEquals(2, bad.getVersion());
        assertEquals(1, bad.getDiagnostics().size());
        org.eclipse.lsp4j.Diagnostic d = bad.getDiagnostics().get(0);
        assertTrue(d.getMessage().contains("to_uper"), d.getMessage());
        assertTrue(d.getMessage().contains("to_upper"), "suggests the right name: " + d.getMessage());
        assertEquals(6, d.getRange().getStart().getLine());
        assertEquals("xsrun", d.getSource());

        String cli = checkMessage(greetText);
        assertTrue(cli.contains(d.getMessage()), "check says the same: " + cli);

        change(3, GREET);
        assertEquals(List.of(), nextDiagnostics(greetUri).getDiagnostics());
    }

    /** What `xsrun check` prints for the text. */
    private String checkMessage(String text) throws IOException {
        Path copy = Files.createTempDirectory("lsp-check").resolve("greet.xs");
        Files.writeString(copy, text);
        java.io.StringWriter err = new java.io.StringWriter();
        java.io.PrintWriter w = new java.io.PrintWriter(err);
        picocli.CommandLine cl = dev.xsrun.cli.Main.commandLine();
        cl.setErr(w);
        cl.execute("check", copy.toString());
        w.flush();
        return err.toString();
    }

    @Test
    void completesFromTheCatalogueAndTheWorkspace() throws Exception {
        nextDiagnostics(greetUri);
        // filters after |, each with its signature
        String lineSix = "    var $shout { value = $input.name|to_upper }";
        List<CompletionItem> filters = complete(6, lineSix.indexOf("|") + 1);
        CompletionItem split = filters.stream().filter(i -> i.getLabel().equals("split")).findFirst().orElseThrow();
        assertEquals("|split:separator", split.getDetail());
        assertTrue(labels(filters).contains("to_upper"));

        // $input. fields from the input block
        assertEquals(List.of("name", "count"), labels(complete(6, lineSix.indexOf("$input.") + "$input.".length())));

        // function names in function.run
        change(2, GREET.replace("function.run \"helpers/pad\"", "function.run \"he"));
        List<CompletionItem> functions = complete(7, "    function.run \"he".length());
        assertTrue(labels(functions).containsAll(List.of("greet", "helpers/pad")), labels(functions).toString());

        // table names in db.*, fields in $db.table.
        change(3, GREET.replace("db.get \"user\"", "db.get \"u"));
        assertEquals(List.of("user"), labels(complete(10, "    db.get \"u".length())));
        change(4, GREET.replace("value = $input.name|to_upper", "value = $db.user."));
        assertEquals(List.of("id", "email", "display_name"), labels(complete(6, "    var $shout { value = $db.user.".length())));

        // $env. names from the job's env list
        change(5, GREET.replace("value = $input.name|to_upper", "value = $env."));
        assertEquals(List.of("greeting_prefix", "api_key"), labels(complete(6, "    var $shout { value = $env.".length())));

        // statement names at the start of a statement, attribute names inside a statement's block
        change(6, GREET.replace("    var $shout", "    api.re\n    var $shout"));
        List<CompletionItem> statements = complete(6, "    api.re".length());
        assertTrue(labels(statements).containsAll(List.of("api.request", "var", "foreach", "db.query")));
        change(8, GREET.replace("    var $shout", "    api.request {\n      \n    } as $r\n    var $shout"));
        List<String> attributes = labels(complete(7, 6));
        assertTrue(attributes.containsAll(List.of("url", "method", "headers", "params", "timeout", "description")), attributes.toString());
        assertFalse(attributes.contains("var"));
    }

    @Test
    void hoverShowsSignaturesDescriptionsAndInputTypes() throws Exception {
        nextDiagnostics(greetUri);
        Hover filter = hover(6, "    var $shout { value = $input.name|to_up".length());
        String text = filter.getContents().getRight().getValue();
        assertTrue(text.contains("|to_upper"), text);
        assertTrue(text.contains("Example:"), text);

        Hover input = hover(6, "    var $shout { value = $input.na".length());
        assertTrue(input.getContents().getRight().getValue().contains("input `name` of function `greet`: text"),
                input.getContents().getRight().getValue());

        Hover statement = hover(6, 5);
        String st = statement.getContents().getRight().getValue();
        assertTrue(st.contains("var $variable { value = ... }"), st);
        assertTrue(st.contains("Example:"), st);

        String db = hover(10, 6).getContents().getRight().getValue();
        assertTrue(db.contains("Reads one record of a table"), db);
        assertFalse(db.contains("not run by xsrun"), "db.* statements run on the job's tables: " + db);
    }

    private Hover hover(int line, int character) throws Exception {
        Hover h = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(greetUri), new Position(line, character)))
                .get(10, TimeUnit.SECONDS);
        assertNotNull(h, "no hover at " + line + ":" + character);
        return h;
    }

    @Test
    void definitionReachesFilesThatAreNotOpen() throws Exception {
        nextDiagnostics(greetUri);
        Location fn = definition(7, "    function.run \"hel".length());
        assertEquals(job.resolve("function/helpers/pad.xs").toUri().toString(), fn.getUri());
        assertEquals(1, fn.getRange().getStart().getLine());
        assertEquals("function \"".length(), fn.getRange().getStart().getCharacter());

        Location table = definition(10, "    db.get \"us".length());
        assertEquals(job.resolve("table/user.xs").toUri().toString(), table.getUri());
        assertEquals(0, table.getRange().getStart().getLine());
    }

    private Location definition(int line, int character) throws Exception {
        List<? extends Location> l = server.getTextDocumentService().definition(
                new DefinitionParams(new TextDocumentIdentifier(greetUri), new Position(line, character))).get(10, TimeUnit.SECONDS).getLeft();
        assertEquals(1, l.size(), "definitions: " + l);
        return l.get(0);
    }

    @Test
    void documentSymbolsListTheFunctionAndItsInputs() throws Exception {
        nextDiagnostics(greetUri);
        List<DocumentSymbol> symbols = new ArrayList<>();
        server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(greetUri)))
                .get(10, TimeUnit.SECONDS).forEach(e -> symbols.add(e.getRight()));
        assertEquals(1, symbols.size());
        assertEquals("greet", symbols.get(0).getName());
        assertEquals(org.eclipse.lsp4j.SymbolKind.Function, symbols.get(0).getKind());
        assertEquals(List.of("name", "count"), symbols.get(0).getChildren().stream().map(DocumentSymbol::getName).toList());
        assertEquals(16, symbols.get(0).getRange().getEnd().getLine());
    }

    @Test
    void formattingGoesThroughTheFormatterOfFmt() throws Exception {
        nextDiagnostics(greetUri);
        String messy = GREET.replace("    var $shout", "var   $shout");
        change(2, messy);
        nextDiagnostics(greetUri);
        CompletableFuture<List<? extends org.eclipse.lsp4j.TextEdit>> edits = server.getTextDocumentService().formatting(
                new DocumentFormattingParams(new TextDocumentIdentifier(greetUri), new FormattingOptions(2, true)));
        // the edit replaces the file with exactly what `xsrun fmt` writes
        dev.xsrun.syntax.fmt.FormatResult byFmt = dev.xsrun.syntax.fmt.Formatter.format("function/greet.xs", messy);
        assertTrue(byFmt.ok(), byFmt.errors().toString());
        assertNotEquals(messy, byFmt.text());
        List<? extends org.eclipse.lsp4j.TextEdit> got = edits.get(10, TimeUnit.SECONDS);
        assertEquals(1, got.size());
        assertEquals(byFmt.text(), got.get(0).getNewText());
        assertEquals(0, got.get(0).getRange().getStart().getLine());
    }

    @Test
    void formattingAFileThatDoesNotParseFailsWithItsFirstError() throws Exception {
        nextDiagnostics(greetUri);
        change(2, GREET.replace("stack {", "stack {{"));
        nextDiagnostics(greetUri);
        CompletableFuture<List<? extends org.eclipse.lsp4j.TextEdit>> edits = server.getTextDocumentService().formatting(
                new DocumentFormattingParams(new TextDocumentIdentifier(greetUri), new FormattingOptions(2, true)));
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> edits.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof ResponseErrorException, e.toString());
        assertTrue(e.getCause().getMessage().startsWith("cannot format: "), e.getCause().getMessage());
    }

    private final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            diagnostics.add(params);
        }

        @Override
        public void showMessage(MessageParams params) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams params) {
        }
    }
}
