package dev.xsrun.syntax;

import dev.xsrun.diag.Diagnostic;
import dev.xsrun.value.SourceSpan;
import dev.xsrun.syntax.gen.XanoScriptParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Replaces ANTLR's console messages with diagnostics in words: "expected an expression" instead of a
 * list of forty tokens, the unclosed bracket named where it was opened, "needs `=`" for attributes.
 */
final class SyntaxErrors extends BaseErrorListener {
    private static final int[] EXPRESSION_START = {XanoScriptParser.VARIABLE, XanoScriptParser.NUMBER,
            XanoScriptParser.STRING, XanoScriptParser.LBRACK};

    private final String path;
    private final List<Diagnostic> out;
    private final int max;
    private int count;
    private int lastLine = -1;

    SyntaxErrors(String path, List<Diagnostic> out, int max) {
        this.path = path;
        this.out = out;
        this.max = max;
    }

    int count() {
        return count;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int col, String msg, RecognitionException e) {
        if (count >= max || !(recognizer instanceof Parser) || !(offendingSymbol instanceof Token)) {
            return;
        }
        Parser parser = (Parser) recognizer;
        Token t = (Token) offendingSymbol;
        if (t.getLine() == lastLine) {
            return;
        }
        IntervalSet expected;
        try {
            expected = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens() : parser.getExpectedTokens();
        } catch (RuntimeException ignored) {
            expected = new IntervalSet();
        }
        Diagnostic d = describe(parser, t, expected);
        count++;
        lastLine = t.getLine();
        out.add(d);
    }

    private Diagnostic describe(Parser parser, Token t, IntervalSet expected) {
        TokenStream tokens = parser.getTokenStream();
        SourceSpan at = span(t);
        if (t.getType() == XanoScriptParser.ERROR_CHAR) {
            String c = t.getText();
            if (c.equals("\"") || c.equals("'") || c.equals("`")) {
                return Diagnostic.error(at, "unterminated text: the " + c + " opened here has no closing " + c);
            }
            if (c.equals("#")) {
                return Diagnostic.error(at, "unexpected `#`; comments start with `//`");
            }
            return Diagnostic.error(at, "unexpected character `" + c + "`");
        }
        if (t.getType() == Token.EOF) {
            Token opener = unclosed(tokens, t.getTokenIndex(), XanoScriptParser.LBRACE, XanoScriptParser.RBRACE);
            if (opener != null && expected.contains(XanoScriptParser.RBRACE)) {
                return Diagnostic.error(span(opener), "this `{` is never closed: the file ends before its `}`");
            }
            Token paren = unclosed(tokens, t.getTokenIndex(), XanoScriptParser.LPAREN, XanoScriptParser.RPAREN);
            if (paren != null) {
                return Diagnostic.error(span(paren), "this `(` is never closed: the file ends before its `)`");
            }
            Token bracket = unclosed(tokens, t.getTokenIndex(), XanoScriptParser.LBRACK, XanoScriptParser.RBRACK);
            if (bracket != null) {
                return Diagnostic.error(span(bracket), "this `[` is never closed: the file ends before its `]`");
            }
            return Diagnostic.error(at, "unexpected end of file" + expectedText(expected));
        }
        if (expected.contains(XanoScriptParser.RPAREN) && t.getType() != XanoScriptParser.RPAREN) {
            Token paren = unclosed(tokens, t.getTokenIndex(), XanoScriptParser.LPAREN, XanoScriptParser.RPAREN);
            if (paren != null && !startsExpressionContinuation(t)) {
                return Diagnostic.error(at, "expected `)` to close the `(` at " + paren.getLine() + ":" + (paren.getCharPositionInLine() + 1)
                        + ", found " + found(t));
            }
        }
        Token previous = previous(tokens, t.getTokenIndex());
        Token beforePrevious = previous == null ? null : previous(tokens, previous.getTokenIndex());
        if (previous != null && previous.getType() == XanoScriptParser.IDENT && startsExpression(t)
                && (beforePrevious == null || beforePrevious.getType() == XanoScriptParser.NL
                || beforePrevious.getType() == XanoScriptParser.LBRACE || beforePrevious.getType() == XanoScriptParser.COMMA)) {
            return Diagnostic.error(span(previous), "attribute `" + previous.getText() + "` needs `=`: write `"
                    + previous.getText() + " = ...`");
        }
        if (t.getType() == XanoScriptParser.RBRACE) {
            Token open = unclosed(tokens, t.getTokenIndex(), XanoScriptParser.LPAREN, XanoScriptParser.RPAREN);
            if (open != null) {
                return Diagnostic.error(at, "expected `)` to close the `(` at " + open.getLine() + ":" + (open.getCharPositionInLine() + 1)
                        + ", found `}`");
            }
        }
        return Diagnostic.error(at, "unexpected " + found(t) + expectedText(expected));
    }

    private static boolean startsExpression(Token t) {
        int type = t.getType();
        return type == XanoScriptParser.NUMBER || type == XanoScriptParser.STRING || type == XanoScriptParser.SQ_STRING
                || type == XanoScriptParser.VARIABLE || type == XanoScriptParser.LBRACK || type == XanoScriptParser.TRIPLE_STRING
                || type == XanoScriptParser.MINUS;
    }

    private static boolean startsExpressionContinuation(Token t) {
        return t.getType() == XanoScriptParser.COMMA;
    }

    /** The innermost opener before {@code index} that has no closer before it. */
    private static Token unclosed(TokenStream tokens, int index, int open, int close) {
        List<Token> stack = new ArrayList<>();
        for (int i = 0; i < index && i < tokens.size(); i++) {
            Token k = tokens.get(i);
            if (k.getType() == open) {
                stack.add(k);
            } else if (k.getType() == close && !stack.isEmpty()) {
                stack.remove(stack.size() - 1);
            }
        }
        if (stack.isEmpty()) {
            return null;
        }
        if (open == XanoScriptParser.LBRACE) {
            return likelyUnclosedBrace(tokens, index, stack);
        }
        return stack.get(stack.size() - 1);
    }

    /**
     * When a `}` is missing, braces pair up wrongly after the gap. The opener whose line is indented
     * differently from the `}` that closed it is the one whose `}` went missing; without such a pair,
     * the outermost unclosed one.
     */
    private static Token likelyUnclosedBrace(TokenStream tokens, int index, List<Token> unclosedAtEnd) {
        List<Token> stack = new ArrayList<>();
        for (int i = 0; i < index && i < tokens.size(); i++) {
            Token k = tokens.get(i);
            if (k.getType() == XanoScriptParser.LBRACE) {
                stack.add(k);
            } else if (k.getType() == XanoScriptParser.RBRACE && !stack.isEmpty()) {
                Token opener = stack.remove(stack.size() - 1);
                if (opener.getLine() != k.getLine() && indentOf(tokens, opener) != k.getCharPositionInLine()
                        && isFirstOnLine(tokens, k)) {
                    return opener;
                }
            }
        }
        return unclosedAtEnd.get(unclosedAtEnd.size() - 1);
    }

    private static boolean isFirstOnLine(TokenStream tokens, Token t) {
        Token p = previous(tokens, t.getTokenIndex());
        return p == null || p.getLine() != t.getLine();
    }

    /** The column of the first token on the opener's line. */
    private static int indentOf(TokenStream tokens, Token t) {
        int i = t.getTokenIndex();
        Token first = t;
        while (i > 0) {
            Token p = tokens.get(i - 1);
            if (p.getLine() != t.getLine()) {
                break;
            }
            if (p.getChannel() == Token.DEFAULT_CHANNEL) {
                first = p;
            }
            i--;
        }
        return first.getCharPositionInLine();
    }

    private static Token previous(TokenStream tokens, int index) {
        for (int i = index - 1; i >= 0; i--) {
            Token p = tokens.get(i);
            if (p.getChannel() == Token.DEFAULT_CHANNEL) {
                return p;
            }
        }
        return null;
    }

    private SourceSpan span(Token t) {
        String text = t.getType() == Token.EOF ? " " : t.getText();
        int nl = text.indexOf('\n');
        int length = nl >= 0 ? Math.max(1, nl) : Math.max(1, text.length());
        if (t.getType() == XanoScriptParser.NL) {
            length = 1;
        }
        return new SourceSpan(path, t.getLine(), t.getCharPositionInLine() + 1, length);
    }

    static String found(Token t) {
        switch (t.getType()) {
            case Token.EOF:
                return "end of file";
            case XanoScriptParser.NL:
                return "end of line";
            case XanoScriptParser.STRING:
            case XanoScriptParser.SQ_STRING:
            case XanoScriptParser.TRIPLE_STRING:
                return "text " + abbreviate(t.getText());
            case XanoScriptParser.NUMBER:
                return "number `" + t.getText() + "`";
            case XanoScriptParser.VARIABLE:
                return "variable `" + t.getText() + "`";
            default:
                return "`" + abbreviate(t.getText()) + "`";
        }
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 30 ? one.substring(0, 27) + "..." : one;
    }

    /** "; expected an expression or `}`", in words, or "" when the set says nothing useful. */
    static String expectedText(IntervalSet expected) {
        if (expected == null || expected.isNil()) {
            return "";
        }
        Set<String> words = new LinkedHashSet<>();
        boolean expression = true;
        for (int type : EXPRESSION_START) {
            expression &= expected.contains(type);
        }
        if (expression) {
            words.add("an expression");
        }
        for (int type : expected.toArray()) {
            String w = word(type, expression);
            if (w != null) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            return "";
        }
        List<String> list = new ArrayList<>(words);
        if (list.size() > 4) {
            list = list.subList(0, 4);
        }
        if (list.size() == 1) {
            return "; expected " + list.get(0);
        }
        return "; expected " + String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
    }

    private static String word(int type, boolean expression) {
        switch (type) {
            case XanoScriptParser.RBRACE:
                return "`}`";
            case XanoScriptParser.RPAREN:
                return "`)`";
            case XanoScriptParser.RBRACK:
                return "`]`";
            case XanoScriptParser.LBRACE:
                return expression ? null : "`{`";
            case XanoScriptParser.EQ:
                return "`=`";
            case XanoScriptParser.COLON:
                return "`:`";
            case XanoScriptParser.IDENT:
                return expression ? null : "a name";
            case XanoScriptParser.VARIABLE:
                return expression ? null : "a variable";
            case XanoScriptParser.STRING:
                return expression ? null : "text in quotes";
            default:
                return null;
        }
    }
}
