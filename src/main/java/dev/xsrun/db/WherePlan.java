package dev.xsrun.db;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.InputField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the SQL text of one statement site's {@code where} depends on, worked out once per site so a
 * site that runs again can reuse the text {@link WhereSql} wrote for it. The text depends on the values
 * only through a few facts about them, the where's <em>shape</em>: for {@code $db.t.f OP value}, whether
 * the value drops the condition ({@code ==?} with null or "") or makes it {@code IS NULL} / {@code IS NOT
 * NULL}; for {@code $db.t.f in list}, whether the list is dropped ({@code in?}), empty, or how long it is;
 * for a condition that reads no field, whether it holds. {@link #shape} evaluates the values, in the order
 * the translation does, and gives those facts with the parameters the translation would bind, converted
 * the same way. A where made of anything else has no plan: it is translated on every run.
 */
final class WherePlan {
    /** A where with no condition: its shape is always the same. */
    static final WherePlan NONE = new WherePlan(null);

    private final Node root;

    private WherePlan(Node root) {
        this.root = root;
    }

    /** The plan of a where (null: none), or null when its text may depend on its values in other ways. */
    static WherePlan of(Expr where, Map<String, TableSchema> scope) {
        if (where == null) {
            return NONE;
        }
        Node n = node(where, scope);
        return n == null ? null : new WherePlan(n);
    }

    /**
     * The shape of this run's values and their parameters; each value evaluated is put in {@code evaluated}.
     * Null when a value makes the translation fail (an {@code in} whose value is no list): the caller
     * translates, which gives the error.
     */
    Shape shape(Function<Expr, JsonNode> eval, Map<Expr, JsonNode> evaluated) {
        Shape out = new Shape();
        if (root != null && !root.shape(v -> {
            JsonNode value = eval.apply(v);
            evaluated.put(v, value);
            return value;
        }, out)) {
            return null;
        }
        return out;
    }

    /** The facts about the values the text depends on, as numbers, and the parameters, in order. */
    static final class Shape {
        private int[] codes = new int[4];
        private int size;
        final List<Object[]> params = new ArrayList<>(2);

        void add(int code) {
            if (size == codes.length) {
                codes = Arrays.copyOf(codes, size * 2);
            }
            codes[size++] = code;
        }

        void bind(JsonNode v, InputField f) {
            params.add(new Object[] {f, f != null && !v.isNull() ? WhereSql.convert(v, f) : v});
        }

        int[] codes() {
            return Arrays.copyOf(codes, size);
        }
    }

    private interface Node {
        /** Adds this condition's facts and parameters; false when the translation would fail. */
        boolean shape(Function<Expr, JsonNode> eval, Shape out);
    }

    /** {@code a && b}, {@code a || b}. */
    private record Both(Node left, Node right) implements Node {
        public boolean shape(Function<Expr, JsonNode> eval, Shape out) {
            return left.shape(eval, out) && right.shape(eval, out);
        }
    }

    /** {@code !a}. */
    private record Not(Node operand) implements Node {
        public boolean shape(Function<Expr, JsonNode> eval, Shape out) {
            return operand.shape(eval, out);
        }
    }

    /** A condition that reads no field: true or false. */
    private record Truth(Expr value) implements Node {
        public boolean shape(Function<Expr, JsonNode> eval, Shape out) {
            out.add(dev.xsrun.value.Operators.truthy(eval.apply(value)) ? 1 : 0);
            return true;
        }
    }

    /** {@code $db.t.f OP value} (either way round), OP one of the comparisons. */
    private record Compare(InputField field, Expr value, Expr.BinaryOp op, boolean ignoreEmpty) implements Node {
        public boolean shape(Function<Expr, JsonNode> eval, Shape out) {
            JsonNode v = eval.apply(value);
            if (ignoreEmpty && blank(v)) {
                out.add(1);
            } else if (v.isNull() && (op == Expr.BinaryOp.EQ || op == Expr.BinaryOp.STRICT_EQ)) {
                out.add(2);
            } else if (v.isNull() && (op == Expr.BinaryOp.NE || op == Expr.BinaryOp.STRICT_NE)) {
                out.add(3);
            } else {
                out.add(0);
                out.bind(v, field);
            }
            return true;
        }
    }

    /** {@code $db.t.f in list}, {@code in?}, {@code not in}, of a field of one value. */
    private record In(InputField field, Expr value, boolean nullSafe) implements Node {
        public boolean shape(Function<Expr, JsonNode> eval, Shape out) {
            JsonNode v = eval.apply(value);
            if (nullSafe && blank(v)) {
                out.add(-1);
                return true;
            }
            if (!v.isArray()) {
                return false;
            }
            out.add(v.size());
            for (JsonNode e : v) {
                out.bind(e, field);
            }
            return true;
        }
    }

    private static boolean blank(JsonNode v) {
        return v.isNull() || v.isTextual() && v.textValue().isEmpty();
    }

    /** The node of a condition whose text depends on its values only as {@link Shape} says, else null. */
    private static Node node(Expr e, Map<String, TableSchema> scope) {
        if (e instanceof Expr.DbCompare c) {
            InputField f = column(c.left(), scope);
            boolean single = f != null && !f.list() && !TableSchema.isJsonType(f.type());
            return c.op() == Expr.DbOp.IN && single && isValue(c.right()) ? new In(f, c.right(), c.nullSafe()) : null;
        }
        if (e instanceof Expr.DbBetween || e instanceof Expr.DbFilterCall) {
            return null;
        }
        if (!WhereSql.mentionsDb(e)) {
            return new Truth(e);
        }
        if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT) {
            Node n = node(u.operand(), scope);
            return n == null ? null : new Not(n);
        }
        if (!(e instanceof Expr.Binary b)) {
            return null;
        }
        if (b.op() == Expr.BinaryOp.AND || b.op() == Expr.BinaryOp.OR) {
            Node l = node(b.left(), scope);
            Node r = node(b.right(), scope);
            return l == null || r == null ? null : new Both(l, r);
        }
        if (!WhereSql.isComparison(b.op())) {
            return null;
        }
        InputField l = column(b.left(), scope);
        InputField r = column(b.right(), scope);
        if (l != null && isValue(b.right())) {
            return new Compare(l, b.right(), b.op(), b.ignoreEmpty());
        }
        if (r != null && isValue(b.left())) {
            return new Compare(r, b.left(), b.op(), b.ignoreEmpty());
        }
        return null;
    }

    /** The field {@code $db.TABLE.FIELD} names, or null when the expression is something else or names none. */
    private static InputField column(Expr e, Map<String, TableSchema> scope) {
        if (!(e instanceof Expr.Field f) || !(f.target() instanceof Expr.Field t) || !WhereSql.isDbRoot(t.target())) {
            return null;
        }
        TableSchema table = scope.get(t.name());
        return table == null ? null : table.field(f.name());
    }

    /** A value of the job, which the translation evaluates and binds. */
    private static boolean isValue(Expr e) {
        return !(e instanceof Expr.DbCompare || e instanceof Expr.DbBetween || e instanceof Expr.DbFilterCall) && !WhereSql.mentionsDb(e);
    }

    /** A map for the values a shape evaluates, by expression. */
    static Map<Expr, JsonNode> values() {
        return new IdentityHashMap<>();
    }
}
