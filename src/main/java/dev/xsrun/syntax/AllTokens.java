package dev.xsrun.syntax;

import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * The token stream of one document, read whole before parsing. {@link XsLexer} puts every token on the
 * default channel, so looking ahead and behind is plain indexing; CommonTokenStream's channel-skipping
 * loops behind every LT, LB, consume and seek were about a tenth of a check.
 */
final class AllTokens extends CommonTokenStream {
    AllTokens(XsLexer lexer) {
        super(lexer);
        fill();
    }

    @Override
    public Token LT(int k) {
        if (k > 0) {
            int i = p + k - 1;
            return tokens.get(i < tokens.size() ? i : tokens.size() - 1);
        }
        return k == 0 ? null : LB(-k);
    }

    @Override
    protected Token LB(int k) {
        return k == 0 || p - k < 0 ? null : tokens.get(p - k);
    }

    @Override
    public int LA(int i) {
        return LT(i).getType();
    }

    @Override
    public void consume() {
        if (p >= tokens.size() - 1) {
            throw new IllegalStateException("cannot consume EOF");
        }
        p++;
    }

    @Override
    protected int adjustSeekIndex(int i) {
        return Math.min(i, tokens.size() - 1);
    }
}
