package dev.xsrun.ast;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.SourceSpan;
import java.util.List;

/** An expression of the language. Every node keeps the span of the token that matters for messages. */
public sealed interface Expr {
    SourceSpan span();

    <R> R accept(Visitor<R> v);

    /** One method per expression kind. */
    interface Visitor<R> {
        R visitLiteral(Literal e);

        R visitArray(ArrayLiteral e);

        R visitObject(ObjectLiteral e);

        R visitVariable(Variable e);

        R visitField(Field e);

        R visitIndex(Index e);

        R visitUnary(Unary e);

        R visitBinary(Binary e);

        R visitTernary(Ternary e);

        R visitFilter(FilterApp e);
    }

    /** A constant: number, text, bool, null ({@code now} is a {@link Variable} named "now" of kind NOW). */
    record Literal(JsonNode value, SourceSpan span) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitLiteral(this);
        }
    }

    /** One element of an array literal; {@code spread} for {@code ...expr}. */
    record Element(Expr value, boolean spread) {
    }

    record ArrayLiteral(List<Element> elements, SourceSpan span) implements Expr {
        public ArrayLiteral {
            elements = List.copyOf(elements);
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitArray(this);
        }
    }

    /**
     * One entry of an object literal. A plain entry has a {@code key}; a computed one ({@code {$k: 1}})
     * has a {@code computedKey} expression; a spread entry ({@code ...$base}) has neither.
     */
    record Entry(String key, Expr computedKey, Expr value, boolean spread) {
        public static Entry plain(String key, Expr value) {
            return new Entry(key, null, value, false);
        }
    }

    record ObjectLiteral(List<Entry> entries, SourceSpan span) implements Expr {
        public ObjectLiteral {
            entries = List.copyOf(entries);
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitObject(this);
        }
    }

    /**
     * A variable or root: {@code $name} (name without the $), {@code $$} (name "$"), and the roots
     * input, env, auth, error, var. The bare word {@code now} is the variable "now" with kind NOW.
     */
    record Variable(String name, Kind kind, SourceSpan span, int id) implements Expr {
        /** Whether this is an ordinary variable, the element of a higher-order context, or the clock. */
        public enum Kind { VAR, ELEMENT, NOW }

        /** {@code id} is the name's number ({@link Names}), which a function's variable array is indexed by. */
        public Variable(String name, Kind kind, SourceSpan span) {
            this(name, kind, span, Names.id(name));
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitVariable(this);
        }
    }

    /** {@code target.name} */
    record Field(Expr target, String name, SourceSpan span) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitField(this);
        }
    }

    /** {@code target[index]} */
    record Index(Expr target, Expr index, SourceSpan span) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitIndex(this);
        }
    }

    enum UnaryOp {
        NOT("!"), NEGATE("-"), PLUS("+");

        public final String symbol;

        UnaryOp(String symbol) {
            this.symbol = symbol;
        }
    }

    record Unary(UnaryOp op, Expr operand, SourceSpan span) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitUnary(this);
        }
    }

    enum BinaryOp {
        MUL("*", 4), DIV("/", 4), MOD("%", 4),
        ADD("+", 5), SUB("-", 5),
        CONCAT("~", 6),
        RANGE("..", 7),
        LT("<", 8), LE("<=", 8), GT(">", 8), GE(">=", 8),
        EQ("==", 9), NE("!=", 9), STRICT_EQ("===", 9), STRICT_NE("!==", 9),
        AND("&&", 10), OR("||", 11),
        NULLISH("??", 12), ELVIS("?:", 13);

        public final String symbol;
        /** Lower binds tighter (spec 5.2). */
        public final int level;

        BinaryOp(String symbol, int level) {
            this.symbol = symbol;
            this.level = level;
        }
    }

    /** {@code left op right}; {@code ignoreEmpty} marks the DB-style {@code ==?} forms. */
    record Binary(BinaryOp op, Expr left, Expr right, boolean ignoreEmpty, SourceSpan span) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitBinary(this);
        }
    }

    record Ternary(Expr condition, Expr whenTrue, Expr whenFalse, SourceSpan span) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitTernary(this);
        }
    }

    /** {@code input|name:arg1:arg2}; a disabled filter ({@code |!name}) passes its input through. */
    record FilterApp(Expr input, String name, List<Expr> args, boolean disabled, SourceSpan span) implements Expr {
        public FilterApp {
            args = List.copyOf(args);
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitFilter(this);
        }
    }
}
