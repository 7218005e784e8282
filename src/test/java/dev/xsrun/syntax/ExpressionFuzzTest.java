package dev.xsrun.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.xsrun.ast.Document;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.Stmt;
import dev.xsrun.ast.FilterCatalog;
import dev.xsrun.diag.Diagnostic;
import dev.xsrun.value.SourceSpan;
import dev.xsrun.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random expression trees of every shape the parser can build, printed and parsed back. The hand-made
 * cases cover the parenthesisation rules one by one; this finds the combinations nobody thought of.
 * The seed is fixed, so a failure repeats.
 */
class ExpressionFuzzTest {
    private static final XsParser ANY_FILTER = new XsParser(FilterCatalog.ANY);
    private static final SourceSpan AT = SourceSpan.NONE;
    private static final String[] NAMES = {"a", "b", "items", "as", "if", "filters", "true", "x_1"};
    private static final String[] ODD_NAMES = {"a b", "1", "-", "", "$x", "é", "q\"uote"};
    private static final String[] TEXTS = {"", "x", "a\"b", "back\\slash", "line\nbreak", "\u0001\u007f", "tab\t", "ünï"};
    private static final double[] DECIMALS = {0.5, 1.0, 2.5e-7, 1e25, 123456.789, -0.0, 0.1 + 0.2, -3.75};
    private static final long[] INTEGERS = {0, 1, 7, -1, -42, 1024, Long.MAX_VALUE, -Long.MAX_VALUE};

    private final Random random = new Random(20250611L);
    /** True while building trees for a database query's `where`, which may hold the query nodes. */
    private boolean query;

    @Test
    void randomExpressionsRoundTrip() {
        for (int i = 0; i < 1000; i++) {
            Expr tree = expr(4);
            String printed = Printer.print(tree);
            List<Diagnostic> diagnostics = new ArrayList<>();
            Expr again = ANY_FILTER.parseExpression("fuzz", printed, diagnostics);
            assertNotNull(again, () -> printed + "\n" + diagnostics + "\n" + tree);
            String diff = TreeDiff.diff(tree, again);
            assertNull(diff, () -> printed + "\n" + diff + "\n" + tree);
            assertEquals(printed, Printer.print(again));
        }
    }

    /**
     * The same in a database query's {@code where}, with the query nodes mixed in. Two forms read
     * differently there and are not generated: {@code $db.f ~ x} is a regex match, not a concatenation,
     * and an enabled filter on a table field is a {@link Expr.DbFilterCall}.
     */
    @Test
    void randomQueryExpressionsRoundTrip() {
        query = true;
        for (int i = 0; i < 400; i++) {
            Expr tree = expr(4);
            String printed = Printer.print(tree);
            String source = "function \"f\" {\n  input {}\n  stack {\n    db.query \"t\" {\n      where = " + printed
                    + "\n    } as $r\n  }\n  response = null\n}\n";
            ParseResult r = ANY_FILTER.parse("fuzz.xs", source);
            assertEquals(List.of(), r.diagnostics(), () -> printed + "\n" + tree);
            Stmt.Invoke q = (Stmt.Invoke) ((Document.FunctionDef) r.documents().get(0)).stack().get(0);
            Expr again = q.attributes().get("where");
            String diff = TreeDiff.diff(tree, again);
            assertNull(diff, () -> printed + "\n" + diff + "\n" + tree);
            assertEquals(printed, Printer.print(again));
        }
    }

    private Expr dbField() {
        Expr e = new Expr.Field(new Expr.Field(new Expr.Variable("db", Expr.Variable.Kind.VAR, AT), "t", AT), name(), AT);
        return random.nextInt(4) == 0 ? new Expr.Index(e, literal(), AT) : e;
    }

    private Expr queryNode(int depth) {
        switch (random.nextInt(4)) {
            case 0: {
                Expr.DbOp op = Expr.DbOp.values()[random.nextInt(Expr.DbOp.values().length)];
                boolean regex = op == Expr.DbOp.REGEX;
                boolean negated = op != Expr.DbOp.JSON_CONTAINS && random.nextBoolean();
                Expr left = regex || random.nextBoolean() ? dbField() : expr(depth - 1);
                return new Expr.DbCompare(op, left, expr(depth - 1), negated, !(regex && !negated) && random.nextInt(4) == 0, AT);
            }
            case 1:
                return new Expr.DbBetween(random.nextBoolean() ? dbField() : expr(depth - 1), expr(depth - 1), expr(depth - 1),
                        random.nextBoolean(), AT);
            default: {
                List<Expr> args = new ArrayList<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    args.add(expr(depth - 1));
                }
                String[] names = {"contains", "between", "cosine_distance", "timestamp_year", "get"};
                return new Expr.DbFilterCall(dbField(), names[random.nextInt(names.length)], args, AT);
            }
        }
    }

    private Expr expr(int depth) {
        if (query && depth > 0 && random.nextInt(4) == 0) {
            return queryNode(depth);
        }
        int kinds = depth <= 0 ? 3 : 11;
        switch (random.nextInt(kinds)) {
            case 0:
                return literal();
            case 1:
                return variable();
            case 2:
                return random.nextBoolean() ? new Expr.Variable("$", Expr.Variable.Kind.ELEMENT, AT)
                        : new Expr.Variable("now", Expr.Variable.Kind.NOW, AT);
            case 3:
                return random.nextBoolean() ? new Expr.Field(expr(depth - 1), name(), AT)
                        : new Expr.Index(expr(depth - 1), expr(depth - 1), AT);
            case 4:
                return new Expr.Unary(Expr.UnaryOp.values()[random.nextInt(3)], expr(depth - 1), AT);
            case 5:
            case 6: {
                Expr.BinaryOp op = Expr.BinaryOp.values()[random.nextInt(Expr.BinaryOp.values().length)];
                boolean comparison = op.level == 8 || op.level == 9;
                Expr left = expr(depth - 1);
                if (query && op == Expr.BinaryOp.CONCAT && DbOperators.readsDbField(left)) {
                    op = Expr.BinaryOp.ADD;
                }
                return new Expr.Binary(op, left, expr(depth - 1), comparison && random.nextInt(4) == 0, AT);
            }
            case 7:
                return new Expr.Ternary(expr(depth - 1), expr(depth - 1), expr(depth - 1), AT);
            case 8:
            case 9: {
                List<Expr> args = new ArrayList<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    args.add(expr(depth - 1));
                }
                Expr input = expr(depth - 1);
                boolean disabled = random.nextInt(5) == 0 || query && DbOperators.readsDbField(input);
                return new Expr.FilterApp(input, random.nextBoolean() ? "get" : "to_text", args, disabled, AT);
            }
            default:
                return random.nextBoolean() ? array(depth - 1) : object(depth - 1);
        }
    }

    private Expr literal() {
        switch (random.nextInt(5)) {
            case 0:
                return new Expr.Literal(Values.of(INTEGERS[random.nextInt(INTEGERS.length)]), AT);
            case 1:
                return new Expr.Literal(Values.of(DECIMALS[random.nextInt(DECIMALS.length)]), AT);
            case 2:
                return new Expr.Literal(Values.of(TEXTS[random.nextInt(TEXTS.length)]), AT);
            case 3:
                return new Expr.Literal(Values.of(random.nextBoolean()), AT);
            default:
                return new Expr.Literal(Values.NULL, AT);
        }
    }

    private Expr variable() {
        return new Expr.Variable(NAMES[random.nextInt(NAMES.length)], Expr.Variable.Kind.VAR, AT);
    }

    private String name() {
        return random.nextInt(3) == 0 ? ODD_NAMES[random.nextInt(ODD_NAMES.length)] : NAMES[random.nextInt(NAMES.length)];
    }

    private Expr array(int depth) {
        List<Expr.Element> elements = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            elements.add(new Expr.Element(expr(depth), random.nextInt(4) == 0));
        }
        return new Expr.ArrayLiteral(elements, AT);
    }

    private Expr object(int depth) {
        List<Expr.Entry> entries = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            switch (random.nextInt(4)) {
                case 0:
                    entries.add(new Expr.Entry(null, null, expr(depth), true));
                    break;
                case 1: {
                    Expr key = variable();
                    if (random.nextBoolean()) {
                        key = new Expr.Field(key, name(), AT);
                    }
                    if (random.nextBoolean()) {
                        key = new Expr.Index(key, expr(depth), AT);
                    }
                    entries.add(new Expr.Entry(null, key, expr(depth), false));
                    break;
                }
                default:
                    entries.add(Expr.Entry.plain(name(), expr(depth)));
            }
        }
        return new Expr.ObjectLiteral(entries, AT);
    }
}
