package dev.xsrun.syntax;

import dev.xsrun.ast.Document;
import dev.xsrun.diag.Diagnostic;
import dev.xsrun.diag.SourceText;
import java.util.List;

/** What parsing one file gave: its documents (complete only when there are no errors) and every problem. */
public record ParseResult(SourceText source, List<Document> documents, List<Diagnostic> diagnostics) {
    public ParseResult {
        documents = List.copyOf(documents);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        for (Diagnostic d : diagnostics) {
            if (d.isError()) {
                return true;
            }
        }
        return false;
    }
}
