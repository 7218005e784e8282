package dev.xsrun.load;

import dev.xsrun.ast.Document;
import dev.xsrun.diag.Diagnostic;
import dev.xsrun.value.SourceSpan;
import dev.xsrun.diag.SourceText;
import dev.xsrun.runtime.Program;
import dev.xsrun.syntax.ParseResult;
import dev.xsrun.syntax.XsParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a job: a folder (every .xs below it, hidden folders skipped), one .xs file (possibly a
 * multidoc), or standard input. Functions are indexed by their declared name wherever they live.
 * Loading stops at the first file with problems, which are returned for printing.
 */
public final class JobLoader {
    /**
     * A loaded job, or the problems that stopped it, with every source read (for excerpts) and every
     * document of the job in file order (queries, tests... too, for {@code xsrun test}).
     */
    public record Loaded(Program program, Path folder, List<Diagnostic> problems, Map<String, SourceText> sources,
                         Map<String, Document.Table> tables, List<Document> documents) {
        public Loaded(Program program, Path folder, List<Diagnostic> problems, Map<String, SourceText> sources) {
            this(program, folder, problems, sources, Map.of(), List.of());
        }

        public boolean ok() {
            return program != null;
        }
    }

    private final XsParser parser;
    private final boolean jobRequired;

    public JobLoader(XsParser parser) {
        this(parser, true);
    }

    private JobLoader(XsParser parser, boolean jobRequired) {
        this.parser = parser;
        this.jobRequired = jobRequired;
    }

    /** A loader that also loads a folder or file without a run.job (functions, queries, tests: what {@code xsrun test} reads). */
    public JobLoader withoutJob() {
        return new JobLoader(parser, false);
    }

    public Loaded load(String pathArg, InputStream stdin) throws IOException {
        Map<String, SourceText> sources = new LinkedHashMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        List<ParseResult> parsed = new ArrayList<>();
        Path folder;
        if (pathArg.equals("-")) {
            String text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            ParseResult r = parser.parse("<stdin>", text);
            sources.put("<stdin>", r.source());
            parsed.add(r);
            folder = null;
        } else {
            Path path = Path.of(pathArg);
            if (!Files.exists(path)) {
                problems.add(Diagnostic.error(new SourceSpan(pathArg, 0, 0, 1), "no such job folder or file"));
                return new Loaded(null, null, problems, sources);
            }
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(path)) {
                folder = path;
                files.addAll(SourceFiles.under(path));
                if (files.isEmpty()) {
                    problems.add(Diagnostic.error(new SourceSpan(pathArg, 0, 0, 1), "the folder holds no .xs files"));
                    return new Loaded(null, folder, problems, sources);
                }
            } else {
                folder = path.toAbsolutePath().getParent();
                files.add(path);
            }
            for (ParseResult r : SourceFiles.each(files, f -> parser.parse(SourceFiles.display(f),
                    new String(Files.readAllBytes(f), StandardCharsets.UTF_8)))) {
                sources.put(r.source().path(), r.source());
                parsed.add(r);
            }
        }
        for (ParseResult r : parsed) {
            if (r.hasErrors()) {
                problems.addAll(r.diagnostics());
                return new Loaded(null, folder, problems, sources);
            }
            problems.addAll(r.diagnostics());
        }
        Document.RunJob job = null;
        Map<String, Document.FunctionDef> functions = new LinkedHashMap<>();
        Map<String, Document.Table> tables = new LinkedHashMap<>();
        List<Document> documents = new ArrayList<>();
        for (ParseResult r : parsed) {
            documents.addAll(r.documents());
            for (Document d : r.documents()) {
                if (d instanceof Document.RunJob) {
                    if (job != null) {
                        problems.add(Diagnostic.error(d.span(), "a second run.job; the first is at " + job.span()));
                        return new Loaded(null, folder, problems, sources);
                    }
                    job = (Document.RunJob) d;
                } else if (d instanceof Document.FunctionDef) {
                    Document.FunctionDef f = (Document.FunctionDef) d;
                    Document.FunctionDef before = functions.putIfAbsent(f.name(), f);
                    if (before != null) {
                        problems.add(Diagnostic.error(f.span(), "function `" + f.name() + "` is declared twice; the other is at " + before.span()));
                        return new Loaded(null, folder, problems, sources);
                    }
                } else if (d instanceof Document.Table) {
                    Document.Table t = (Document.Table) d;
                    Document.Table before = tables.putIfAbsent(t.name(), t);
                    if (before != null) {
                        problems.add(Diagnostic.error(t.span(), "table `" + t.name() + "` is declared twice; the other is at " + before.span()));
                        return new Loaded(null, folder, problems, sources);
                    }
                } else if (d instanceof Document.Settings && ((Document.Settings) d).kind().equals("run.service") && job == null) {
                    problems.add(Diagnostic.error(d.span(), "run.service is a long-running service; xsrun runs run.job jobs only"));
                    return new Loaded(null, folder, problems, sources);
                }
            }
        }
        if (job == null && jobRequired) {
            problems.add(Diagnostic.error(new SourceSpan(pathArg, 0, 0, 1), "no run.job found"
                    + (pathArg.equals("-") ? " on standard input" : " (a job folder needs a run.xs with run.job \"Name\" { main = {...} })")));
            return new Loaded(null, folder, problems, sources);
        }
        return new Loaded(new Program(job, functions), folder, problems, sources, tables, List.copyOf(documents));
    }
}
