package dev.xsrun.lsp;

import java.util.ArrayList;
import java.util.List;

/** Brace nesting of XanoScript text, skipping strings and comments, for text that may not parse. */
final class Braces {
    private Braces() {
    }

    /** The depth of nesting in {@code {}} at the start of each line. */
    static int[] depthAtLineStarts(String[] lines) {
        int[] out = new int[lines.length];
        int depth = 0;
        char quote = 0;
        for (int l = 0; l < lines.length; l++) {
            out[l] = Math.max(depth, 0);
            String s = lines[l];
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quote != 0) {
                    if (c == '\\') {
                        i++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'' || c == '`') {
                    quote = c;
                } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                    break;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
            }
            if (quote == '\'') {
                quote = 0; // a stray apostrophe does not run on past its line
            }
        }
        return out;
    }

    /**
     * What stands before each brace still open at {@code offset}, outermost first: the text from the start
     * of that brace's line (or the end of the previous statement on it) up to the brace, stripped.
     * Also tells whether the offset is inside a string or a comment.
     */
    record Context(List<String> heads, boolean inString, boolean inComment) {
        String innermost() {
            return heads.isEmpty() ? null : heads.get(heads.size() - 1);
        }
    }

    static Context at(String text, int offset) {
        List<Integer> open = new ArrayList<>();
        List<String> heads = new ArrayList<>();
        char quote = 0;
        boolean comment = false;
        int lineStart = 0;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineStart = i + 1;
                comment = false;
                if (quote == '\'') {
                    quote = 0;
                }
                continue;
            }
            if (comment) {
                continue;
            }
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '/' && i + 1 < end && text.charAt(i + 1) == '/') {
                comment = true;
            } else if (c == '{') {
                open.add(i);
                heads.add(text.substring(lineStart, i).strip());
            } else if (c == '}' && !open.isEmpty()) {
                open.remove(open.size() - 1);
                heads.remove(heads.size() - 1);
            }
        }
        return new Context(heads, quote != 0, comment);
    }
}
