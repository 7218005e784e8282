package dev.xsrun.lsp;

import dev.xsrun.diag.Diagnostic;
import java.lang.reflect.Method;
import java.util.List;

/**
 * The one formatter of {@code xsrun fmt}, seen from the language server: {@code format(path, text)}
 * gives the formatted text or the errors that stop it. While that formatter is not part of this build,
 * every request fails with a message that says so: nothing is reformatted by a second, private copy.
 */
final class Formatting {
    /** The formatted text, or the problems that prevent formatting. */
    record Result(String text, List<Diagnostic> errors) {
    }

    /** Thrown when this build has no formatter. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    private static final String[] CLASS_NAMES = {"dev.xsrun.syntax.fmt.Formatter", "dev.xsrun.syntax.Formatter"};

    private Formatting() {
    }

    @SuppressWarnings("unchecked")
    static Result format(String path, String text) {
        Method m = formatter();
        try {
            Object r = m.invoke(null, path, text);
            String formatted = (String) r.getClass().getMethod("text").invoke(r);
            List<Diagnostic> errors = (List<Diagnostic>) r.getClass().getMethod("errors").invoke(r);
            return new Result(formatted, errors == null ? List.of() : errors);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("the formatter failed: " + cause, cause);
        }
    }

    private static Method formatter() {
        for (String name : CLASS_NAMES) {
            try {
                return Class.forName(name).getMethod("format", String.class, String.class);
            } catch (ClassNotFoundException | NoSuchMethodException notThisOne) {
                // try the next spelling
            }
        }
        throw new Unavailable("formatting is not available: this build of xsrun has no formatter (xsrun fmt)");
    }
}
