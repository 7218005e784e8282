package dev.xsrun.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Every token of one document as the parser's lexer reads it, plus what the parser never sees: comments
 * and the newlines the grammar ignores. Token types are those of {@code gen.XanoScriptLexer}, or
 * {@link #COMMENT} and {@link #IGNORED_NEWLINE}. Whitespace is not a token: the gap between two tokens'
 * offsets shows it.
 */
public final class SourceTokens {
    /** A {@code //} comment, to the end of its line (the newline is a token of its own). */
    public static final int COMMENT = XsLexer.TRIVIA_COMMENT;
    /** A newline inside ( ) or before a line that continues a filter chain with '|'. */
    public static final int IGNORED_NEWLINE = XsLexer.TRIVIA_NEWLINE;

    private SourceTokens() {
    }

    /** The tokens of {@code text}, without the final EOF. Offsets count code points. */
    public static List<Token> of(String text) {
        XsLexer lexer = new XsLexer(text, "", true);
        List<Token> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            out.add(t);
        }
        return out;
    }

    /** True for a line that separates two documents of a multidoc file: {@code ---} alone. */
    public static boolean isSeparatorLine(String line) {
        return line.strip().equals("---");
    }
}
