package dev.xsrun.syntax;

import static dev.xsrun.syntax.gen.XanoScriptLexer.*;

import java.util.ArrayDeque;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.Pair;

/**
 * The tokens of grammar/XanoScriptLexer.g4, produced by hand. The generated lexer simulates an ATN for
 * every character and was a fifth of the time of a check; this one decides each token from its first
 * character. The grammar stays the specification: LexerEquivalenceTest compares both token by token
 * (type, text, offsets, line and column), so a change to either must be made to both.
 *
 * <p>Semantics kept from the generated lexer: longest match, ties to the rule written first; {@code .*?}
 * stops at the first closing delimiter; offsets and columns count code points; in the {@code filters=}
 * mode a character no rule matches is dropped, and an unclosed quoted word runs to the end of the text.
 */
final class XsLexer implements TokenSource {
    private static final int SKIP = -3;
    /** With {@code keepTrivia}: a {@code //} comment, which the parser never sees. */
    static final int TRIVIA_COMMENT = 1_000;
    /** With {@code keepTrivia}: a newline the grammar ignores (inside ( ), before a line starting with '|'). */
    static final int TRIVIA_NEWLINE = 1_001;
    /** Tokens of one character that never start a longer one. */
    private static final int[] SINGLE = new int[128];

    static {
        SINGLE['+'] = PLUS;
        SINGLE['-'] = MINUS;
        SINGLE['*'] = STAR;
        SINGLE['%'] = PERCENT;
        SINGLE['~'] = TILDE;
        SINGLE[':'] = COLON;
        SINGLE[','] = COMMA;
    }

    private final int[] cp;
    private final int n;
    private final int openingBrackets;
    private final Source chars;
    private final Pair<TokenSource, CharStream> source;
    /** Also hand out comments and ignored newlines (for the formatter); the parser never asks for them. */
    private final boolean keepTrivia;
    private int pos;
    private int line = 1;
    private int column;
    private boolean filterMode;
    private int lastType = -1;
    /** One entry per open bracket: '(' makes newlines insignificant until it closes. */
    private final ArrayDeque<Character> brackets = new ArrayDeque<>();

    XsLexer(String text, String sourceName) {
        this(text, sourceName, false);
    }

    XsLexer(String text, String sourceName, boolean keepTrivia) {
        this.keepTrivia = keepTrivia;
        char[] units = text.toCharArray();
        int[] codePoints = new int[units.length];
        int count = 0;
        int opening = 0;
        for (int i = 0; i < units.length; i++) {
            char c = units[i];
            if (c == '(' || c == '[' || c == '{') {
                opening++;
            } else if (Character.isHighSurrogate(c) && i + 1 < units.length && Character.isLowSurrogate(units[i + 1])) {
                codePoints[count++] = Character.toCodePoint(c, units[++i]);
                continue;
            }
            codePoints[count++] = c;
        }
        this.cp = codePoints;
        this.n = count;
        this.openingBrackets = opening;
        this.chars = new Source(codePoints, count, sourceName);
        this.source = new Pair<>(this, chars);
    }

    /** How many of ( [ { the text holds, strings and comments included: nesting can be no deeper. */
    int openingBrackets() {
        return openingBrackets;
    }

    void setLine(int line) {
        this.line = line;
    }

    void setCharPositionInLine(int column) {
        this.column = column;
    }

    private int at(int i) {
        return i < n ? cp[i] : -1;
    }

    @Override
    public Token nextToken() {
        while (true) {
            int start = pos;
            int startLine = line;
            int startColumn = column;
            if (pos >= n) {
                return token(Token.EOF, start, startLine, startColumn);
            }
            int type = filterMode ? filterToken() : defaultToken();
            if (type != SKIP) {
                if (type < TRIVIA_COMMENT) {
                    lastType = type;
                }
                return token(type, start, startLine, startColumn);
            }
        }
    }

    private Token token(int type, int start, int startLine, int startColumn) {
        CommonToken t = new CommonToken(source, type, Token.DEFAULT_CHANNEL, start, pos - 1);
        t.setLine(startLine);
        t.setCharPositionInLine(startColumn);
        return t;
    }

    /** Moves to {@code end}, counting lines and columns as the generated lexer does. */
    private void advance(int end) {
        for (int i = pos; i < end; i++) {
            if (cp[i] == '\n') {
                line++;
                column = 0;
            } else {
                column++;
            }
        }
        pos = end;
    }

    private int take(int length, int type) {
        pos += length;
        column += length;
        return type;
    }

    private int defaultToken() {
        int c = cp[pos];
        switch (c) {
            case '"':
            case '\'':
            case '`': {
                // a triple-quoted block is always longer than the "" or '' or `` its first two characters make
                int end = triple(c);
                boolean isTriple = end >= 0;
                if (!isTriple) {
                    end = quoted(pos, c);
                }
                if (end < 0) {
                    return take(1, ERROR_CHAR);
                }
                advance(end);
                return c == '`' ? BACKTICK : isTriple ? TRIPLE_STRING : c == '"' ? STRING : SQ_STRING;
            }
            case '$': {
                int next = at(pos + 1);
                if (next == '$') {
                    return take(2, DOLLAR2);
                }
                if (isIdentStart(next)) {
                    return take(identEnd(pos + 1) - pos, VARIABLE);
                }
                return take(1, ERROR_CHAR);
            }
            case '.':
                return at(pos + 1) != '.' ? take(1, DOT) : at(pos + 2) == '.' ? take(3, ELLIPSIS) : take(2, DOTDOT);
            case '=':
                return at(pos + 1) != '=' ? take(1, EQ) : at(pos + 2) == '=' ? take(3, EQEQEQ) : take(2, EQEQ);
            case '!':
                if (at(pos + 1) == '~') {
                    return take(2, NOT_TILDE);
                }
                return at(pos + 1) != '=' ? take(1, BANG) : at(pos + 2) == '=' ? take(3, NEQEQ) : take(2, NEQ);
            case '@':
                return at(pos + 1) == '>' ? take(2, AT_GT) : take(1, ERROR_CHAR);
            case '<':
                return at(pos + 1) == '=' ? take(2, LE) : take(1, LT);
            case '>':
                return at(pos + 1) == '=' ? take(2, GE) : take(1, GT);
            case '&':
                return at(pos + 1) == '&' ? take(2, ANDAND) : take(1, ERROR_CHAR);
            case '|':
                return at(pos + 1) == '|' ? take(2, OROR) : take(1, PIPE);
            case '?':
                return at(pos + 1) == '?' ? take(2, NULLISH) : at(pos + 1) == ':' ? take(2, ELVIS) : take(1, QUESTION);
            case '/':
                if (at(pos + 1) == '/') {
                    int end = pos + 2;
                    while (end < n && cp[end] != '\n') {
                        end++;
                    }
                    return take(end - pos, keepTrivia ? TRIVIA_COMMENT : SKIP);
                }
                return take(1, SLASH);
            case '(':
            case '[':
            case '{':
                brackets.push((char) c);
                return take(1, c == '(' ? LPAREN : c == '[' ? LBRACK : LBRACE);
            case ')':
            case ']':
            case '}':
                close();
                return take(1, c == ')' ? RPAREN : c == ']' ? RBRACK : RBRACE);
            case '\n':
                return newline(NL);
            default:
                break;
        }
        if (c < SINGLE.length && SINGLE[c] != 0) {
            return take(1, SINGLE[c]);
        }
        if (c >= '0' && c <= '9') {
            int stamp = timestampEnd(pos);
            if (stamp > 0) {
                return take(stamp - pos, TIMESTAMP);
            }
            int end = digitsEnd(pos);
            if (at(end) == '.' && isDigit(at(end + 1))) {
                end = digitsEnd(end + 1);
            }
            return take(end - pos, NUMBER);
        }
        if (isIdentStart(c)) {
            int end = identEnd(pos);
            int length = end - pos;
            if (length == 7 && startsWith("filters")) {
                int assign = filtersAssignEnd(end);
                if (assign > 0) {
                    take(assign - pos, FILTERS_ASSIGN);
                    filterMode = true;
                    return FILTERS_ASSIGN;
                }
            }
            return take(length, keyword(length));
        }
        if (isBlank(c)) {
            int end = pos + 1;
            while (end < n && isBlank(cp[end])) {
                end++;
            }
            take(end - pos, SKIP);
            return SKIP;
        }
        return take(1, ERROR_CHAR);
    }

    /** A newline: a token unless inside ( ) or before a line that continues a filter chain with '|'. */
    private int newline(int type) {
        line++;
        column = 0;
        pos++;
        return insideParens() || continuesOnNextLine() ? (keepTrivia ? TRIVIA_NEWLINE : SKIP) : type;
    }

    private int keyword(int length) {
        switch (length) {
            case 2:
                return startsWith("as") ? AS : startsWith("if") ? IF : IDENT;
            case 5:
                return startsWith("input") ? INPUT : IDENT;
            case 6:
                return startsWith("schema") ? SCHEMA : IDENT;
            default:
                return IDENT;
        }
    }

    private boolean startsWith(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (at(pos + i) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The end of {@code filters [ \t]* = [ \t]*} when it switches to raw filter arguments: not before a
     * second '=', and only after a part of an input declaration. -1 otherwise.
     */
    private int filtersAssignEnd(int i) {
        while (at(i) == ' ' || at(i) == '\t') {
            i++;
        }
        if (at(i) != '=' || at(i + 1) == '=' || !afterDeclarationPart()) {
            return -1;
        }
        i++;
        while (at(i) == ' ' || at(i) == '\t') {
            i++;
        }
        return i;
    }

    private boolean afterDeclarationPart() {
        return lastType == IDENT || lastType == QUESTION || lastType == RBRACK || lastType == STRING
                || lastType == SQ_STRING || lastType == NUMBER || lastType == RBRACE || lastType == INPUT
                || lastType == SCHEMA || lastType == AS || lastType == IF;
    }

    /** The end (exclusive) of a {@code q q q ... q q q} block starting here (first closing wins), or -1. */
    private int triple(int q) {
        if (at(pos + 1) != q || at(pos + 2) != q) {
            return -1;
        }
        for (int i = pos + 3; i + 2 < n; i++) {
            if (cp[i] == q && cp[i + 1] == q && cp[i + 2] == q) {
                return i + 3;
            }
        }
        return -1;
    }

    /** The end (exclusive) of {@code q ( '\\' . | ~[q\\] )* q} starting at {@code from}, or -1. */
    private int quoted(int from, int q) {
        int i = from + 1;
        while (i < n) {
            int c = cp[i];
            if (c == q) {
                return i + 1;
            }
            i += c == '\\' ? 2 : 1;
        }
        return -1;
    }

    private int filterToken() {
        int c = cp[pos];
        switch (c) {
            case ':':
                return take(1, IF_COLON);
            case '|':
                return take(1, IF_PIPE);
            case ' ':
            case '\t': {
                int end = pos + 1;
                while (end < n && (cp[end] == ' ' || cp[end] == '\t')) {
                    end++;
                }
                take(end - pos, SKIP);
                filterMode = false;
                return SKIP;
            }
            case '\n':
                filterMode = false;
                return newline(NL);
            case '{':
                brackets.push('{');
                filterMode = false;
                return take(1, LBRACE);
            case '\r':
                // no rule matches: the generated lexer drops the character and stays in the mode
                return take(1, SKIP);
            case '"': {
                int end = quoted(pos, '"');
                if (end < 0) {
                    advance(n);
                    return SKIP;
                }
                advance(end);
                return IF_WORD;
            }
            default: {
                int end = pos + 1;
                while (end < n && !endsFilterWord(cp[end])) {
                    end++;
                }
                return take(end - pos, IF_WORD);
            }
        }
    }

    private static boolean endsFilterWord(int c) {
        return c == ':' || c == '|' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"';
    }

    private void close() {
        if (!brackets.isEmpty()) {
            brackets.pop();
        }
    }

    private boolean insideParens() {
        return !brackets.isEmpty() && brackets.peek() == '(';
    }

    /** True when the next line holding anything but blanks and comments starts with '|'. */
    private boolean continuesOnNextLine() {
        int i = pos;
        while (true) {
            int c = at(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (c == '/' && at(i + 1) == '/') {
                while (at(i) != '\n' && at(i) != -1) {
                    i++;
                }
            } else {
                return c == '|';
            }
        }
    }

    /** The end of an unquoted timestamp {@code 2025-01-01 09:00:00+0000} starting at i, or -1. */
    private int timestampEnd(int i) {
        String shape = "dddd-dd-dd dd:dd:dd";
        if (i + shape.length() > n) {
            return -1;
        }
        for (int k = 0; k < shape.length(); k++) {
            char want = shape.charAt(k);
            int got = cp[i + k];
            if (want == 'd' ? !isDigit(got) : got != want) {
                return -1;
            }
        }
        int end = i + shape.length();
        if (at(end) == 'Z') {
            return end + 1;
        }
        if ((at(end) == '+' || at(end) == '-') && isDigit(at(end + 1)) && isDigit(at(end + 2))) {
            int m = end + 3;
            if (at(m) == ':') {
                m++;
            }
            if (isDigit(at(m)) && isDigit(at(m + 1))) {
                return m + 2;
            }
        }
        return end;
    }

    private int digitsEnd(int i) {
        while (i < n && isDigit(cp[i])) {
            i++;
        }
        return i;
    }

    private int identEnd(int i) {
        i++;
        while (i < n && (isIdentStart(cp[i]) || isDigit(cp[i]))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentStart(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == 0x0B || c == '\f' || c == 0xA0 || c == 0xFEFF;
    }

    @Override
    public int getLine() {
        return line;
    }

    @Override
    public int getCharPositionInLine() {
        return column;
    }

    @Override
    public CharStream getInputStream() {
        return chars;
    }

    @Override
    public String getSourceName() {
        return chars.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        throw new UnsupportedOperationException("XsLexer makes CommonTokens only");
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return CommonTokenFactory.DEFAULT;
    }

    /** The text as the tokens see it: code points, for {@link Token#getText()} and error recovery. */
    private static final class Source implements CharStream {
        private final int[] cp;
        private final int n;
        private final String name;
        private int index;

        Source(int[] cp, int n, String name) {
            this.cp = cp;
            this.n = n;
            this.name = name;
        }

        @Override
        public String getText(Interval interval) {
            int start = Math.min(interval.a, n);
            int length = Math.min(interval.b - interval.a + 1, n - start);
            return new String(cp, start, length);
        }

        @Override
        public void consume() {
            if (index >= n) {
                throw new IllegalStateException("cannot consume EOF");
            }
            index++;
        }

        @Override
        public int LA(int i) {
            if (i == 0) {
                return 0;
            }
            int at = i < 0 ? index + i : index + i - 1;
            return at < 0 || at >= n ? EOF : cp[at];
        }

        @Override
        public int mark() {
            return -1;
        }

        @Override
        public void release(int marker) {
        }

        @Override
        public int index() {
            return index;
        }

        @Override
        public void seek(int index) {
            this.index = index;
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public String getSourceName() {
            return name == null || name.isEmpty() ? UNKNOWN_SOURCE_NAME : name;
        }
    }
}
