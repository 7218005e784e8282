package dev.xsrun.syntax;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.Values;

/** Literal decoding: the escapes of each string form, triple-quoted text, and numbers. */
final class Strings {
    private Strings() {
    }

    /** A double-quoted literal with PHP stripcslashes escapes; unknown escapes drop the backslash. */
    static String unquoteDouble(String quoted) {
        String s = quoted.substring(1, quoted.length() - 1);
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n': out.append('\n'); break;
                case 't': out.append('\t'); break;
                case 'r': out.append('\r'); break;
                case 'v': out.append('\u000B'); break;
                case 'f': out.append('\f'); break;
                case 'a': out.append('\u0007'); break;
                case 'b': out.append('\b'); break;
                case 'x': {
                    int j = i + 1;
                    int value = 0;
                    while (j < s.length() && j < i + 3 && Character.digit(s.charAt(j), 16) >= 0) {
                        value = value * 16 + Character.digit(s.charAt(j), 16);
                        j++;
                    }
                    if (j == i + 1) {
                        out.append('x');
                    } else {
                        out.append((char) value);
                        i = j - 1;
                    }
                    break;
                }
                default:
                    if (n >= '0' && n <= '7') {
                        int j = i;
                        int value = 0;
                        while (j < s.length() && j < i + 3 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                            value = value * 8 + (s.charAt(j) - '0');
                            j++;
                        }
                        out.append((char) (value & 0xFF));
                        i = j - 1;
                    } else {
                        out.append(n);
                    }
            }
        }
        return out.toString();
    }

    /** A single-quoted literal: only {@code \\} and {@code \'} are escapes. */
    static String unquoteSingle(String quoted) {
        String s = quoted.substring(1, quoted.length() - 1);
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '\\' || s.charAt(i + 1) == '\'')) {
                out.append(s.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Triple-quoted text: no escapes; the newline after the opener and before the closer are dropped,
     * and the closing delimiter's column is the indentation removed from every line.
     */
    static String triple(String token, int openerColumn) {
        String body = token.substring(3, token.length() - 3);
        int lastNl = body.lastIndexOf('\n');
        int indent = 0;
        if (lastNl >= 0) {
            String tail = body.substring(lastNl + 1);
            if (tail.isBlank()) {
                indent = tail.length();
                body = body.substring(0, lastNl);
            }
        }
        if (body.startsWith("\n")) {
            body = body.substring(1);
        } else if (body.startsWith("\r\n")) {
            body = body.substring(2);
        }
        if (indent == 0) {
            return body;
        }
        StringBuilder out = new StringBuilder();
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int strip = 0;
            while (strip < indent && strip < line.length() && (line.charAt(strip) == ' ' || line.charAt(strip) == '\t')) {
                strip++;
            }
            if (i > 0) {
                out.append('\n');
            }
            out.append(line.substring(strip));
        }
        return out.toString();
    }

    /** Inside backticks only {@code \`} and {@code \\} are escapes. */
    static String unescapeBacktick(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '`' || s.charAt(i + 1) == '\\')) {
                out.append(' ');
                out.append(s.charAt(++i));
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    static JsonNode number(String text) {
        if (text.indexOf('.') >= 0) {
            return Values.of(Double.parseDouble(text));
        }
        try {
            return Values.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Values.of(Double.parseDouble(text));
        }
    }
}
