package dev.xsrun.lsp;

/** A position in a document's text: its line, what stands before it, and the word under it. */
final class TextAt {
    final String text;
    final int line;
    final int character;
    final int offset;
    final String lineText;

    TextAt(String text, int line, int character) {
        this.text = text;
        int start = 0;
        for (int l = 0; l < line && start <= text.length(); l++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                start = text.length() + 1;
                break;
            }
            start = nl + 1;
        }
        start = Math.min(start, text.length());
        int end = text.indexOf('\n', start);
        String lt = text.substring(start, end < 0 ? text.length() : end);
        if (lt.endsWith("\r")) {
            lt = lt.substring(0, lt.length() - 1);
        }
        this.line = line;
        this.lineText = lt;
        this.character = Math.max(0, Math.min(character, lt.length()));
        this.offset = start + this.character;
    }

    /** The line up to the position. */
    String before() {
        return lineText.substring(0, character);
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
    }

    /** Start column of the word (letters, digits, _, ., $) under or just before the position. */
    int wordStart() {
        int s = character;
        while (s > 0 && wordChar(lineText.charAt(s - 1))) {
            s--;
        }
        return s;
    }

    int wordEnd() {
        int e = character;
        while (e < lineText.length() && wordChar(lineText.charAt(e))) {
            e++;
        }
        return e;
    }

    /** The word under the position, or "" when there is none. */
    String word() {
        return lineText.substring(wordStart(), wordEnd());
    }

    /** The string literal ("...") the position is inside, or null. */
    String quotedAround() {
        int open = -1;
        boolean in = false;
        for (int i = 0; i < lineText.length(); i++) {
            char c = lineText.charAt(i);
            if (in && c == '\\') {
                i++;
                continue;
            }
            if (c == '"') {
                if (!in) {
                    open = i;
                    in = true;
                } else {
                    if (open < character && character <= i) {
                        return lineText.substring(open + 1, i);
                    }
                    in = false;
                }
            }
        }
        return null;
    }
}
