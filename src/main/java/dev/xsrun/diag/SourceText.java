package dev.xsrun.diag;

import java.util.ArrayList;
import java.util.List;

/** The text of one source file, normalised the way the lexer sees it, split into lines for excerpts. */
public final class SourceText {
    private final String path;
    private final String text;
    private List<String> lines;

    public SourceText(String path, String raw) {
        this.path = path;
        this.text = normalise(raw);
    }

    /** Drops a leading byte-order mark and turns CRLF and lone CR into LF. */
    public static String normalise(String raw) {
        String s = raw;
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        if (s.indexOf('\r') >= 0) {
            s = s.replace("\r\n", "\n").replace('\r', '\n');
        }
        return s;
    }

    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    /** The 1-based line, without its newline, or "" past the end. */
    public String line(int number) {
        if (lines == null) {
            List<String> all = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    all.add(text.substring(start, i));
                    start = i + 1;
                }
            }
            all.add(text.substring(start));
            lines = all;
        }
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    }

    public int lineCount() {
        line(1);
        return lines.size();
    }
}
