package dev.xsrun.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Latency from a one-character {@code didChange} to the {@code publishDiagnostics} that answers it, for
 * any language server started as a command that speaks LSP on its standard input and output.
 * <pre>
 *   java ... dev.xsrun.bench.LspLatency [--lines 1000] [--warmup 200] [--edits 300] -- COMMAND ARGS...
 * </pre>
 * The file is a generated valid function of about {@code --lines} lines; each edit changes one character
 * of a string literal in its middle (alternately adding and removing it), so the file stays valid and the
 * server re-checks the whole text each time (full-text sync, which both servers measured ask for).
 */
public final class LspLatency {
    public static void main(String[] args) throws Exception {
        int lines = 1000;
        int warmup = 200;
        int edits = 300;
        int i = 0;
        while (i < args.length && !args[i].equals("--")) {
            switch (args[i]) {
                case "--lines" -> lines = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--edits" -> edits = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        List<String> command = Arrays.asList(args).subList(Math.min(i + 1, args.length), args.length);
        if (command.isEmpty()) {
            System.err.println("usage: LspLatency [--lines N] [--warmup N] [--edits N] -- COMMAND ARGS...");
            System.exit(2);
        }

        Path dir = Files.createTempDirectory("lsp-latency");
        String text = generate(lines);
        Path file = dir.resolve("function").resolve("big.xs");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        String uri = file.toUri().toString();

        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BlockingQueue<Long> published = new LinkedBlockingQueue<>();
        List<Integer> counts = new ArrayList<>();
        LanguageClient client = new LanguageClient() {
            public void telemetryEvent(Object object) {
            }

            public void publishDiagnostics(PublishDiagnosticsParams p) {
                if (p.getUri().endsWith("big.xs")) {
                    synchronized (counts) {
                        counts.add(p.getDiagnostics().size());
                    }
                    published.add(System.nanoTime());
                }
            }

            public void showMessage(MessageParams p) {
            }

            public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
                return CompletableFuture.completedFuture(null);
            }

            public void logMessage(MessageParams p) {
            }
        };
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, server.getInputStream(), server.getOutputStream());
        launcher.startListening();
        LanguageServer ls = launcher.getRemoteProxy();

        long t0 = System.nanoTime();
        InitializeParams init = new InitializeParams();
        init.setCapabilities(new ClientCapabilities());
        init.setRootUri(dir.toUri().toString());
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "bench")));
        ls.initialize(init).get(120, TimeUnit.SECONDS);
        ls.initialized(new InitializedParams());
        long tInit = System.nanoTime();
        ls.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "xanoscript", 1, text)));
        waitFor(published);
        long tOpen = System.nanoTime();
        Thread.sleep(200);
        published.clear();
        int firstCount;
        synchronized (counts) {
            firstCount = counts.isEmpty() ? -1 : counts.get(counts.size() - 1);
        }

        int marker = text.indexOf("\"marker\"");
        int version = 1;
        long[] samples = new long[edits];
        long cpuBefore = 0;
        for (int n = 0; n < warmup + edits; n++) {
            if (n == warmup) {
                cpuBefore = cpuNanos(server);
            }
            String edited = (n % 2 == 0) ? text.substring(0, marker + 1) + "x" + text.substring(marker + 1) : text;
            version++;
            published.clear();
            long start = System.nanoTime();
            ls.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
                    List.of(new TextDocumentContentChangeEvent(edited))));
            long end = waitFor(published);
            if (n >= warmup) {
                samples[n - warmup] = end - start;
            }
            // a reference server may publish twice per change (it clears, then reports): let stragglers land
            Thread.sleep(5);
        }
        long cpuPerEdit = (cpuNanos(server) - cpuBefore) / edits;
        int lastCount;
        synchronized (counts) {
            lastCount = counts.get(counts.size() - 1);
        }
        Arrays.sort(samples);
        System.out.printf("server: %s%n", String.join(" ", command));
        System.out.printf("file: %d lines, %d chars; diagnostics on open: %d, after the edits: %d%n",
                text.split("\n").length, text.length(), firstCount, lastCount);
        System.out.printf("initialize: %.0f ms, open to first diagnostics: %.1f ms%n", (tInit - t0) / 1e6, (tOpen - tInit) / 1e6);
        System.out.printf("server CPU time per measured edit (all its threads, GC and JIT included): %.2f ms%n", cpuPerEdit / 1e6);
        System.out.printf("didChange -> publishDiagnostics over %d edits (after %d warm-up): median %.2f ms, p90 %.2f ms, p99 %.2f ms, min %.2f ms, max %.2f ms%n",
                edits, warmup, ms(samples, 0.5), ms(samples, 0.9), ms(samples, 0.99), samples[0] / 1e6, samples[samples.length - 1] / 1e6);

        try {
            ls.shutdown().get(10, TimeUnit.SECONDS);
            ls.exit();
        } catch (Exception ignored) {
            // the figures are printed; a server that does not shut down cleanly is stopped below
        }
        if (!server.waitFor(5, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
        System.exit(0);
    }

    /**
     * CPU time the server's process and its children used so far (the xsrun launcher execs java; node is
     * the process itself): a figure that, unlike latency, does not grow when other work shares the cores.
     */
    private static long cpuNanos(Process p) {
        long total = p.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
        for (ProcessHandle child : p.toHandle().descendants().toList()) {
            total += child.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
        }
        return total;
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }

    private static long waitFor(BlockingQueue<Long> q) throws InterruptedException {
        Long t = q.poll(60, TimeUnit.SECONDS);
        if (t == null) {
            throw new IllegalStateException("no publishDiagnostics within 60 s");
        }
        return t;
    }

    /** A valid function of about {@code lines} lines: inputs, variables, conditionals, loops, filters, a request. */
    static String generate(int lines) {
        StringBuilder sb = new StringBuilder();
        sb.append("function \"big\" {\n  input {\n    text name filters=trim\n    int count?=3\n  }\n  stack {\n");
        int n = 0;
        int written = 6;
        while (written < lines - 6) {
            if (written > lines / 2 && sb.indexOf("\"marker\"") < 0) {
                sb.append("    var $marker { value = \"marker\" }\n");
                written++;
                continue;
            }
            switch (n % 4) {
                case 0 -> {
                    sb.append("    var $v").append(n).append(" { value = $input.name|to_upper|trim }\n");
                    written++;
                }
                case 1 -> {
                    sb.append("    conditional {\n      if ($input.count > ").append(n).append(") {\n")
                            .append("        var $c").append(n).append(" { value = ($input.count + ").append(n).append(") * 2 }\n")
                            .append("      }\n      else {\n        var $c").append(n).append(" { value = \"none\" }\n      }\n    }\n");
                    written += 8;
                }
                case 2 -> {
                    sb.append("    foreach ([1, 2, 3]) {\n      each as $item").append(n).append(" {\n")
                            .append("        var $s").append(n).append(" { value = $item").append(n).append(" ~ \"-\" ~ $input.name }\n")
                            .append("      }\n    }\n");
                    written += 5;
                }
                default -> {
                    sb.append("    var $o").append(n).append(" {\n      value = {\n        id: ").append(n)
                            .append("\n        label: \"item ").append(n).append("\"|to_lower\n        tags: [\"a\", \"b\"]|join:\",\"\n      }\n    }\n");
                    written += 7;
                }
            }
            n++;
        }
        sb.append("  }\n  response = $marker\n}\n");
        return sb.toString();
    }
}
