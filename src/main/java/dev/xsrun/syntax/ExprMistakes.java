package dev.xsrun.syntax;

import dev.xsrun.syntax.gen.XanoScriptParser;
import dev.xsrun.syntax.gen.XanoScriptParser.ExprContext;
import dev.xsrun.syntax.gen.XanoScriptParser.FilterContext;
import dev.xsrun.syntax.gen.XanoScriptParser.PostfixContext;
import dev.xsrun.syntax.gen.XanoScriptParser.PostfixExprContext;
import dev.xsrun.value.SourceSpan;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Expression-level mistakes Xano's docs warn about, reported with the fix. */
final class ExprMistakes {
    private ExprMistakes() {
    }

    /**
     * {@code $arr|count > 0}, {@code $v|to_text ~ "x"}: Xano's parser lets a filter extend over the
     * operator that follows and rejects the result, so the filtered value must be parenthesised. xsrun's
     * grammar ends an argument-less filter before the operator; this puts Xano's verdict back.
     */
    static void filterBeforeOperator(AstBuilder b, PostfixExprContext left, Token op, ExprContext whole) {
        PostfixContext p = left.postfix();
        List<FilterContext> chain = p.filter();
        if (chain.isEmpty() || !(p.getChild(p.getChildCount() - 1) instanceof FilterContext)) {
            return;
        }
        FilterContext last = chain.get(chain.size() - 1);
        if (last.argExpr().size() > 0 || !endsWithName(last)) {
            return;
        }
        switch (op.getType()) {
            case XanoScriptParser.STAR:
            case XanoScriptParser.SLASH:
            case XanoScriptParser.PERCENT:
            case XanoScriptParser.PLUS:
            case XanoScriptParser.MINUS:
            case XanoScriptParser.TILDE:
            case XanoScriptParser.LT:
            case XanoScriptParser.LE:
            case XanoScriptParser.GT:
            case XanoScriptParser.GE:
            case XanoScriptParser.EQEQ:
            case XanoScriptParser.NEQ:
            case XanoScriptParser.EQEQEQ:
            case XanoScriptParser.NEQEQ:
                break;
            default:
                return;
        }
        String filtered = AstBuilder.sourceOf(left);
        String rest = AstBuilder.sourceOf(whole).substring(Math.min(AstBuilder.sourceOf(whole).length(),
                op.getStartIndex() - whole.getStart().getStartIndex()));
        b.reportError(b.span(op), "Xano reads `" + last.name.getText() + " " + op.getText() + " ...` as the filter's argument and rejects it "
                + "(\"Invalid syntax. Please wrap your filter with parentheses.\"); write `(" + filtered + ") " + rest + "`");
    }

    private static boolean endsWithName(FilterContext f) {
        ParseTree lastChild = f.getChild(f.getChildCount() - 1);
        return !(lastChild instanceof TerminalNode && ((TerminalNode) lastChild).getSymbol().getType() == XanoScriptParser.COLON);
    }

    /** Escapes Xano's unescaping does not know drop their backslash: {@code "\s"} is {@code s}. */
    static void unknownEscapes(AstBuilder b, Token literal) {
        String text = literal.getText();
        int i = text.indexOf('\\');
        if (i < 0) {
            return;
        }
        for (; i < text.length() - 2; i++) {
            if (text.charAt(i) != '\\') {
                continue;
            }
            char n = text.charAt(i + 1);
            boolean known = "ntrvfab\\\"/$'".indexOf(n) >= 0 || (n >= '0' && n <= '7')
                    || (n == 'x' && Character.digit(text.charAt(i + 2), 16) >= 0);
            if (!known) {
                SourceSpan at = b.span(literal);
                int line = literal.getLine();
                int column = literal.getCharPositionInLine() + 1;
                for (int k = 0; k < i; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                        column = 1;
                    } else {
                        column++;
                    }
                }
                b.reportWarning(new SourceSpan(at.file(), line, column, 2), "unknown escape `\\" + n + "` in text: it reads as `" + n
                        + "` (the backslash is dropped); for a backslash write `\\\\" + n + "`");
            }
            i++;
        }
    }
}
