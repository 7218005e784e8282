package dev.xsrun.syntax;

import dev.xsrun.ast.Expr;
import dev.xsrun.ast.FilterCatalog;
import dev.xsrun.diag.Suggestions;
import dev.xsrun.syntax.gen.XanoScriptParser;
import dev.xsrun.syntax.gen.XanoScriptParser.DbSymbolExprContext;
import dev.xsrun.syntax.gen.XanoScriptParser.ExprContext;
import dev.xsrun.syntax.gen.XanoScriptParser.StatementContext;
import dev.xsrun.syntax.gen.XanoScriptParser.WordOpExprContext;
import dev.xsrun.syntax.gen.XanoScriptParser.WordRangeExprContext;
import dev.xsrun.value.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * The expression language of database queries: the word operators ({@code in}, {@code not contains},
 * {@code includes?}, {@code between 1:10}, ...), the symbols {@code @>} and {@code !~}, and filters
 * applied to table fields. They become {@link Expr.DbCompare}, {@link Expr.DbBetween} and
 * {@link Expr.DbFilterCall} nodes; outside the attributes of a {@code db.*} statement they are errors.
 */
final class DbOperators {
    /** The operator words, for "did you mean". */
    private static final List<String> WORDS = List.of("in", "contains", "includes", "overlaps", "like", "ilike", "between");

    private final AstBuilder b;

    DbOperators(AstBuilder b) {
        this.b = b;
    }

    /** True when {@code c} stands in a {@code db.*} statement (its attributes, condition or target). */
    static boolean inDbStatement(ParserRuleContext c) {
        for (ParserRuleContext p = c.getParent(); p != null; p = p.getParent()) {
            if (p instanceof StatementContext) {
                return ((StatementContext) p).name.getText().startsWith("db.");
            }
        }
        return false;
    }

    /** True when {@code e} reads a table field: a chain of accesses and filters rooted at {@code $db}. */
    static boolean readsDbField(Expr e) {
        while (true) {
            if (e instanceof Expr.Field) {
                e = ((Expr.Field) e).target();
            } else if (e instanceof Expr.Index) {
                e = ((Expr.Index) e).target();
            } else if (e instanceof Expr.FilterApp) {
                e = ((Expr.FilterApp) e).input();
            } else if (e instanceof Expr.DbFilterCall) {
                e = ((Expr.DbFilterCall) e).input();
            } else {
                return e instanceof Expr.Variable && ((Expr.Variable) e).kind() == Expr.Variable.Kind.VAR
                        && ((Expr.Variable) e).name().equals("db");
            }
        }
    }

    Expr build(ExprContext c) {
        if (c instanceof DbSymbolExprContext) {
            return symbol((DbSymbolExprContext) c);
        }
        Token neg;
        Token op;
        boolean nullSafe;
        if (c instanceof WordRangeExprContext) {
            WordRangeExprContext r = (WordRangeExprContext) c;
            neg = r.neg;
            op = r.op;
            nullSafe = false;
        } else {
            WordOpExprContext w = (WordOpExprContext) c;
            neg = w.neg;
            op = w.op;
            nullSafe = w.QUESTION() != null;
        }
        String word = op.getText();
        SourceSpan at = b.span(neg != null ? neg : op);
        boolean negated = neg != null;
        if (neg != null && !neg.getText().equals("not")) {
            b.reportError(b.span(neg), "unexpected word `" + neg.getText() + "` before `" + word + "`"
                    + (Suggestions.closest(neg.getText(), List.of("not")) != null ? "; did you mean `not`?" : "; only `not` may stand there"));
        }
        String written = (negated ? "not " : "") + word + (nullSafe ? "?" : "");
        if (c instanceof WordRangeExprContext) {
            WordRangeExprContext r = (WordRangeExprContext) c;
            Expr value = b.expr(r.expr());
            Expr low = b.argPostfix(r.low);
            Expr high = b.argPostfix(r.high);
            if (!word.equals("between")) {
                b.reportError(b.span(op), "`" + word + "` does not take a range `low:high`; only `between` does"
                        + (Expr.DbOp.ofWord(word) == null ? "" : ""));
            } else {
                outsideQuery(c, at, written, "`(" + AstBuilder.sourceOf(r.expr()) + " >= " + AstBuilder.sourceOf(r.low)
                        + " && " + AstBuilder.sourceOf(r.expr()) + " <= " + AstBuilder.sourceOf(r.high) + ")`");
            }
            return new Expr.DbBetween(value, low, high, negated, at);
        }
        WordOpExprContext w = (WordOpExprContext) c;
        Expr left = b.expr(w.expr(0));
        Expr right = b.expr(w.expr(1));
        Expr.DbOp kind = Expr.DbOp.ofWord(word);
        if (kind == null) {
            if (word.equals("between")) {
                b.reportError(b.span(op), "`between` takes a range: `" + AstBuilder.sourceOf(w.expr(0)) + " between low:high`");
            } else {
                b.reportError(b.span(op), "unknown operator `" + word + "`" + hint(word));
            }
            return new Expr.DbCompare(Expr.DbOp.IN, left, right, negated, nullSafe, at);
        }
        String l = AstBuilder.sourceOf(w.expr(0));
        String r = AstBuilder.sourceOf(w.expr(1));
        String not = negated ? "!" : "";
        String instead;
        switch (kind) {
            case IN:
                instead = "`" + not + "(" + r + "|contains:" + l + ")`";
                break;
            case CONTAINS:
            case INCLUDES:
                instead = "`" + not + "(" + l + "|contains:" + r + ")`";
                break;
            case OVERLAPS:
                instead = "`((" + l + "|intersect:" + r + ")|count) " + (negated ? "==" : ">") + " 0`";
                break;
            default:
                instead = null;
        }
        outsideQuery(c, at, written, instead);
        return new Expr.DbCompare(kind, left, right, negated, nullSafe, at);
    }

    private Expr symbol(DbSymbolExprContext c) {
        Expr left = b.expr(c.expr(0));
        Expr right = b.expr(c.expr(1));
        boolean nullSafe = c.QUESTION() != null;
        SourceSpan at = b.span(c.op);
        if (c.op.getType() == XanoScriptParser.AT_GT) {
            outsideQuery(c, at, "@>", null);
            return new Expr.DbCompare(Expr.DbOp.JSON_CONTAINS, left, right, false, nullSafe, at);
        }
        outsideQuery(c, at, "!~", "`!(" + AstBuilder.sourceOf(c.expr(1)) + "|regex_matches:" + AstBuilder.sourceOf(c.expr(0)) + ")`");
        return new Expr.DbCompare(Expr.DbOp.REGEX, left, right, true, nullSafe, at);
    }

    private void outsideQuery(ParserRuleContext c, SourceSpan at, String written, String instead) {
        if (!inDbStatement(c)) {
            b.reportError(at, "`" + written + "` is an operator of database queries (the `where`, `join` and `eval` of `db.*` statements)"
                    + (instead == null ? "; it has no equivalent outside one" : "; outside a query write " + instead));
        }
    }

    private static String hint(String word) {
        String near = Suggestions.closest(word, WORDS);
        if (near != null) {
            return "; did you mean `" + near + "`?";
        }
        return "; the word operators of queries are " + String.join(", ", WORDS.stream().map(x -> "`" + x + "`").toList())
                + " (each may follow `not`)";
    }

    /** A filter inside a query that the database computes per row ({@link Expr.DbFilterCall}). */
    Expr filterCall(Expr input, String name, List<Expr> args, SourceSpan at, FilterCatalog filters) {
        if (!filters.isKnown(name) && !filters.isDbOnly(name)) {
            Set<String> all = new LinkedHashSet<>(filters.names());
            all.addAll(filters.dbOnlyNames());
            b.reportError(at, "unknown filter `" + name + "`" + Suggestions.hint(name, all));
        }
        return new Expr.DbFilterCall(input, name, new ArrayList<>(args), at);
    }
}
