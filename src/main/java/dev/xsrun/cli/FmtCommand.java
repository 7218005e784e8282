package dev.xsrun.cli;

import dev.xsrun.diag.Diagnostic;
import dev.xsrun.diag.DiagnosticRenderer;
import dev.xsrun.diag.SourceText;
import dev.xsrun.load.SourceFiles;
import dev.xsrun.syntax.fmt.FormatResult;
import dev.xsrun.syntax.fmt.Formatter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code xsrun fmt PATH...}: rewrite .xs files in the canonical layout, or with --check only list them. */
@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = {"Rewrite .xs files in the canonical layout.", "",
                "Every .xs file under the given files and folders (recursively) is rewritten in place in the layout "
                        + "of Xano's documentation: two spaces per level; one statement, attribute or entry per line; "
                        + "`name = value` and `key: value`; spaces around operators but none around `|`, `.` and a filter's `:` "
                        + "(inside filter arguments, none around operators either: `$$$$%%2==0`). A block, object or list "
                        + "written on one line stays on one line while it fits in 100 columns (a block only when it holds "
                        + "nothing but `name = value` attributes); otherwise it takes one entry per line, objects and lists "
                        + "with commas.",
                "",
                "Comments stay where they are; runs of blank lines become one. The meaning never changes: each result "
                        + "is parsed again and compared token by token before anything is written. Formatting twice "
                        + "changes nothing. A file that does not parse is left untouched and its errors are printed as "
                        + "file:line:col: message.",
                "",
                "The files rewritten (with --check: that would be rewritten) are listed on standard output. PATH `-` "
                        + "reads standard input and writes the formatted text to standard output.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0   every file is formatted (with --check: no file would change)",
                "  1   --check: at least one file would change",
                "  2   bad command line, or a path that does not exist",
                "  65  a file does not parse (left untouched; the others are still formatted)",
                "",
                "Examples:",
                "  xsrun fmt .                     format every .xs file below the current folder",
                "  xsrun fmt --check examples      in CI: fail when a file is not formatted",
                "  xsrun fmt - < run.xs            format standard input (for editors)"})
public final class FmtCommand implements Callable<Integer> {
    /** {@code --check}: a file would change (as a failed test makes {@code test} exit 1). */
    static final int WOULD_CHANGE = 1;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders to format, or - for standard input")
    List<String> paths;

    @CommandLine.Option(names = "--check", description = "change nothing; list the files that would change and exit 1 if any would")
    boolean check;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(PrintWriter out, PrintWriter err) throws IOException {
        List<Path> files = new ArrayList<>();
        boolean stdin = false;
        for (String p : paths) {
            if (p.equals("-")) {
                stdin = true;
                continue;
            }
            Path path = Path.of(p);
            if (!Files.exists(path)) {
                err.println("xsrun fmt: no such file or folder: " + p);
                return ExitCodes.USAGE;
            }
            files.addAll(SourceFiles.under(path));
        }
        if (stdin && paths.size() > 1) {
            err.println("xsrun fmt: `-` (standard input) cannot be mixed with other paths");
            return ExitCodes.USAGE;
        }
        if (stdin) {
            return standardInput(out, err);
        }
        boolean bad = false;
        boolean changes = false;
        for (Path f : files) {
            String shown = SourceFiles.display(f);
            String text = read(f, shown, err);
            if (text == null) {
                bad = true;
                continue;
            }
            FormatResult r = Formatter.format(shown, text);
            if (!r.ok()) {
                report(r, shown, text, err);
                bad = true;
                continue;
            }
            if (r.text().equals(text)) {
                continue;
            }
            changes = true;
            if (!check) {
                write(f, r.text());
            }
            out.println(shown);
        }
        if (bad) {
            return ExitCodes.DATA;
        }
        return check && changes ? WOULD_CHANGE : ExitCodes.OK;
    }

    private int standardInput(PrintWriter out, PrintWriter err) throws IOException {
        String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        FormatResult r = Formatter.format("<stdin>", text);
        if (!r.ok()) {
            report(r, "<stdin>", text, err);
            return ExitCodes.DATA;
        }
        if (check) {
            if (r.text().equals(text)) {
                return ExitCodes.OK;
            }
            out.println("-");
            return WOULD_CHANGE;
        }
        out.print(r.text());
        return ExitCodes.OK;
    }

    private static String read(Path f, String shown, PrintWriter err) throws IOException {
        byte[] bytes = Files.readAllBytes(f);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            err.println(shown + ": not UTF-8 text; left as it is");
            return null;
        }
    }

    private static void report(FormatResult r, String shown, String text, PrintWriter err) {
        SourceText source = new SourceText(shown, text);
        DiagnosticRenderer renderer = new DiagnosticRenderer(path -> source);
        for (Diagnostic d : r.errors()) {
            err.print(renderer.render(d));
        }
    }

    /** Replaces the file in one step, so that an interrupted fmt never leaves half a file. */
    private static void write(Path f, String text) throws IOException {
        Path dir = f.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + f.getFileName() + ".", ".fmt");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
