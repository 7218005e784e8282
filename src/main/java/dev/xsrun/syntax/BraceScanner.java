package dev.xsrun.syntax;

import dev.xsrun.ast.Document;
import dev.xsrun.diag.Diagnostic;
import dev.xsrun.value.SourceSpan;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A bracket scan that honours strings, triple-quoted text, backticks and comments. It checks the
 * constructs a local run skips (tables, queries, tasks, ...) and refuses nesting too deep to parse.
 */
final class BraceScanner {
    private BraceScanner() {
    }

    /** Visits every bracket outside strings and comments, with its line and column. */
    private interface BracketVisitor {
        /** Returns false to stop. */
        boolean bracket(char c, int line, int column);
    }

    private static void walk(String text, int firstLine, BracketVisitor visitor) {
        int line = firstLine;
        int col = 1;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                col = 1;
                i++;
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if ((c == '"' || c == '\'' || c == '`') && i + 2 < n && text.charAt(i + 1) == c && text.charAt(i + 2) == c) {
                String triple = text.substring(i, i + 3);
                int end = text.indexOf(triple, i + 3);
                int stop = end < 0 ? n : end + 3;
                for (int k = i; k < stop; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                        col = 0;
                    }
                    col++;
                }
                i = stop;
                continue;
            }
            if (c == '"' || c == '\'' || c == '`') {
                int k = i + 1;
                col++;
                while (k < n && text.charAt(k) != c) {
                    if (text.charAt(k) == '\\' && k + 1 < n) {
                        k++;
                        col++;
                    }
                    if (text.charAt(k) == '\n') {
                        line++;
                        col = 0;
                    }
                    k++;
                    col++;
                }
                i = k + 1;
                col++;
                continue;
            }
            if ("{}[]()".indexOf(c) >= 0 && !visitor.bracket(c, line, col)) {
                return;
            }
            i++;
            col++;
        }
    }

    /** The position of the first bracket nested deeper than {@code max}, or null. */
    static SourceSpan tooDeep(String path, String text, int firstLine, int max) {
        int opening = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                opening++;
            }
        }
        if (opening <= max) {
            return null; // fewer brackets than the limit cannot nest deeper than it
        }
        int[] depth = {0};
        SourceSpan[] found = {null};
        walk(text, firstLine, (c, line, col) -> {
            if (c == '{' || c == '[' || c == '(') {
                depth[0]++;
                if (depth[0] > max) {
                    found[0] = new SourceSpan(path, line, col, 1);
                    return false;
                }
            } else if (depth[0] > 0) {
                depth[0]--;
            }
            return true;
        });
        return found[0];
    }

    /** Checks that brackets balance and records the construct, or reports where they do not. */
    static Document.Other scan(String path, String text, int firstLine, String kind, List<Diagnostic> diagnostics) {
        ArrayDeque<Object[]> open = new ArrayDeque<>();
        boolean[] bad = {false};
        walk(text, firstLine, (c, line, col) -> {
            if (c == '{' || c == '[' || c == '(') {
                open.push(new Object[]{c, line, col});
                return true;
            }
            char want = c == '}' ? '{' : c == ']' ? '[' : '(';
            if (open.isEmpty() || (char) open.peek()[0] != want) {
                diagnostics.add(Diagnostic.error(new SourceSpan(path, line, col, 1), "unexpected `" + c + "`: it closes nothing"));
                bad[0] = true;
                return false;
            }
            open.pop();
            return true;
        });
        if (!bad[0] && !open.isEmpty()) {
            Object[] o = open.peekLast();
            diagnostics.add(Diagnostic.error(new SourceSpan(path, (int) o[1], (int) o[2], 1),
                    "this `" + o[0] + "` is never closed: the file ends first"));
            bad[0] = true;
        }
        if (bad[0]) {
            return null;
        }
        String rest = text.substring(text.indexOf(kind) + kind.length()).strip();
        String name = null;
        if (rest.startsWith("\"")) {
            int end = rest.indexOf('"', 1);
            name = end > 0 ? rest.substring(1, end) : null;
        }
        int line = firstLine;
        int idx = text.indexOf(kind);
        for (int k = 0; k < idx; k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        int col = idx - text.lastIndexOf('\n', idx - 1);
        return new Document.Other(kind, name, new SourceSpan(path, line, col, kind.length()));
    }
}
