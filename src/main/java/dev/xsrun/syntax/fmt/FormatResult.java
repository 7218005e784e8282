package dev.xsrun.syntax.fmt;

import dev.xsrun.diag.Diagnostic;
import java.util.List;

/**
 * What formatting one file gave: the text in the canonical layout, or, when the input does not parse,
 * no text and the problems that stop it.
 */
public record FormatResult(String text, List<Diagnostic> errors) {
    public FormatResult {
        errors = List.copyOf(errors);
        if ((text == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("a format result has either text or errors");
        }
    }

    public boolean ok() {
        return text != null;
    }
}
