package dev.xsrun.runtime;

import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import dev.xsrun.ast.Expr;
import dev.xsrun.value.SourceSpan;

/**
 * An expression compiled by {@link Compiler}: a node that evaluates itself without dispatching over
 * the syntax tree. The kinds that loops spend their time in have a node each; every other kind is
 * left to the interpreter ({@link Interpreted}), so the two always agree on what an expression means.
 */
abstract class Code {
    abstract JsonNode eval(Frame f);

    /** Whether the value is truthy; a comparison answers without making a bool value first. */
    boolean test(Frame f) {
        return Values.truthy(eval(f));
    }

    /**
     * Evaluates an operand that is usually an int (a counter, a position) without making a value for
     * it: returns the int and sets {@code f.other} to null, or returns 0 and leaves the value, which
     * is not an int, in {@code f.other}. Arithmetic on ints answers here without allocating.
     */
    long evalInt(Frame f) {
        return unboxed(eval(f), f);
    }

    /** A value as {@link #evalInt} answers it. */
    static long unboxed(JsonNode v, Frame f) {
        if (isInt(v)) {
            f.other = null;
            return v.longValue();
        }
        f.other = v;
        return 0;
    }

    /** The value {@link #evalInt} stood for: its int made a value, or what it left in {@code f.other}. */
    static JsonNode boxed(long v, JsonNode other) {
        return other != null ? other : Values.of(v);
    }

    /** The ints that the interpreter's fast paths take (Jackson parses small JSON numbers to IntNode). */
    static boolean isInt(JsonNode v) {
        return v instanceof LongNode || v instanceof IntNode;
    }

    /**
     * Evaluates an operand. Most operands are variables, constants and arithmetic: testing for those
     * final classes first spares a virtual call through a call site that sees every kind of node.
     */
    static JsonNode value(Code c, Frame f) {
        if (c instanceof Local) {
            return ((Local) c).eval(f);
        }
        if (c instanceof Const) {
            return ((Const) c).value;
        }
        if (c instanceof Arithmetic) {
            return ((Arithmetic) c).eval(f);
        }
        return c.eval(f);
    }

    /** {@link #evalInt} with the shortcut {@link #value} takes for variables and constants. */
    static long intOf(Code c, Frame f) {
        if (c instanceof Local) {
            return ((Local) c).evalInt(f);
        }
        if (c instanceof Const) {
            return ((Const) c).evalInt(f);
        }
        return c.evalInt(f);
    }

    /** A constant. */
    static final class Const extends Code {
        private final JsonNode value;
        /** The value as an int, or null when it is not an int. */
        private final JsonNode other;
        private final long number;

        Const(JsonNode value) {
            this.value = value;
            this.other = isInt(value) ? null : value;
            this.number = isInt(value) ? value.longValue() : 0;
        }

        @Override
        JsonNode eval(Frame f) {
            return value;
        }

        @Override
        long evalInt(Frame f) {
            f.other = other;
            return number;
        }
    }

    /** An ordinary variable of the running function (not a root such as $input, not $$ or $index). */
    static final class Local extends Code {
        private final int id;

        Local(int id) {
            this.id = id;
        }

        @Override
        JsonNode eval(Frame f) {
            JsonNode v = f.get(id);
            return v == null ? Values.NULL : v;
        }

        @Override
        long evalInt(Frame f) {
            JsonNode v = f.get(id);
            return unboxed(v == null ? Values.NULL : v, f);
        }
    }

    /** {@code $input}: the bound input of the running function. */
    static final class Input extends Code {
        @Override
        JsonNode eval(Frame f) {
            return f.input;
        }
    }

    /** Any other expression, evaluated by the interpreter. */
    static final class Interpreted extends Code {
        private final Expr expr;

        Interpreted(Expr expr) {
            this.expr = expr;
        }

        @Override
        JsonNode eval(Frame f) {
            return f.in.eval(expr);
        }
    }

    /**
     * A value about to be stored in a variable, copied when it may share structure with another
     * variable ({@link Interpreter#mayAlias}); the compiler wraps only the expressions that may.
     */
    static final class Owned extends Code {
        private final Code value;

        Owned(Code value) {
            this.value = value;
        }

        @Override
        JsonNode eval(Frame f) {
            return Values.copy(value.eval(f));
        }
    }

    /** {@code target.name} below anything but $env and $var. */
    static final class Field extends Code {
        private final Code target;
        private final String name;

        Field(Code target, String name) {
            this.target = target;
            this.name = name;
        }

        @Override
        JsonNode eval(Frame f) {
            return Values.field(value(target, f), name);
        }
    }

    /** {@code target[index]}; a list read at an int position is answered here. */
    static final class Index extends Code {
        private final Code target;
        private final Code index;

        Index(Code target, Code index) {
            this.target = target;
            this.index = index;
        }

        @Override
        JsonNode eval(Frame f) {
            JsonNode container = value(target, f);
            long i = intOf(index, f);
            JsonNode key = f.other;
            if (key == null && container instanceof ArrayNode) {
                int n = container.size();
                if (i < 0) {
                    i += n;
                }
                return i < 0 || i >= n ? Values.NULL : container.get((int) i);
            }
            return Values.index(container, boxed(i, key));
        }

        /** Overridden so that the call to eval is bound to this class: list elements are mostly compared. */
        @Override
        long evalInt(Frame f) {
            return unboxed(eval(f), f);
        }
    }

    /** {@code !operand} */
    static final class Not extends Code {
        private final Code operand;

        Not(Code operand) {
            this.operand = operand;
        }

        @Override
        JsonNode eval(Frame f) {
            return Values.of(!operand.test(f));
        }

        @Override
        boolean test(Frame f) {
            return !operand.test(f);
        }
    }

    /** {@code -operand} and {@code +operand}. */
    static final class Sign extends Code {
        private final Code operand;
        private final boolean negate;
        private final SourceSpan span;

        Sign(Code operand, boolean negate, SourceSpan span) {
            this.operand = operand;
            this.negate = negate;
            this.span = span;
        }

        @Override
        JsonNode eval(Frame f) {
            JsonNode v = operand.eval(f);
            try {
                return negate ? Values.negate(v) : Values.operand(v, "+");
            } catch (XsError err) {
                throw err.at(span);
            }
        }
    }

    /** An operator node: its two operands, evaluated left first. */
    abstract static class Binary extends Code {
        final Code left;
        final Code right;

        Binary(Code left, Code right) {
            this.left = left;
            this.right = right;
        }
    }

    /** {@code left && right} */
    static final class And extends Binary {
        And(Code left, Code right) {
            super(left, right);
        }

        @Override
        JsonNode eval(Frame f) {
            return Values.of(test(f));
        }

        @Override
        boolean test(Frame f) {
            return left.test(f) && right.test(f);
        }
    }

    /** {@code left || right} */
    static final class Or extends Binary {
        Or(Code left, Code right) {
            super(left, right);
        }

        @Override
        JsonNode eval(Frame f) {
            return Values.of(test(f));
        }

        @Override
        boolean test(Frame f) {
            return left.test(f) || right.test(f);
        }
    }

    /** {@code left ?? right} */
    static final class Nullish extends Binary {
        Nullish(Code left, Code right) {
            super(left, right);
        }

        @Override
        JsonNode eval(Frame f) {
            JsonNode l = left.eval(f);
            return l.isNull() || l.isMissingNode() ? right.eval(f) : l;
        }
    }

    /** {@code left ?: right} */
    static final class Elvis extends Binary {
        Elvis(Code left, Code right) {
            super(left, right);
        }

        @Override
        JsonNode eval(Frame f) {
            JsonNode l = left.eval(f);
            return Values.truthy(l) ? l : right.eval(f);
        }
    }

    /** {@code condition ? whenTrue : whenFalse} */
    static final class Ternary extends Code {
        private final Code condition;
        private final Code whenTrue;
        private final Code whenFalse;

        Ternary(Code condition, Code whenTrue, Code whenFalse) {
            this.condition = condition;
            this.whenTrue = whenTrue;
            this.whenFalse = whenFalse;
        }

        @Override
        JsonNode eval(Frame f) {
            return condition.test(f) ? whenTrue.eval(f) : whenFalse.eval(f);
        }
    }

    /** An operator that takes both sides as values (arithmetic, ~, .., the ==? forms), by the interpreter's rules. */
    static final class Operator extends Binary {
        private final Expr.Binary expr;

        Operator(Expr.Binary expr, Code left, Code right) {
            super(left, right);
            this.expr = expr;
        }

        @Override
        JsonNode eval(Frame f) {
            JsonNode l = value(left, f);
            return f.in.binary(expr, l, value(right, f));
        }
    }

    /** {@code + - * / %} (not the ==? forms): two ints give an int here without making values for them. */
    static final class Arithmetic extends Binary {
        private final Expr.Binary expr;
        private final Expr.BinaryOp op;

        Arithmetic(Expr.Binary expr, Code left, Code right) {
            super(left, right);
            this.expr = expr;
            this.op = expr.op();
        }

        static boolean handles(Expr.Binary e) {
            return !e.ignoreEmpty() && e.op().level <= Expr.BinaryOp.SUB.level;
        }

        @Override
        JsonNode eval(Frame f) {
            long v = evalInt(f);
            return boxed(v, f.other);
        }

        @Override
        long evalInt(Frame f) {
            long a = intOf(left, f);
            JsonNode l = f.other;
            long b = intOf(right, f);
            JsonNode r = f.other;
            if (l == null && r == null) {
                long v = Interpreter.exact(op, a, b);
                if (v != Interpreter.NOT_EXACT) {
                    f.other = null;
                    return v;
                }
            }
            return unboxed(f.in.binary(expr, boxed(a, l), boxed(b, r)), f);
        }
    }

    /**
     * {@code < <= > >= == != === !==} (not the ==? forms): two ints are compared here without making
     * a bool value; any other pair goes by the interpreter's rules.
     */
    static final class Compare extends Binary {
        private final Expr.Binary expr;
        /** The answer when the left int is below, equal to, above the right one. */
        private final boolean below;
        private final boolean equal;
        private final boolean above;

        Compare(Expr.Binary expr, Code left, Code right) {
            super(left, right);
            this.expr = expr;
            switch (expr.op()) {
                case LT:
                    below = true;
                    equal = false;
                    above = false;
                    break;
                case LE:
                    below = true;
                    equal = true;
                    above = false;
                    break;
                case GT:
                    below = false;
                    equal = false;
                    above = true;
                    break;
                case GE:
                    below = false;
                    equal = true;
                    above = true;
                    break;
                case EQ:
                case STRICT_EQ:
                    below = false;
                    equal = true;
                    above = false;
                    break;
                case NE:
                case STRICT_NE:
                    below = true;
                    equal = false;
                    above = true;
                    break;
                default:
                    throw new IllegalArgumentException("not a comparison: " + expr.op().symbol);
            }
        }

        static boolean handles(Expr.Binary e) {
            return !e.ignoreEmpty() && e.op().level >= Expr.BinaryOp.LT.level && e.op().level <= Expr.BinaryOp.EQ.level;
        }

        @Override
        JsonNode eval(Frame f) {
            return Values.of(test(f));
        }

        @Override
        boolean test(Frame f) {
            long a = intOf(left, f);
            JsonNode l = f.other;
            long b = intOf(right, f);
            JsonNode r = f.other;
            if (l == null && r == null) {
                return a < b ? below : a == b ? equal : above;
            }
            return Values.truthy(f.in.binary(expr, boxed(a, l), boxed(b, r)));
        }
    }
}
