package dev.xsrun.diag;

import dev.xsrun.value.SourceSpan;

/** One problem found in a source file, with where it is and what to do about it. */
public record Diagnostic(SourceSpan span, Severity severity, String message) {
    public enum Severity { ERROR, WARNING }

    public static Diagnostic error(SourceSpan span, String message) {
        return new Diagnostic(span, Severity.ERROR, message);
    }

    public static Diagnostic warning(SourceSpan span, String message) {
        return new Diagnostic(span, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code path:line:col: message}, without the source excerpt. */
    public String headline() {
        String prefix = severity == Severity.WARNING ? "warning: " : "";
        return span.isKnown() ? span + ": " + prefix + message : (span.file().isEmpty() ? "" : span.file() + ": ") + prefix + message;
    }
}
