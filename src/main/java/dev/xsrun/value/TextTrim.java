package dev.xsrun.value;

/** PHP-style trimming of a set of characters from one or both ends. */
public final class TextTrim {
    /** PHP's default: space, tab, newline, carriage return, NUL and vertical tab. */
    public static final String WHITESPACE = " \t\n\r\u0000\u000B";

    private TextTrim() {
    }

    public static String trim(String s, String chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        if (left) {
            while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
                start++;
            }
        }
        if (right) {
            while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
                end--;
            }
        }
        return s.substring(start, end);
    }
}
