package dev.xsrun.cli;

import dev.xsrun.ast.Document;
import dev.xsrun.db.Database;
import dev.xsrun.db.DbStatements;
import dev.xsrun.db.Engine;
import dev.xsrun.db.Transfer;
import dev.xsrun.db.Migrations;
import dev.xsrun.db.TableSchema;
import dev.xsrun.diag.Diagnostic;
import dev.xsrun.diag.DiagnosticRenderer;
import dev.xsrun.diag.SourceText;
import dev.xsrun.filters.FilterRegistry;
import dev.xsrun.load.JobLoader;
import dev.xsrun.load.SourceFiles;
import dev.xsrun.runtime.Addons;
import dev.xsrun.runtime.StatementFamily;
import dev.xsrun.syntax.ParseResult;
import dev.xsrun.syntax.XsParser;
import dev.xsrun.value.XsError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xsrun db COMMAND}: the local database of a job folder, and where {@code run} gets its database. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = {"The local database of a job folder: its tables come from the folder's `table` documents.", ""},
        subcommands = {DbCommand.Migrate.class, DbCommand.Import.class, DbCommand.Export.class, DbCommand.Reset.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0   done", "  2   bad command line", "  65  invalid table documents or import data",
                "  69  PostgreSQL unreachable", "  70  the database refused a change"})
public final class DbCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** The job's database for a run: opened on the first db.* statement. */
    static StatementFamily family(JobLoader.Loaded loaded, String option, dev.xsrun.value.Secrets secrets) {
        String where = setting(option);
        if (where != null && where.contains("@")) {
            int at = where.lastIndexOf('@');
            int colon = where.indexOf(':', where.indexOf("//") + 2);
            if (colon > 0 && colon < at) {
                secrets.add(where.substring(colon + 1, at));
            }
        }
        Path folder = loaded.folder();
        return new DbStatements(new Database(loaded.tables().values(), () -> Engine.forSetting(where, folder), secrets::add),
                Addons.of(loaded.documents()));
    }

    /** The db.* statements of a run on a private in-memory copy of an SQLite file (empty when it does not exist). */
    static StatementFamily copyFamily(JobLoader.Loaded loaded, Path source, dev.xsrun.value.Secrets secrets) {
        return new DbStatements(new Database(loaded.tables().values(), () -> Engine.copyOf(source), secrets::add),
                Addons.of(loaded.documents()));
    }

    /** Where the database is: the --db option, else env XSRUN_DB, else null (the job folder's file). */
    static String setting(String option) {
        return option != null ? option : System.getenv("XSRUN_DB");
    }

    /** Options every subcommand shares. */
    static class Common {
        @Option(names = "--job", paramLabel = "DIR", description = "the job folder whose `table` documents define the tables (default: the current folder)")
        Path job = Path.of(".");

        @Option(names = "--db", paramLabel = "WHERE", description = "the database: default .xsrun/xsrun.db in the job folder; memory; a file path; or a postgresql:// URL (also env XSRUN_DB)")
        String db;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        /** The folder's tables, or null after printing its problems. */
        Map<String, Document.Table> tables() throws IOException {
            if (!Files.isDirectory(job)) {
                err().println("xsrun db: no such job folder: " + job);
                return null;
            }
            XsParser parser = new XsParser(FilterRegistry.standard().catalog());
            Map<String, SourceText> sources = new LinkedHashMap<>();
            List<Diagnostic> problems = new ArrayList<>();
            Map<String, Document.Table> tables = new LinkedHashMap<>();
            for (Path f : SourceFiles.under(job)) {
                String shown = SourceFiles.display(f);
                ParseResult r = parser.parse(shown, new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
                sources.put(shown, r.source());
                if (r.hasErrors()) {
                    problems.addAll(r.diagnostics());
                    continue;
                }
                for (Document d : r.documents()) {
                    if (d instanceof Document.Table) {
                        tables.put(((Document.Table) d).name(), (Document.Table) d);
                    }
                }
            }
            if (!problems.isEmpty()) {
                DiagnosticRenderer renderer = new DiagnosticRenderer(sources);
                problems.forEach(p -> err().print(renderer.render(p)));
                return null;
            }
            return tables;
        }

        Database database(Map<String, Document.Table> tables) {
            String where = setting(db);
            return new Database(tables.values(), () -> Engine.forSetting(where, job));
        }

        int fail(XsError e) {
            err().println("xsrun db: " + e.getMessage());
            return e.kind().exitCode;
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = {"Show what the `table` documents change in the database and apply it (--dry-run: only show).",
                    "New tables, fields and indexes are created; a changed field type is refused; nothing is dropped."})
    static final class Migrate extends Common implements Callable<Integer> {
        @Option(names = "--dry-run", description = "show the changes, apply none")
        boolean dryRun;

        @Override
        public Integer call() throws Exception {
            Map<String, Document.Table> tables = tables();
            if (tables == null) {
                return ExitCodes.DATA;
            }
            String where = setting(db);
            try (Engine engine = Engine.forSetting(where, job)) {
                List<TableSchema> schemas = new ArrayList<>();
                tables.values().forEach(t -> schemas.add(new TableSchema(t)));
                Migrations.Plan plan = engine.atomically(c -> Migrations.plan(engine, c, schemas));
                for (Migrations.Change ch : plan.changes()) {
                    out().println((dryRun ? "would " : "") + ch.description());
                }
                for (Migrations.Seed seed : plan.seeds()) {
                    out().println((dryRun ? "would " : "") + seed.description());
                }
                plan.notes().forEach(n -> err().println("note: " + n));
                if (!dryRun && !plan.changes().isEmpty()) {
                    engine.atomically(c -> {
                        Migrations.apply(engine, c, plan);
                        return null;
                    });
                }
                err().println(plan.changes().isEmpty() ? "the database " + engine.shown() + " is up to date"
                        : (dryRun ? "" : "applied ") + plan.changes().size() + " change" + (plan.changes().size() == 1 ? "" : "s") + " to " + engine.shown());
                return ExitCodes.OK;
            } catch (XsError e) {
                return fail(e);
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Add the records of a JSON-lines (.jsonl, .ndjson, .json) or CSV (.csv) file to a table.",
                    "Every record is validated like db.add; one bad record stops the import and nothing of it is written."})
    static final class Import extends Common implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "TABLE")
        String table;

        @Parameters(index = "1", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            Map<String, Document.Table> tables = tables();
            if (tables == null) {
                return ExitCodes.DATA;
            }
            if (!Files.isRegularFile(file)) {
                err().println("xsrun db import: no such file: " + file);
                return ExitCodes.USAGE;
            }
            try (Database database = database(tables)) {
                TableSchema t = database.table(table, null);
                long n = Transfer.importFile(database, t, file);
                err().println("imported " + n + " record" + (n == 1 ? "" : "s") + " into " + table);
                return ExitCodes.OK;
            } catch (XsError e) {
                return fail(e);
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Print every record of a table on standard output, as JSON lines (default) or CSV."})
    static final class Export extends Common implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "TABLE")
        String table;

        @Option(names = "--format", paramLabel = "jsonl|csv", description = "jsonl (default) or csv")
        String format = "jsonl";

        @Override
        public Integer call() throws Exception {
            if (!format.equals("jsonl") && !format.equals("csv")) {
                err().println("xsrun db export: --format must be jsonl or csv");
                return ExitCodes.USAGE;
            }
            Map<String, Document.Table> tables = tables();
            if (tables == null) {
                return ExitCodes.DATA;
            }
            try (Database database = database(tables)) {
                TableSchema t = database.table(table, null);
                Transfer.export(database, t, format.equals("csv"), out());
                out().flush();
                return ExitCodes.OK;
            } catch (XsError e) {
                return fail(e);
            }
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = {"Drop the tables the `table` documents declare, with all their data, and create them again",
                    "(empty, or holding only the records of their `items = [..]`)."})
    static final class Reset extends Common implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            Map<String, Document.Table> tables = tables();
            if (tables == null) {
                return ExitCodes.DATA;
            }
            String where = setting(db);
            try (Engine engine = Engine.forSetting(where, job)) {
                engine.atomically(c -> {
                    try (java.sql.Statement s = c.createStatement()) {
                        for (String name : tables.keySet()) {
                            s.execute("DROP TABLE IF EXISTS " + Engine.q(name));
                        }
                    }
                    return null;
                });
            } catch (XsError e) {
                return fail(e);
            }
            try (Database database = database(tables)) {
                database.engine();
                err().println("reset " + tables.size() + " table" + (tables.size() == 1 ? "" : "s") + " of " + database.engine().shown());
                return ExitCodes.OK;
            } catch (XsError e) {
                return fail(e);
            }
        }
    }
}
