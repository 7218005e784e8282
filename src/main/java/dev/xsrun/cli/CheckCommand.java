package dev.xsrun.cli;

import dev.xsrun.diag.Diagnostic;
import dev.xsrun.diag.DiagnosticRenderer;
import dev.xsrun.filters.FilterRegistry;
import dev.xsrun.load.SourceFiles;
import dev.xsrun.syntax.ParseResult;
import dev.xsrun.syntax.XsParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code xsrun check PATH...}: parse and validate every .xs file, print every problem, run nothing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check .xs files for problems; nothing runs.", "",
                "Parse and validate every .xs file under the given files and folders (recursively) and print",
                "every problem as file:line:col: message, with the source line and a marker. Nothing runs.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0   every file is valid (warnings may be printed)", "  2   a path does not exist",
                "  65  at least one file has an error"})
public final class CheckCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders to check")
    List<Path> paths;

    @CommandLine.Option(names = {"-q", "--quiet"}, description = "print only the problems, not the closing summary")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return check(paths, quiet, spec.commandLine().getErr());
    }

    /**
     * {@code check} with only paths and at most one {@code -q}, run without building the picocli model:
     * picocli's classes are too old for the JVM's class-data archive and are verified the slow way, which
     * costs a fifth of a whole check of a thousand files. Returns null when the command line needs picocli
     * (help, another option, an argument file, an unusual path), which then runs it as usual. Kept, with
     * {@code CheckWithoutPicocliTest} holding it in step with picocli, while {@code bench/startup.sh}
     * shows it worth its cost (see bench/README.md, Start-up).
     */
    static Integer withoutPicocli(String[] args, Supplier<PrintWriter> errors) {
        if (args.length < 2 || !args[0].equals("check")) {
            return null;
        }
        boolean quiet = false;
        List<Path> paths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if ((a.equals("-q") || a.equals("--quiet")) && !quiet) {
                quiet = true;
            } else if (a.isEmpty() || a.startsWith("-") || a.startsWith("@")) {
                return null;
            } else {
                try {
                    paths.add(Path.of(a));
                } catch (InvalidPathException e) {
                    return null;
                }
            }
        }
        if (paths.isEmpty()) {
            return null;
        }
        PrintWriter err = errors.get();
        try {
            return check(paths, quiet, err);
        } catch (Exception e) {
            return ErrorHandler.report(e, err, false);
        } finally {
            err.flush();
        }
    }

    static int check(List<Path> paths, boolean quiet, PrintWriter err) throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                err.println("xsrun check: no such file or folder: " + p);
                return ExitCodes.USAGE;
            }
            files.addAll(SourceFiles.under(p));
        }
        XsParser parser = new XsParser(FilterRegistry.standard().names().isEmpty() ? dev.xsrun.ast.FilterCatalog.ANY : FilterRegistry.standard().catalog());
        List<ParseResult> results = parseAll(parser, files);
        int errors = 0;
        int warnings = 0;
        int badFiles = 0;
        StringBuilder out = new StringBuilder();
        for (ParseResult r : results) {
            DiagnosticRenderer renderer = new DiagnosticRenderer(path -> r.source());
            boolean bad = false;
            for (Diagnostic d : r.diagnostics()) {
                out.append(renderer.render(d));
                if (d.isError()) {
                    errors++;
                    bad = true;
                } else {
                    warnings++;
                }
            }
            if (bad) {
                badFiles++;
            }
        }
        err.print(out);
        if (!quiet) {
            err.println("checked " + files.size() + " file" + (files.size() == 1 ? "" : "s") + ": "
                    + (errors == 0 ? "no errors" : errors + " error" + (errors == 1 ? "" : "s") + " in " + badFiles + " file" + (badFiles == 1 ? "" : "s"))
                    + (warnings == 0 ? "" : ", " + warnings + " warning" + (warnings == 1 ? "" : "s")));
        }
        err.flush();
        return errors == 0 ? ExitCodes.OK : ExitCodes.DATA;
    }

    /** Parses on every core; results keep the files' order. */
    static List<ParseResult> parseAll(XsParser parser, List<Path> files) throws IOException {
        return SourceFiles.each(files, f -> parseOne(parser, f));
    }

    static ParseResult parseOne(XsParser parser, Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        String shown = SourceFiles.display(file);
        try {
            return parser.parse(shown, text);
        } catch (RuntimeException | StackOverflowError bug) {
            if (System.getenv("XSRUN_DEBUG") != null) {
                bug.printStackTrace();
            }
            return new ParseResult(new dev.xsrun.diag.SourceText(shown, text), List.of(), List.of(Diagnostic.error(
                    new dev.xsrun.value.SourceSpan(shown, 0, 0, 1), "internal error while checking this file: " + bug)));
        }
    }
}
