package dev.xsrun.syntax.fmt;

import dev.xsrun.ast.FilterCatalog;
import dev.xsrun.diag.Diagnostic;
import dev.xsrun.diag.SourceText;
import dev.xsrun.syntax.ParseResult;
import dev.xsrun.syntax.SourceTokens;
import dev.xsrun.syntax.XsParser;
import dev.xsrun.value.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites XanoScript source in the one canonical layout (see {@link Layout}), keeping its comments and
 * its meaning. A text that does not parse is not formatted: the result carries its errors instead.
 *
 * <p>Every result is checked before it is returned: it must parse, and it must hold the same tokens, the
 * same comments and the same statement boundaries as the input (see {@link SameTokens}). A layout that
 * failed that check would be a bug in the formatter; the result then carries an error and no text, so a
 * file is never rewritten into something else.
 */
public final class Formatter {
    /** Filter names do not matter to the layout: an unknown filter is check's business, not fmt's. */
    private static final XsParser PARSER = new XsParser(FilterCatalog.ANY);

    private Formatter() {
    }

    /**
     * Formats {@code text} (the content of {@code path}, used in messages). When the text does not
     * parse, the result has no text and lists the errors.
     */
    public static FormatResult format(String path, String text) {
        String source = SourceText.normalise(text);
        List<Diagnostic> errors = errors(PARSER.parse(path, source));
        if (!errors.isEmpty()) {
            return new FormatResult(null, errors);
        }
        String formatted = layout(source);
        String problem = errors(PARSER.parse(path, formatted)).isEmpty() ? SameTokens.difference(source, formatted)
                : "the formatted text does not parse";
        if (problem != null) {
            return new FormatResult(null, List.of(Diagnostic.error(new SourceSpan(path, 1, 1, 1),
                    "xsrun cannot format this file without changing it (" + problem + "); it is left as it is. This is a bug in xsrun fmt: please report it")));
        }
        return new FormatResult(formatted, List.of());
    }

    private static List<Diagnostic> errors(ParseResult r) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : r.diagnostics()) {
            if (d.isError()) {
                out.add(d);
            }
        }
        return out;
    }

    /** Each document of a multidoc file laid out on its own; the {@code ---} lines between them stay. */
    static String layout(String source) {
        StringBuilder out = new StringBuilder();
        for (String part : parts(source)) {
            out.append(part == null ? "---\n" : Layout.document(part));
        }
        return out.toString();
    }

    /** The documents of a file, with a null for each separating {@code ---} line. */
    static List<String> parts(String source) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int lineStart = 0;
        for (int i = 0; i <= source.length(); i++) {
            if (i == source.length() || source.charAt(i) == '\n') {
                if (SourceTokens.isSeparatorLine(source.substring(lineStart, i))) {
                    parts.add(source.substring(start, lineStart));
                    parts.add(null);
                    start = Math.min(i + 1, source.length());
                }
                lineStart = i + 1;
            }
        }
        parts.add(source.substring(Math.min(start, source.length())));
        return parts;
    }
}
