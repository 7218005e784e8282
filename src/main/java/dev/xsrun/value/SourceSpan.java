package dev.xsrun.value;

/** A place in a source file: 1-based line and column, and the length of the marked text. */
public record SourceSpan(String file, int line, int column, int length) {
    public static final SourceSpan NONE = new SourceSpan("", 0, 0, 0);

    public SourceSpan {
        file = file == null ? "" : file;
        length = Math.max(length, 1);
    }

    public boolean isKnown() {
        return line > 0;
    }

    /** The span from the start of this one to the end of {@code other}, when both lie on one line. */
    public SourceSpan to(SourceSpan other) {
        if (other == null || other.line != line || other.column < column) {
            return this;
        }
        return new SourceSpan(file, line, column, other.column + other.length - column);
    }

    @Override
    public String toString() {
        return isKnown() ? file + ":" + line + ":" + column : file;
    }
}
