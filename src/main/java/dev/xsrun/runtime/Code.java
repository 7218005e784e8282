package dev.xsrun.runtime;

import dev.xsrun.value.Operators;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.Names;
import dev.xsrun.filters.FilterBinder;
import dev.xsrun.filters.FilterCall;
import dev.xsrun.filters.FilterRegistry;
import dev.xsrun.filters.Lambda;
import java.util.Iterator;
import java.util.Map;
import dev.xsrun.value.SourceSpan;

/**
 * An expression compiled by {@link Compiler}: a node that evaluates itself without dispatching over
 * the syntax tree. Every kind of expression has its node; what an operator means is defined once, in
 * {@link Operators}: the nodes keep ints as {@code long} on their fast paths and call it for the rest.
 */
abstract class Code {
    abstract JsonNode eval(Frame f);

    /** Whether the value is truthy; a comparison answers without making a bool value first. */
    boolean test(Frame f) {
        return Operators.truthy(eval(f));
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
        if (c instanceof InputField) {
            return ((InputField) c).evalInt(f);
        }
        return c.evalInt(f);
    }

    /** A constant. */
    static final class Const extends Code {
        final JsonNode value;
        /** The value as an int, or null when it is not an int. */
        final JsonNode other;
        final long number;

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
        final int id;

        Local(int id) {
            this.id = id;
        }

        @Override
        JsonNode eval(Frame f) {
            JsonNode[] values = f.values;
            JsonNode v = id < values.length ? values[id] : null;
            if (v == Scope.UNBOXED) {
                return Values.of(f.ints[id]);
            }
            return v == null ? Values.NULL : v;
        }

        @Override
        long evalInt(Frame f) {
            JsonNode[] values = f.values;
            JsonNode v = id < values.length ? values[id] : null;
            if (v == Scope.UNBOXED) {
                f.other = null;
                return f.ints[id];
            }
            return unboxed(v == null ? Values.NULL : v, f);
        }
    }

    /** {@code $input}: the bound input of the running function. */
    static final class Input extends Code {
        @Override
        JsonNode eval(Frame f) {
            return f.input();
        }
    }

    /**
     * A value about to be stored in a variable, copied when it may share structure with another
     * variable ({@link Compiler#mayAlias}); the compiler wraps only the expressions that may.
     */
    static final class Owned extends Code {
        final Code value;

        Owned(Code value) {
            this.value = value;
        }

        @Override
        JsonNode eval(Frame f) {
            return Values.copy(value.eval(f));
        }
    }

    /** {@code $input.name} of a declared input: its slot when the call was bound to slots. */
    static final class InputField extends Code {
        final int k;
        final String name;

        InputField(int k, String name) {
            this.k = k;
            this.name = name;
        }

        @Override
        JsonNode eval(Frame f) {
            return f.inputField(k, name);
        }

        @Override
        long evalInt(Frame f) {
            return unboxed(f.inputField(k, name), f);
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

    /**
     * A value with a {@code mock = {"test name": value}} beside it, under that test: the mock's entry
     * for the test when it has one (the written value is then not evaluated), else the written value.
     */
    static final class Mocked extends Code {
        private final Code table;
        private final String test;
        private final Code written;

        Mocked(Code table, String test, Code written) {
            this.table = table;
            this.test = test;
            this.written = written;
        }

        @Override
        JsonNode eval(Frame f) {
            JsonNode mock = table.eval(f);
            JsonNode value = mock.isObject() ? mock.get(test) : null;
            return value != null ? value : value(written, f);
        }
    }

    /** {@code target[index]}; a list read at an int position is answered here. */
    static final class Index extends Code {
        final Code target;
        final Code index;

        Index(Code target, Code index) {
            this.target = target;
            this.index = index;
        }

        @Override
        JsonNode eval(Frame f) {
            JsonNode container = value(target, f);
            long i = intOf(index, f);
            return at(container, i, f.other);
        }

        /** The element of a container at an index given as {@link #evalInt} answers it (the int i, or key when not null). */
        static JsonNode at(JsonNode container, long i, JsonNode key) {
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
        final Code operand;

        Not(Code operand) {
            this.operand = operand;
        }

        @Override
        JsonNode eval(Frame f) {
            return Values.of(Operators.not(operand.eval(f)));
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
                return negate ? Operators.negate(v) : Operators.plus(v);
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

    /** {@code left || right}: the left operand when truthy, else the right ({@link Operators#or}) */
    static final class Or extends Binary {
        Or(Code left, Code right) {
            super(left, right);
        }

        @Override
        JsonNode eval(Frame f) {
            JsonNode l = left.eval(f);
            return Operators.truthy(l) ? l : right.eval(f);
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
            return Operators.isNullish(l) ? right.eval(f) : l;
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
            return Operators.truthy(l) ? l : right.eval(f);
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

    /**
     * An operator that takes both sides as values and has no fast path of its own ({@code ~},
     * {@code ..}, the database forms {@code ==?}...), applied by {@link #apply}.
     */
    static final class Operator extends Binary {
        private final Expr.BinaryOp op;
        private final boolean ignoreEmpty;
        private final SourceSpan span;

        Operator(Expr.Binary expr, Code left, Code right) {
            super(left, right);
            this.op = expr.op();
            this.ignoreEmpty = expr.ignoreEmpty();
            this.span = expr.span();
        }

        @Override
        JsonNode eval(Frame f) {
            JsonNode l = value(left, f);
            JsonNode r = value(right, f);
            if (ignoreEmpty && Operators.ignoredAsEmpty(r)) {
                return Values.TRUE;
            }
            return apply(op, l, r, f, span);
        }
    }

    /** A two-sided operator applied to its evaluated sides by {@link Operators}; an error gets the operator's span. */
    static JsonNode apply(Expr.BinaryOp op, JsonNode l, JsonNode r, Frame f, SourceSpan span) {
        try {
            switch (op) {
                case ADD:
                    return Operators.add(l, r);
                case SUB:
                    return Operators.subtract(l, r);
                case MUL:
                    return Operators.multiply(l, r);
                case DIV:
                    return Operators.divide(l, r);
                case MOD:
                    return Operators.modulo(l, r);
                case CONCAT:
                    return Operators.concat(l, r, f.in.limits().maxValueBytes());
                case RANGE:
                    return Operators.range(l, r, f.in.limits().maxValueBytes() / 8);
                case LT:
                case LE:
                case GT:
                case GE:
                case EQ:
                case NE:
                case STRICT_EQ:
                case STRICT_NE:
                    return Values.of(compare(op, l, r));
                default:
                    throw new IllegalStateException(op.symbol);
            }
        } catch (XsError err) {
            throw err.at(span);
        }
    }

    /** A comparison operator applied by {@link Operators}. */
    static boolean compare(Expr.BinaryOp op, JsonNode l, JsonNode r) {
        switch (op) {
            case LT:
                return Operators.lessThan(l, r);
            case LE:
                return Operators.lessOrEqual(l, r);
            case GT:
                return Operators.greaterThan(l, r);
            case GE:
                return Operators.greaterOrEqual(l, r);
            case EQ:
                return Operators.looseEquals(l, r);
            case NE:
                return !Operators.looseEquals(l, r);
            case STRICT_EQ:
                return Operators.strictEquals(l, r);
            case STRICT_NE:
                return !Operators.strictEquals(l, r);
            default:
                throw new IllegalStateException(op.symbol);
        }
    }

    /** What {@link #exact} answers when {@link Operators} must decide. */
    static final long NOT_EXACT = Long.MIN_VALUE;

    /**
     * + - * / % of two ints when the answer is an int as {@link Operators} gives it, else NOT_EXACT:
     * on overflow, a fraction, a zero divisor, and for the one int answer that equals NOT_EXACT
     * (the general rules give that one too).
     */
    static long exact(Expr.BinaryOp op, long a, long b) {
        switch (op) {
            case ADD:
                return exactAdd(a, b);
            case SUB:
                return exactSubtract(a, b);
            case MUL:
                return exactMultiply(a, b);
            case DIV:
                return exactDivide(a, b);
            case MOD:
                return exactModulo(a, b);
            default:
                return NOT_EXACT;
        }
    }

    static long exactAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? NOT_EXACT : sum;
    }

    static long exactSubtract(long a, long b) {
        long diff = a - b;
        return ((a ^ b) & (a ^ diff)) < 0 ? NOT_EXACT : diff;
    }

    static long exactMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi == 0 && lo >= 0 || hi == -1 && lo < 0 ? lo : NOT_EXACT;
    }

    static long exactDivide(long a, long b) {
        return b != 0 && b != -1 && a % b == 0 ? a / b : NOT_EXACT;
    }

    static long exactModulo(long a, long b) {
        return b == 0 ? NOT_EXACT : b == -1 ? 0 : a % b;
    }

    /** {@code + - * / %} (not the ==? forms): two ints give an int here without making values for them. */
    static final class Arithmetic extends Binary {
        final Expr.BinaryOp op;
        private final SourceSpan span;

        Arithmetic(Expr.Binary expr, Code left, Code right) {
            super(left, right);
            this.op = expr.op();
            this.span = expr.span();
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
                long v = exact(op, a, b);
                if (v != NOT_EXACT) {
                    f.other = null;
                    return v;
                }
            }
            return general(a, l, b, r, f);
        }

        /** The operator on sides that are not both ints, or whose int answer is not exact, as {@link #evalInt} answers it. */
        long general(long a, JsonNode l, long b, JsonNode r, Frame f) {
            return unboxed(apply(op, boxed(a, l), boxed(b, r), f, span), f);
        }
    }

    /**
     * {@code < <= > >= == != === !==} (not the ==? forms): two ints are compared here without making
     * a bool value; any other pair goes by {@link Operators}.
     */
    static final class Compare extends Binary {
        private final Expr.BinaryOp op;
        private final SourceSpan span;
        /** The answer when the left int is below, equal to, above the right one. */
        final boolean below;
        final boolean equal;
        final boolean above;

        Compare(Expr.Binary expr, Code left, Code right) {
            super(left, right);
            this.op = expr.op();
            this.span = expr.span();
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
            return general(a, l, b, r);
        }

        /** The comparison of sides that are not both ints, as {@link #evalInt} answers them. */
        boolean general(long a, JsonNode l, long b, JsonNode r) {
            try {
                return compare(op, boxed(a, l), boxed(b, r));
            } catch (XsError err) {
                throw err.at(span);
            }
        }
    }

    // ---- literals, roots and context names -----------------------------------------------------

    /** {@code [a, ...b]}: owned marks the elements copied because they may share structure. */
    static final class ArrayLit extends Code {
        private final Code[] elements;
        private final boolean[] spread;

        ArrayLit(Code[] elements, boolean[] spread) {
            this.elements = elements;
            this.spread = spread;
        }

        @Override
        JsonNode eval(Frame f) {
            ArrayNode out = Values.list();
            for (int i = 0; i < elements.length; i++) {
                JsonNode v = elements[i].eval(f);
                if (!spread[i]) {
                    out.add(v);
                } else if (v.isArray() || v.isObject()) {
                    v.forEach(x -> out.add(Values.copy(x)));
                } else if (!v.isNull()) {
                    out.add(v);
                }
            }
            return out;
        }
    }

    /** {@code {key: a, (k): b, ...c}}: keys[i] is null for a computed key (keyCodes[i]) and for a spread. */
    static final class ObjectLit extends Code {
        private final String[] keys;
        private final Code[] keyCodes;
        private final Code[] values;
        private final boolean[] spread;

        ObjectLit(String[] keys, Code[] keyCodes, Code[] values, boolean[] spread) {
            this.keys = keys;
            this.keyCodes = keyCodes;
            this.values = values;
            this.spread = spread;
        }

        @Override
        JsonNode eval(Frame f) {
            ObjectNode out = Values.object();
            for (int i = 0; i < values.length; i++) {
                if (spread[i]) {
                    JsonNode v = values[i].eval(f);
                    if (v.isObject()) {
                        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
                        while (it.hasNext()) {
                            Map.Entry<String, JsonNode> e = it.next();
                            out.set(e.getKey(), Values.copy(e.getValue()));
                        }
                    } else if (v.isArray()) {
                        for (int k = 0; k < v.size(); k++) {
                            out.set(String.valueOf(k), Values.copy(v.get(k)));
                        }
                    }
                    continue;
                }
                String key = keys[i] != null ? keys[i] : Values.toText(keyCodes[i].eval(f));
                out.set(key, values[i].eval(f));
            }
            return out;
        }
    }

    /** {@code now}: the run's clock. */
    static final class Now extends Code {
        @Override
        JsonNode eval(Frame f) {
            return Values.of(f.in.context().clock().getAsLong());
        }
    }

    /** {@code $$}: the element of the higher-order context, else the variable of that name. */
    static final class ElementSelf extends Code {
        private final int id;

        ElementSelf(int id) {
            this.id = id;
        }

        @Override
        JsonNode eval(Frame f) {
            return f.element != null ? f.element.self : Values.orNull(f.get(id));
        }
    }

    /**
     * {@code $this}, {@code $index}, {@code $parent}, {@code $result} (and the other context names):
     * the binding of the higher-order context when it has one, else the variable of that name.
     */
    static final class ContextName extends Code {
        /** The name's number (which binding it is) and its slot (the variable of that name). */
        private final int id;
        private final int slot;

        ContextName(int id, int slot) {
            this.id = id;
            this.slot = slot;
        }

        @Override
        JsonNode eval(Frame f) {
            Frame.Element e = f.element;
            if (e != null) {
                JsonNode bound = id == Names.THIS ? e.self : id == Names.INDEX ? e.index : id == Names.PARENT ? e.parent : e.result;
                if (bound != null) {
                    return bound;
                }
            }
            return Values.orNull(f.get(slot));
        }
    }

    /** {@code $env}: every environment value. */
    static final class EnvObject extends Code {
        @Override
        JsonNode eval(Frame f) {
            return f.in.context().env().asObject();
        }
    }

    /** {@code $env.name} */
    static final class EnvField extends Code {
        private final String name;

        EnvField(String name) {
            this.name = name;
        }

        @Override
        JsonNode eval(Frame f) {
            return f.in.context().env().value(name);
        }
    }

    /** {@code $env[$name]}: a system value by the name written. */
    static final class EnvSystem extends Code {
        private final String name;

        EnvSystem(String name) {
            this.name = name;
        }

        @Override
        JsonNode eval(Frame f) {
            return Env.system(name);
        }
    }

    /** {@code $var}: every variable of the running function. */
    static final class VarSnapshot extends Code {
        @Override
        JsonNode eval(Frame f) {
            return f.snapshotVariables();
        }
    }

    /** {@code $var.name}: a variable named by its text. */
    static final class VarField extends Code {
        private final int id;

        VarField(int id) {
            this.id = id;
        }

        @Override
        JsonNode eval(Frame f) {
            return Values.orNull(f.get(id));
        }
    }

    /** An expression that fails when evaluated (an unknown filter): the error is the program's, at run time. */
    static final class Failing extends Code {
        private final Code first;
        private final java.util.function.Supplier<XsError> error;

        Failing(Code first, java.util.function.Supplier<XsError> error) {
            this.first = first;
            this.error = error;
        }

        @Override
        JsonNode eval(Frame f) {
            if (first != null) {
                first.eval(f);
            }
            throw error.get();
        }
    }

    // ---- filters ---------------------------------------------------------------------------------

    /**
     * {@code input|name:args}: the filter's implementation is resolved when compiled; so are its
     * arguments when they are all constants. An argument of an expression parameter, or one that
     * reads {@code $$}/{@code $index}/..., is passed as a {@link Lambda} too (lambdaBodies[i]).
     */
    static final class Filter extends Code {
        private final String name;
        private final Code input;
        private final FilterRegistry.Entry entry;
        /** Each written argument; a Const NULL for an expression parameter. */
        private final Code[] args;
        private final Code[] lambdaBodies;
        private final boolean anyLambda;
        /** The bound arguments when they were all constants and bound without error, else null. */
        private final JsonNode[] bound;
        private final SourceSpan span;

        Filter(String name, Code input, FilterRegistry.Entry entry, Code[] args, Code[] lambdaBodies, SourceSpan span) {
            this.name = name;
            this.input = input;
            this.entry = entry;
            this.args = args;
            this.lambdaBodies = lambdaBodies;
            this.span = span;
            boolean lambdas = false;
            boolean constant = true;
            for (int i = 0; i < args.length; i++) {
                lambdas |= lambdaBodies[i] != null;
                constant &= args[i] instanceof Const;
            }
            this.anyLambda = lambdas;
            JsonNode[] pre = null;
            if (constant && !lambdas) {
                JsonNode[] written = new JsonNode[args.length];
                for (int i = 0; i < written.length; i++) {
                    written[i] = ((Const) args[i]).value;
                }
                try {
                    pre = FilterBinder.bind(entry.spec(), written);
                } catch (XsError e) {
                    pre = null; // reported when the filter runs, as a program error
                }
            }
            this.bound = pre;
        }

        @Override
        JsonNode eval(Frame f) {
            JsonNode in = input.eval(f);
            JsonNode[] written = null;
            if (bound == null) {
                written = new JsonNode[args.length];
                for (int i = 0; i < written.length; i++) {
                    written[i] = args[i].eval(f);
                }
            }
            Lambda[] lambdas = NO_LAMBDAS;
            try {
                JsonNode[] bound = written == null ? this.bound : FilterBinder.bind(entry.spec(), written);
                if (anyLambda) {
                    lambdas = new Lambda[args.length];
                    for (int i = 0; i < lambdas.length; i++) {
                        Code body = lambdaBodies[i];
                        if (body != null) {
                            lambdas[i] = (self, index, parent, result) -> f.withElement(self, index, parent, result, body);
                        }
                    }
                }
                JsonNode out = entry.body().apply(new FilterCall(name, in, bound, args.length, lambdas, f));
                if (out == null) {
                    return Values.NULL;
                }
                long max = f.in.limits().maxValueBytes();
                if (out.isTextual() ? out.textValue().length() > max : out.isContainerNode() && out.size() > max / 16) {
                    throw XsError.fatal("Execution limit exceeded: " + name + " made a value larger than "
                            + max / (1024 * 1024) + " MiB");
                }
                return out;
            } catch (XsError err) {
                throw err.at(span);
            } catch (Interpreter.StopSignal signal) {
                throw signal;
            } catch (RuntimeException bug) {
                throw XsError.fatal(name + ": " + bug.getMessage()).at(span);
            }
        }
    }

    private static final Lambda[] NO_LAMBDAS = new Lambda[0];
}
