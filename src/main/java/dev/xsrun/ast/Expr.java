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

        /** A word or symbol operator of a database query; see {@link DbCompare}. */
        default R visitDbCompare(DbCompare e) {
            return visitDbOnly(e);
        }

        /** {@code value between low:high} of a database query; see {@link DbBetween}. */
        default R visitDbBetween(DbBetween e) {
            return visitDbOnly(e);
        }

        /** A filter applied to a database field inside a query; see {@link DbFilterCall}. */
        default R visitDbFilterCall(DbFilterCall e) {
            return visitDbOnly(e);
        }

        /**
         * What a visitor that does not know database-query nodes does with one. These nodes stand only in
         * the attributes of {@code db.*} statements, which are translated to a query rather than evaluated.
         */
        default R visitDbOnly(Expr e) {
            throw new UnsupportedOperationException(e.getClass().getSimpleName() + " belongs to a database query and is not evaluated here");
        }
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

    /** The word and symbol operators of a database query's {@code where} (and of joins and evals). */
    enum DbOp {
        /** {@code field in list}: the field's value is one of the list's elements. */
        IN("in"),
        /** {@code field contains value}: the list (or JSON array) field holds the value as an element. */
        CONTAINS("contains"),
        /** {@code field includes text}: the text field holds the text as a substring (case-sensitive). */
        INCLUDES("includes"),
        /** {@code field overlaps list}: the list field and the list share at least one element. */
        OVERLAPS("overlaps"),
        /** {@code field like pattern}: SQL LIKE ({@code %} any run, {@code _} one character), case-sensitive. */
        LIKE("like"),
        /** {@code field ilike pattern}: as {@link #LIKE}, ignoring case. */
        ILIKE("ilike"),
        /** {@code field @> object}: the JSON field contains the given JSON (PostgreSQL {@code @>}). */
        JSON_CONTAINS("@>"),
        /** {@code field ~ "regex"}: the text field matches the regular expression ({@code !~}: negated). */
        REGEX("~");

        /** The word or symbol as written after the left operand (without {@code not}). */
        public final String symbol;

        DbOp(String symbol) {
            this.symbol = symbol;
        }

        /** The operator written as {@code word}, or null; {@code ~} and {@code @>} are symbols, not words. */
        public static DbOp ofWord(String word) {
            for (DbOp op : values()) {
                if (op.symbol.equals(word) && Character.isLetter(word.charAt(0))) {
                    return op;
                }
            }
            return null;
        }
    }

    /**
     * A condition of a database query written with a word or symbol operator: {@code left op right}.
     * {@code negated} for the {@code not} forms ({@code not in}, {@code not contains}, ...) and for
     * {@code !~}; {@code nullSafe} for the {@code ?} forms ({@code includes? $input.q}), which drop the
     * whole condition (it counts as true) when {@code right} evaluates to null or empty text, exactly as
     * {@code ==?} does for {@link Binary} with {@code ignoreEmpty}. {@code left} is normally a field
     * reference ({@code $db.table.field}, a {@link Field} chain rooted at the variable {@code db}) and
     * {@code right} a value computed before the query runs. Built only inside the attributes of a
     * {@code db.*} statement (outside one the checker reports an error); plain comparisons there
     * ({@code ==}, {@code >=?}, ...) stay {@link Binary} nodes.
     */
    record DbCompare(DbOp op, Expr left, Expr right, boolean negated, boolean nullSafe, SourceSpan span) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitDbCompare(this);
        }
    }

    /**
     * {@code value between low:high} (and {@code not between}) in a database query: true when
     * {@code low <= value <= high} (SQL BETWEEN, bounds included); {@code negated} for {@code not between}.
     * There is no null-safe form: {@code between? a:b} would read as a ternary.
     */
    record DbBetween(Expr value, Expr low, Expr high, boolean negated, SourceSpan span) implements Expr {
        public <R> R accept(Visitor<R> v) {
            return v.visitDbBetween(this);
        }
    }

    /**
     * A filter applied inside a database query to something that reads a table field
     * ({@code $db.post.tags|contains:"a"}, {@code $db.price|between:10:100}, {@code $db.geo|within:$p:1000},
     * {@code $db.embedding|cosine_distance:$v}, {@code $db.created_at|timestamp_year}): it is to be
     * computed by the database per row, so it is a node of its own instead of a {@link FilterApp}.
     * {@code name} is the filter's name as written (an alias is not resolved), {@code input} the filtered
     * expression (it contains a {@code $db} reference), {@code args} the arguments in order, none left out
     * (an empty argument is a null literal). Filters on values that do not read a table field stay
     * {@link FilterApp} and are computed before the query runs. {@code dbAddonAttr("addon", {id: $db.t.id})}
     * is one too, named {@link #ADDON}: its input is the addon's name, its one argument the addon's input.
     */
    record DbFilterCall(Expr input, String name, List<Expr> args, SourceSpan span) implements Expr {
        /** The name of the call form that runs an addon per row inside a query. */
        public static final String ADDON = "dbAddonAttr";

        public DbFilterCall {
            args = List.copyOf(args);
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitDbFilterCall(this);
        }
    }
}
