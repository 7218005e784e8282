package dev.xsrun.syntax;

import dev.xsrun.ast.Expr;
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

    /** The higher-order filters that take an unquoted expression (spec 5.6), and the argument holding it. */
    private static final java.util.Map<String, Integer> EXPRESSION_FILTERS = java.util.Map.of("map", 0, "filter", 0, "find", 0,
            "findIndex", 0, "some", 0, "every", 0, "reduce", 0, "transform", 0);
    /** Their JavaScript siblings, which take code in quotes ({@code lambda_reduce} takes the initial value first). */
    private static final java.util.Map<String, Integer> JAVASCRIPT_FILTERS = java.util.Map.of("lambda", 0, "lambda_map", 0,
            "lambda_filter", 0, "lambda_find", 0, "lambda_findIndex", 0, "lambda_some", 0, "lambda_every", 0, "lambda_reduce", 1);

    /**
     * The mix-ups of the two families that Xano's array-filter docs list as mistakes: JavaScript in quotes
     * given to an expression filter ({@code |map:"return $this * 2"} maps every element to that text), an
     * expression given to a JavaScript filter ({@code |lambda_map:$$.name}), JavaScript without
     * {@code return} (it gives undefined), and the arguments of {@code reduce} / {@code lambda_reduce} in
     * the other family's order. Xano accepts all of them, so they are warnings.
     */
    static void higherOrderArguments(AstBuilder b, String name, List<Expr> args, SourceSpan at) {
        Integer code = EXPRESSION_FILTERS.get(name);
        if (code != null && code < args.size()) {
            String js = text(args.get(code));
            if (js != null && js.strip().startsWith("return")) {
                b.reportWarning(args.get(code).span(), "`|" + name + "` takes an expression without quotes (`$$ * 2`), not"
                        + " JavaScript; this maps to the text itself. For JavaScript use `|lambda_" + name + "`");
            } else if (name.equals("reduce") && args.size() == 2 && args.get(0) instanceof Expr.Literal && !(args.get(1) instanceof Expr.Literal)) {
                b.reportWarning(at, "`|reduce` takes the expression first and the initial value last: `|reduce:$$ + $result:0`");
            }
            return;
        }
        code = JAVASCRIPT_FILTERS.get(name);
        if (code == null || code >= args.size()) {
            return;
        }
        String js = text(args.get(code));
        if (js == null) {
            boolean swapped = name.equals("lambda_reduce") && text(args.get(0)) != null;
            b.reportWarning(args.get(code).span(), swapped
                    ? "`|lambda_reduce` takes the initial value first and the code second: `|lambda_reduce:0:\"return $result + $this\"`"
                    : "`|" + name + "` takes JavaScript code in quotes (`\"return $this.name\"`); for an expression use `|"
                    + (name.equals("lambda") ? "transform" : name.substring("lambda_".length())) + "`");
        } else if (!js.contains("return")) {
            b.reportWarning(args.get(code).span(), "the JavaScript of `|" + name + "` has no `return`, so it gives undefined: write `\"return "
                    + js.strip() + "\"`");
        }
    }

    private static String text(Expr e) {
        return e instanceof Expr.Literal && ((Expr.Literal) e).value().isTextual() ? ((Expr.Literal) e).value().textValue() : null;
    }
}
