package dev.xsrun.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xsrun.ast.CatalogueDocs;
import dev.xsrun.ast.StatementCatalogue;
import dev.xsrun.diag.Diagnostic;
import dev.xsrun.filters.FilterRegistry;
import dev.xsrun.syntax.ParseResult;
import dev.xsrun.syntax.XsParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The descriptions hover shows stay in step with the catalogue, and every example passes `check`. */
class CatalogueDocsTest {
    private final FilterRegistry registry = FilterRegistry.standard().complete();
    private final XsParser parser = new XsParser(registry.catalog());

    @Test
    void everyFilterIsDescribedAndEveryExampleChecks() {
        CatalogueDocs docs = FilterRegistry.descriptions();
        assertEquals(new TreeSet<>(registry.names()), new TreeSet<>(docs.all().keySet()), "filters.tsv lists exactly the registered filters");
        List<String> problems = new ArrayList<>();
        for (CatalogueDocs.Doc d : docs.all().values()) {
            assertTrue(d.example().contains("|" + d.name()), d.name() + "'s example uses it: " + d.example());
            List<Diagnostic> diags = new ArrayList<>();
            if (parser.parseExpression("filters.tsv", d.example(), diags) == null) {
                problems.add(d.name() + ": " + d.example() + " -> " + diags);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyLocalStatementIsDescribedAndEveryExampleChecks() {
        Set<String> described = StatementCatalogue.descriptions().keySet();
        List<String> missing = new ArrayList<>();
        for (String name : StatementCatalogue.names()) {
            if (StatementCatalogue.lookup(name).local() && !described.contains(name)) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing, "statements a local run does, without a description");
        List<String> problems = new ArrayList<>();
        for (CatalogueDocs.Doc d : StatementCatalogue.descriptions().values()) {
            assertTrue(StatementCatalogue.lookup(d.name()) != null, d.name() + " is a statement");
            assertTrue(d.example().contains(d.name()), d.name() + "'s example uses it: " + d.example());
            String source = "function \"example\" {\n  input {\n  }\n  stack {\n    " + d.example() + "\n  }\n}\n";
            ParseResult r = parser.parse("statements.tsv", source);
            if (r.hasErrors()) {
                problems.add(d.name() + ": " + d.example() + " -> " + r.diagnostics());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void databaseStatementsAreMarkedAsRunning() {
        for (String name : StatementCatalogue.names()) {
            boolean runs = name.startsWith("db.") && !name.equals("db.set_datasource")
                    && (!name.startsWith("db.external.") || name.equals("db.external.postgres.direct_query"));
            if (name.startsWith("db.")) {
                assertEquals(runs, StatementCatalogue.lookup(name).local(), name);
            }
        }
        assertFalse(StatementCatalogue.isNotLocalFamily("db.query"));
    }
}
