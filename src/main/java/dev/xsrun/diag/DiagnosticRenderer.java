package dev.xsrun.diag;

import dev.xsrun.value.SourceSpan;

import java.util.Map;
import java.util.function.Function;

/** Prints a diagnostic as {@code file:line:col: message}, the source line, and a {@code ^~~~} marker under the span. */
public final class DiagnosticRenderer {
    private final Function<String, SourceText> sources;

    public DiagnosticRenderer(Function<String, SourceText> sources) {
        this.sources = sources;
    }

    public DiagnosticRenderer(Map<String, SourceText> sources) {
        this(sources::get);
    }

    public String render(Diagnostic d) {
        StringBuilder out = new StringBuilder(d.headline()).append('\n');
        SourceSpan span = d.span();
        SourceText src = span.isKnown() ? sources.apply(span.file()) : null;
        if (src != null && span.line() <= src.lineCount()) {
            String line = src.line(span.line()).replace('\t', ' ');
            out.append("  ").append(line).append('\n');
            int col = Math.max(1, span.column());
            int visibleLength = Math.max(1, Math.min(span.length(), Math.max(1, line.length() - col + 1)));
            out.append("  ").append(" ".repeat(col - 1)).append('^').append("~".repeat(visibleLength - 1)).append('\n');
        }
        return out.toString();
    }
}
