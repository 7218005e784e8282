package dev.xsrun.cli;

import dev.xsrun.lsp.XsLanguageServer;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code xsrun lsp}: the language server on standard input and output, for editors. */
@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = {"Serve the Language Server Protocol on standard input and output.", "",
                "Editors start this command: diagnostics as you type, completion, hover, go to definition,",
                "document symbols and formatting for .xs files. The workspace folder the editor opens is the",
                "job folder. Standard output carries only protocol messages; logs go to standard error.", ""})
public final class LspCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        // Protocol frames own standard output: anything else printed by mistake goes to standard error.
        OutputStream protocol = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        return XsLanguageServer.serve(System.in, protocol, Version.get());
    }
}
