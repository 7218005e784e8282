package dev.xsrun.syntax;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Document;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.InputField;
import dev.xsrun.ast.LValue;
import dev.xsrun.ast.StatementCatalogue;
import dev.xsrun.ast.Stmt;
import dev.xsrun.value.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a syntax tree back into canonical XanoScript: text that parses to the same tree (spans aside)
 * and prints again to the same text.
 *
 * <p>The canonical style: two spaces per level, one statement, attribute or declaration per line. A
 * block that holds exactly one attribute whose value fits on one line stays on one line
 * ({@code var $x { value = 1 }}); every other block opens a line per item, and an empty block is
 * {@code {}}. Array and object literals stay on one line while they are short (at most
 * {@value #INLINE_WIDTH} characters, nothing nested over several lines), else take one entry per line
 * without commas. Text is always written {@code "..."} with C escapes. Expressions get only the
 * parentheses the grammar needs, plus the ones Xano demands around a filtered value that an operator
 * follows (spec 5.5 rule 4).
 */
public final class Printer {
    /** Longest one-line array or object literal; longer ones take one entry per line. */
    static final int INLINE_WIDTH = 60;

    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** An input-filter argument that the lexer's raw-word mode reads back as it is. */
    private static final Pattern RAW_FILTER_ARG = Pattern.compile("[^:| \\t\\r\\n{\"][^:| \\t\\r\\n\"]*");
    /** `!word` followed by a bracket or quote reads as a typed constant (`!json "..."`), not as not. */
    private static final Pattern TYPED_CONSTANT_START = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\s*[\\[{\"'`].*", Pattern.DOTALL);
    /** `filters` before `=` lexes as an input block's `filters=`, so `.filters == 1` must not be written bare. */
    private static final Pattern ENDS_WITH_FILTERS_WORD = Pattern.compile("(?s).*\\.filters");

    /** What follows an expression in the text, which decides whether a trailing filter chain needs parentheses. */
    private enum Tail {
        /** a closing bracket, a separator, the end of the line */
        END,
        /** a binary operator or the `?` of a ternary: it would join a filter's last argument */
        OPERATOR,
        /** the `:` of a ternary: it would start another filter argument */
        COLON
    }

    // Binding strength as the parser's left-recursive rule orders it; lower binds tighter. Unlike the
    // spec's table, ANTLR gives the ternary its own level between `??` and `?:`.
    private static final int PRIMARY = 1;
    private static final int FILTERED = 2;
    private static final int UNARY = 3;
    private static final int NULLISH = 12;
    private static final int TERNARY = 13;
    private static final int ELVIS = 14;

    private Printer() {
    }

    // ---- documents -------------------------------------------------------------------------

    /** The documents of one file, separated by lines of {@code ---}. */
    public static String print(List<Document> documents) {
        StringBuilder sb = new StringBuilder();
        for (Document d : documents) {
            if (sb.length() > 0) {
                sb.append("---\n");
            }
            sb.append(print(d));
        }
        return sb.toString();
    }

    /**
     * One document, ending with a newline. Every construct but {@code table} can be printed: the tree
     * keeps nothing but the kind and name of a table.
     */
    /** The key under which a statement's {@code verb=GET} is kept among its attributes. */
    static final String VERB = AstBuilder.STATEMENT_VERB;

    public static String print(Document document) {
        if (document instanceof Document.FunctionDef) {
            return function((Document.FunctionDef) document) + "\n";
        }
        if (document instanceof Document.RunJob) {
            return runJob((Document.RunJob) document) + "\n";
        }
        if (document instanceof Document.Table) {
            throw new UnsupportedOperationException("cannot print table `" + ((Document.Table) document).name() + "` yet");
        }
        if (document instanceof Document.Stacked) {
            return stacked((Document.Stacked) document) + "\n";
        }
        if (document instanceof Document.Settings) {
            Document.Settings d = (Document.Settings) document;
            return d.kind() + " " + quote(d.name()) + " " + block(attributes(d.attributes(), 1), 0, false) + "\n";
        }
        if (document instanceof Document.WorkflowTest) {
            Document.WorkflowTest d = (Document.WorkflowTest) document;
            List<String> items = attributes(d.attributes(), 1);
            items.add("stack " + statements(d.stack(), 1));
            return "workflow_test " + quote(d.name()) + " " + block(items, 0, false) + "\n";
        }
        Document.Other other = (Document.Other) document;
        throw new UnsupportedOperationException("cannot print `" + other.kind() + "`: the syntax tree keeps only its kind and name");
    }

    /** One statement at the left margin (nested lines indented from there). */
    public static String print(Stmt statement) {
        return statement(statement, 0);
    }

    /** One expression on one line where possible. */
    public static String print(Expr expression) {
        return expr(expression, 0, false, Tail.END);
    }

    private static String function(Document.FunctionDef f) {
        List<String> items = new ArrayList<>();
        if (f.description() != null) {
            items.add("description = " + quote(f.description()));
        }
        List<String> inputs = new ArrayList<>();
        for (InputField field : f.inputs()) {
            inputs.add(inputField(field, 2));
        }
        items.add("input " + block(inputs, 1, false));
        items.add("stack " + statements(f.stack(), 1));
        if (f.response() != null) {
            items.add("response = " + expr(f.response(), 1, false, Tail.END));
        }
        for (Document.TestBlock t : f.tests()) {
            items.add(test(t, 1));
        }
        return "function " + quote(f.name()) + " " + block(items, 0, false);
    }

    private static String stacked(Document.Stacked d) {
        List<String> items = attributes(d.attributes(), 1);
        if (!d.inputs().isEmpty()) {
            List<String> inputs = new ArrayList<>();
            for (InputField field : d.inputs()) {
                inputs.add(inputField(field, 2));
            }
            items.add("input " + block(inputs, 1, false));
        }
        items.add("stack " + statements(d.stack(), 1));
        for (Document.TestBlock t : d.tests()) {
            items.add(test(t, 1));
        }
        String verb = d.verb() == null ? "" : " verb=" + d.verb();
        return d.kind() + " " + quote(d.name()) + verb + " " + block(items, 0, false);
    }

    /** The {@code name = value} lines of a construct, in source order. */
    private static List<String> attributes(Map<String, Expr> attributes, int depth) {
        List<String> items = new ArrayList<>();
        for (Map.Entry<String, Expr> a : attributes.entrySet()) {
            items.add(a.getKey() + " = " + expr(a.getValue(), depth, false, Tail.END));
        }
        return items;
    }

    private static String test(Document.TestBlock t, int depth) {
        List<String> items = new ArrayList<>();
        if (t.input() != null) {
            items.add("input = " + expr(t.input(), depth + 1, false, Tail.END));
        }
        if (t.datasource() != null) {
            items.add("datasource = " + expr(t.datasource(), depth + 1, false, Tail.END));
        }
        for (Stmt s : t.stmts()) {
            items.add(statement(s, depth + 1));
        }
        return "test " + quote(t.name()) + " " + block(items, depth, false);
    }

    private static String runJob(Document.RunJob job) {
        List<String> items = new ArrayList<>();
        if (job.description() != null) {
            items.add("description = " + quote(job.description()));
        }
        if (job.main() != null) {
            items.add("main = " + functionRef(job.main(), true, 1));
        }
        if (job.pre() != null) {
            items.add("pre = " + functionRef(job.pre(), false, 1));
        }
        if (job.post() != null) {
            items.add("post = " + functionRef(job.post(), false, 1));
        }
        if (!job.env().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (String name : job.env()) {
                names.add(quote(name));
            }
            items.add("env = " + collection("[", names, "]", 1));
        }
        return "run.job " + quote(job.name()) + " " + block(items, 0, false);
    }

    /** {@code {name: "f", input: {...}}}, always one entry per line as Xano writes it; an empty input is left out except for main. */
    private static String functionRef(Document.FunctionRef ref, boolean main, int depth) {
        List<String> entries = new ArrayList<>();
        entries.add("name: " + quote(ref.name()));
        if (main || ref.input().size() > 0) {
            entries.add("input: " + constant(ref.input(), depth + 1));
        }
        return lines(entries, depth);
    }

    // ---- inputs ----------------------------------------------------------------------------

    private static String inputField(InputField f, int depth) {
        if (isDblink(f)) {
            return "dblink {}";
        }
        StringBuilder sb = new StringBuilder(f.type());
        if (f.list()) {
            sb.append('[');
            if (f.minItems() >= 0 || f.maxItems() >= 0) {
                if (f.minItems() >= 0) {
                    sb.append(f.minItems());
                }
                sb.append(':');
                if (f.maxItems() >= 0) {
                    sb.append(f.maxItems());
                }
            }
            sb.append(']');
        }
        if (f.nullable()) {
            sb.append('?');
        }
        sb.append(' ').append(f.name());
        if (f.defaultValue() != null) {
            // A default makes the input optional whether or not `?` is written; write it always.
            sb.append("?=").append(inputDefault(f.defaultValue()));
        } else if (f.optional()) {
            sb.append('?');
        }
        if (!f.filters().isEmpty()) {
            sb.append(" filters=");
            for (int i = 0; i < f.filters().size(); i++) {
                InputField.InputFilter filter = f.filters().get(i);
                if (i > 0) {
                    sb.append('|');
                }
                sb.append(filter.name());
                for (String arg : filter.args()) {
                    sb.append(':').append(RAW_FILTER_ARG.matcher(arg).matches() ? arg : quote(arg));
                }
            }
        }
        List<String> meta = new ArrayList<>();
        if (f.description() != null) {
            meta.add("description = " + quote(f.description()));
        }
        if (f.sensitive()) {
            meta.add("sensitive = true");
        }
        if (!f.values().isEmpty()) {
            List<String> values = new ArrayList<>();
            for (String v : f.values()) {
                values.add(quote(v));
            }
            meta.add("values = " + collection("[", values, "]", depth + 1));
        }
        if (!f.schema().isEmpty()) {
            List<String> schema = new ArrayList<>();
            for (InputField inner : f.schema()) {
                schema.add(inputField(inner, depth + 2));
            }
            meta.add("schema " + block(schema, depth + 1, false));
        }
        if (!meta.isEmpty()) {
            sb.append(' ').append(block(meta, depth, f.schema().isEmpty()));
        }
        return sb.toString();
    }

    /** The builder records {@code dblink { ... }} as an optional input named and typed dblink with nothing else. */
    private static boolean isDblink(InputField f) {
        return f.type().equals("dblink") && f.name().equals("dblink") && !f.list() && !f.nullable() && f.optional()
                && f.defaultValue() == null && f.filters().isEmpty() && f.description() == null && !f.sensitive()
                && f.values().isEmpty() && f.schema().isEmpty();
    }

    /** A default is a single token: number, text, true/false/null, or an empty list or object. */
    private static String inputDefault(JsonNode v) {
        if (v.isArray() && v.size() == 0) {
            return "[]";
        }
        if (v.isObject() && v.size() == 0) {
            return "{}";
        }
        if (v.isNull() || v.isBoolean() || v.isTextual() || isPlainNumber(v)) {
            return scalar(v);
        }
        throw new IllegalArgumentException("an input default cannot be written as " + v);
    }

    // ---- statements ------------------------------------------------------------------------

    /** A stack-like block: one statement per line, {@code {}} when empty. */
    private static String statements(List<Stmt> body, int depth) {
        List<String> items = new ArrayList<>();
        for (Stmt s : body) {
            items.add(statement(s, depth + 1));
        }
        return block(items, depth, false);
    }

    private static String statement(Stmt s, int depth) {
        return s.accept(new StatementPrinter(depth));
    }

    private static final class StatementPrinter implements Stmt.Visitor<String> {
        private final int depth;

        StatementPrinter(int depth) {
            this.depth = depth;
        }

        private String attr(String key, Expr value) {
            return key + " = " + expr(value, depth + 1, false, Tail.END);
        }

        /** A block of attributes only: one line when it holds a single short one. */
        private String attributes(List<String> items) {
            return block(items, depth, true);
        }

        private String body(List<Stmt> body) {
            return statements(body, depth + 1);
        }

        private String paren(Expr e) {
            return "(" + expr(e, depth, false, Tail.END) + ")";
        }

        public String visitVar(Stmt.Var s) {
            List<String> items = new ArrayList<>();
            items.add(attr("value", s.value()));
            if (s.mock() != null) {
                items.add(attr("mock", s.mock()));
            }
            return (s.update() ? "var.update " : "var ") + lvalue(s.target(), depth) + " " + attributes(items);
        }

        public String visitConditional(Stmt.Conditional s) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < s.branches().size(); i++) {
                Stmt.Branch b = s.branches().get(i);
                items.add((i == 0 ? "if " : "elseif ") + paren(b.condition()) + " " + body(b.body()));
            }
            if (s.elseBody() != null) {
                items.add("else " + body(s.elseBody()));
            }
            return "conditional " + block(items, depth, false);
        }

        public String visitSwitch(Stmt.Switch s) {
            List<String> items = new ArrayList<>();
            for (Stmt.Case c : s.cases()) {
                items.add("case " + paren(c.value()) + " " + body(c.body()) + (c.breaks() ? " break" : ""));
            }
            if (s.defaultBody() != null) {
                items.add("default " + body(s.defaultBody()));
            }
            return "switch " + paren(s.subject()) + " " + block(items, depth, false);
        }

        private String loop(String keyword, Expr head, String item, List<Stmt> body) {
            String each = "each " + (item == null ? "" : "as $" + item + " ") + body(body);
            return keyword + " " + paren(head) + " " + block(List.of(each), depth, false);
        }

        public String visitForEach(Stmt.ForEach s) {
            return loop("foreach", s.list(), s.item(), s.body());
        }

        public String visitFor(Stmt.For s) {
            return loop("for", s.count(), s.index(), s.body());
        }

        public String visitWhile(Stmt.While s) {
            return loop("while", s.condition(), null, s.body());
        }

        public String visitJump(Stmt.Jump s) {
            return s.kind().name().toLowerCase(java.util.Locale.ROOT);
        }

        public String visitReturn(Stmt.Return s) {
            return "return " + attributes(List.of(attr("value", s.value())));
        }

        public String visitPrecondition(Stmt.Precondition s) {
            List<String> items = new ArrayList<>();
            items.add("error_type = " + quote(s.errorType()));
            if (s.error() != null) {
                items.add(attr("error", s.error()));
            }
            if (s.payload() != null) {
                items.add(attr("payload", s.payload()));
            }
            return "precondition " + paren(s.condition()) + " " + attributes(items);
        }

        public String visitThrow(Stmt.Throw s) {
            return "throw " + attributes(List.of(attr("name", s.name()), attr("value", s.value())));
        }

        public String visitTryCatch(Stmt.TryCatch s) {
            List<String> items = new ArrayList<>();
            items.add("try " + body(s.tryBody()));
            items.add("catch " + body(s.catchBody()));
            if (s.finallyBody() != null) {
                items.add("finally " + body(s.finallyBody()));
            }
            return "try_catch " + block(items, depth, false);
        }

        public String visitGroup(Stmt.Group s) {
            return s.keyword() + " " + block(List.of("stack " + body(s.body())), depth, false);
        }

        public String visitFunctionRun(Stmt.FunctionRun s) {
            StringBuilder sb = new StringBuilder("function.run ").append(quote(s.function()));
            List<String> items = new ArrayList<>();
            if (s.input() != null) {
                items.add(attr("input", s.input()));
            }
            if (s.mock() != null) {
                items.add(attr("mock", s.mock()));
            }
            if (!items.isEmpty()) {
                sb.append(' ').append(attributes(items));
            }
            if (s.as() != null) {
                sb.append(" as $").append(s.as());
            }
            return sb.toString();
        }

        public String visitInvoke(Stmt.Invoke s) {
            StringBuilder sb = new StringBuilder(s.name());
            if (s.target() != null) {
                // A variable target: the builder keeps it both as a place and as an expression; the
                // expression still says whether `$var.x` was written, so print from it.
                sb.append(' ').append(varRef(s.targetExpr(), depth));
            } else if (s.targetExpr() != null) {
                sb.append(' ').append(invokeTarget(s));
            }
            Expr verb = s.attributes().get(VERB);
            if (verb instanceof Expr.Literal) {
                sb.append(" verb=").append(((Expr.Literal) verb).value().asText());
            }
            if (s.condition() != null) {
                sb.append(" if ").append(paren(s.condition()));
            }
            List<String> items = new ArrayList<>();
            for (Map.Entry<String, Expr> a : s.attributes().entrySet()) {
                if (!a.getKey().equals(VERB)) {
                    items.add(attr(a.getKey(), a.getValue()));
                }
            }
            for (Map.Entry<String, List<Stmt>> c : s.clauses().entrySet()) {
                items.add(c.getKey() + " " + body(c.getValue()));
            }
            if (!items.isEmpty()) {
                sb.append(' ').append(block(items, depth, s.clauses().isEmpty()));
            }
            if (s.as() != null) {
                sb.append(" as $").append(s.as());
            }
            return sb.toString();
        }

        /**
         * A text target reads back the same whether quoted or parenthesised; quoting is only allowed
         * where the statement takes any target, so elsewhere it stays in parentheses.
         */
        private String invokeTarget(Stmt.Invoke s) {
            Expr t = s.targetExpr();
            StatementCatalogue.Shape shape = StatementCatalogue.lookup(s.name());
            boolean takesAnything = shape == null || shape.target() == StatementCatalogue.Target.ANY
                    || shape.target() == StatementCatalogue.Target.NAME;
            if (takesAnything && t instanceof Expr.Literal && ((Expr.Literal) t).value().isTextual()) {
                return quote(((Expr.Literal) t).value().textValue());
            }
            return paren(t);
        }

        public String visitDisabled(Stmt.Disabled s) {
            return "!" + statement(s.statement(), depth);
        }
    }

    /** {@code $name} and its path, as written after {@code var.update}. */
    private static String lvalue(LValue v, int depth) {
        StringBuilder sb = new StringBuilder("$").append(v.variable());
        for (Expr step : v.path()) {
            if (step instanceof Expr.Literal && ((Expr.Literal) step).value().isTextual()) {
                sb.append('.').append(fieldName(((Expr.Literal) step).value().textValue()));
            } else {
                sb.append('[').append(expr(step, depth, false, Tail.END)).append(']');
            }
        }
        return sb.toString();
    }

    /** A variable with accessors only, written without parentheses (a statement target, a computed key). */
    private static String varRef(Expr e, int depth) {
        if (e instanceof Expr.Variable) {
            return "$" + ((Expr.Variable) e).name();
        }
        if (e instanceof Expr.Field) {
            Expr.Field f = (Expr.Field) e;
            return varRef(f.target(), depth) + "." + fieldName(f.name());
        }
        if (e instanceof Expr.Index) {
            Expr.Index i = (Expr.Index) e;
            return varRef(i.target(), depth) + "[" + expr(i.index(), depth, false, Tail.END) + "]";
        }
        throw new IllegalArgumentException("not a variable path: " + e);
    }

    private static String fieldName(String name) {
        return IDENT.matcher(name).matches() ? name : quote(name);
    }

    // ---- expressions -----------------------------------------------------------------------

    /**
     * Writes an expression whose first character lands at the given indentation level; {@code inArg}
     * marks a filter argument, where a filter chain or a ternary must be parenthesised.
     */
    private static String expr(Expr e, int depth, boolean inArg, Tail tail) {
        int p = precedence(e);
        if ((inArg && (p == FILTERED || p == TERNARY || isDbOperator(e))) || (p == FILTERED && tail != Tail.END)) {
            return "(" + expr(e, depth, false, Tail.END) + ")";
        }
        return e.accept(new ExprPrinter(depth, inArg, tail));
    }

    private static boolean isDbOperator(Expr e) {
        return e instanceof Expr.DbCompare || e instanceof Expr.DbBetween;
    }

    private static int precedence(Expr e) {
        return e.accept(PRECEDENCE);
    }

    private static int level(Expr.BinaryOp op) {
        switch (op) {
            case MUL:
            case DIV:
            case MOD:
                return 4;
            case ADD:
            case SUB:
                return 5;
            case CONCAT:
                return 6;
            case RANGE:
                return 7;
            case LT:
            case LE:
            case GT:
            case GE:
                return 8;
            case EQ:
            case NE:
            case STRICT_EQ:
            case STRICT_NE:
                return 9;
            case AND:
                return 10;
            case OR:
                return 11;
            case NULLISH:
                return NULLISH;
            default:
                return ELVIS;
        }
    }

    private static final Expr.Visitor<Integer> PRECEDENCE = new Expr.Visitor<>() {
        public Integer visitLiteral(Expr.Literal e) {
            return PRIMARY;
        }

        public Integer visitArray(Expr.ArrayLiteral e) {
            return PRIMARY;
        }

        public Integer visitObject(Expr.ObjectLiteral e) {
            return PRIMARY;
        }

        public Integer visitVariable(Expr.Variable e) {
            return PRIMARY;
        }

        public Integer visitField(Expr.Field e) {
            return PRIMARY;
        }

        public Integer visitIndex(Expr.Index e) {
            return PRIMARY;
        }

        public Integer visitUnary(Expr.Unary e) {
            return UNARY;
        }

        public Integer visitBinary(Expr.Binary e) {
            return level(e.op());
        }

        public Integer visitTernary(Expr.Ternary e) {
            return TERNARY;
        }

        public Integer visitFilter(Expr.FilterApp e) {
            return FILTERED;
        }

        public Integer visitDbCompare(Expr.DbCompare e) {
            return DB_OPERATOR;
        }

        public Integer visitDbBetween(Expr.DbBetween e) {
            return DB_OPERATOR;
        }

        public Integer visitDbFilterCall(Expr.DbFilterCall e) {
            return FILTERED;
        }
    };

    /**
     * The query operators parse below equality and above `&&`: as an operand of `&&` they need no
     * parentheses, as the operand of anything tighter they do.
     */
    private static final int DB_OPERATOR = 10;

    private static final class ExprPrinter implements Expr.Visitor<String> {
        private final int depth;
        private final boolean inArg;
        private final Tail tail;

        ExprPrinter(int depth, boolean inArg, Tail tail) {
            this.depth = depth;
            this.inArg = inArg;
            this.tail = tail;
        }

        private String sub(Expr e, Tail t) {
            return expr(e, depth, inArg, t);
        }

        private String parenthesised(Expr e) {
            return "(" + expr(e, depth, false, Tail.END) + ")";
        }

        /** The operand of an accessor or a filter chain: a primary, else parenthesised. */
        private String postfixBase(Expr e, int allowed) {
            return precedence(e) <= allowed ? expr(e, depth, false, Tail.END) : parenthesised(e);
        }

        public String visitLiteral(Expr.Literal e) {
            JsonNode v = e.value();
            if (v.isContainerNode() || !(v.isNull() || v.isBoolean() || v.isTextual() || isPlainNumber(v))) {
                // Only `!json "..."` makes a literal list, object or non-64-bit number; write it that way.
                return "!json " + quote(jsonText(v));
            }
            return scalar(v);
        }

        public String visitArray(Expr.ArrayLiteral e) {
            List<String> items = new ArrayList<>();
            for (Expr.Element el : e.elements()) {
                items.add((el.spread() ? "..." : "") + expr(el.value(), depth + 1, false, Tail.END));
            }
            return collection("[", items, "]", depth);
        }

        public String visitObject(Expr.ObjectLiteral e) {
            List<String> items = new ArrayList<>();
            for (Expr.Entry en : e.entries()) {
                String value = expr(en.value(), depth + 1, false, Tail.END);
                if (en.spread()) {
                    items.add("..." + value);
                } else if (en.computedKey() != null) {
                    items.add(varRef(en.computedKey(), depth + 1) + ": " + value);
                } else {
                    items.add(objectKey(en.key()) + ": " + value);
                }
            }
            return collection("{", items, "}", depth);
        }

        public String visitVariable(Expr.Variable e) {
            switch (e.kind()) {
                case ELEMENT:
                    return "$$";
                case NOW:
                    return "now";
                default:
                    return "$" + e.name();
            }
        }

        public String visitField(Expr.Field e) {
            return postfixBase(e.target(), PRIMARY) + "." + fieldName(e.name());
        }

        public String visitIndex(Expr.Index e) {
            return postfixBase(e.target(), PRIMARY) + "[" + expr(e.index(), depth, false, Tail.END) + "]";
        }

        public String visitUnary(Expr.Unary e) {
            String operand = precedence(e.operand()) > UNARY ? parenthesised(e.operand()) : sub(e.operand(), tail);
            boolean clash = e.op() == Expr.UnaryOp.NEGATE && !operand.isEmpty() && Character.isDigit(operand.charAt(0))
                    // `-5` is a negative literal, not minus applied to 5
                    || e.op() == Expr.UnaryOp.NOT && TYPED_CONSTANT_START.matcher(operand).matches();
            if (clash) {
                operand = parenthesised(e.operand());
            }
            return e.op().symbol + operand;
        }

        public String visitBinary(Expr.Binary e) {
            int p = level(e.op());
            boolean rightAssoc = p == NULLISH || p == ELVIS;
            int lp = precedence(e.left());
            int rp = precedence(e.right());
            String op = e.op().symbol + (e.ignoreEmpty() ? "?" : "");
            // The spec puts `?:` beside the ternary, right-associative, so `c ? a : b ?: d` would read
            // differently there than in the parser, which binds the ternary tighter: keep it in parentheses.
            boolean ternaryBeforeElvis = p == ELVIS && lp == TERNARY;
            String left = lp > p || (rightAssoc && lp == p) || ternaryBeforeElvis ? parenthesised(e.left())
                    : sub(e.left(), Tail.OPERATOR);
            if (op.startsWith("=") && ENDS_WITH_FILTERS_WORD.matcher(left).matches()) {
                left = parenthesised(e.left());
            }
            String right = rp > p || (!rightAssoc && rp == p) ? parenthesised(e.right()) : sub(e.right(), tail);
            return left + " " + op + " " + right;
        }

        public String visitTernary(Expr.Ternary e) {
            String cond = precedence(e.condition()) >= TERNARY ? parenthesised(e.condition()) : sub(e.condition(), Tail.OPERATOR);
            // The middle is a full expression up to `:`; only a filter chain at its end would swallow the `:`.
            String then = expr(e.whenTrue(), depth, false, Tail.COLON);
            String otherwise = precedence(e.whenFalse()) > TERNARY ? parenthesised(e.whenFalse()) : sub(e.whenFalse(), tail);
            return cond + " ? " + then + " : " + otherwise;
        }

        public String visitFilter(Expr.FilterApp e) {
            return filterChain(e.input(), e.disabled(), e.name(), e.args());
        }

        private String filterChain(Expr input, boolean disabled, String name, List<Expr> args) {
            StringBuilder sb = new StringBuilder(postfixBase(input, FILTERED));
            sb.append('|');
            if (disabled) {
                sb.append('!');
            }
            sb.append(name);
            for (Expr arg : args) {
                sb.append(':').append(expr(arg, depth, true, Tail.END));
            }
            return sb.toString();
        }

        public String visitDbFilterCall(Expr.DbFilterCall e) {
            if (e.name().equals(Expr.DbFilterCall.ADDON)) {
                return e.name() + "(" + expr(e.input(), depth, false, Tail.END) + ", " + expr(e.args().get(0), depth, false, Tail.END) + ")";
            }
            return filterChain(e.input(), false, e.name(), e.args());
        }

        /** An operand of a query operator: parenthesised unless it binds tighter than equality. */
        private String dbOperand(Expr e, Tail t, int limit) {
            return precedence(e) >= limit || isDbOperator(e) ? parenthesised(e) : sub(e, t);
        }

        public String visitDbCompare(Expr.DbCompare e) {
            // `~` is read as a query's regex match at the level of concatenation, so its operands bind tighter
            boolean concatLevel = e.op() == Expr.DbOp.REGEX && !e.negated();
            int limit = concatLevel ? 6 : 9;
            String op = e.op() == Expr.DbOp.REGEX && e.negated() ? "!~" : (e.negated() ? "not " : "") + e.op().symbol;
            String right = dbOperand(e.right(), tail, limit);
            if (!concatLevel && !right.isEmpty() && Character.isLetter(right.charAt(0))) {
                // `in now[0]` would read `in` as `not` and `now` as the operator: a word starts in parentheses
                right = parenthesised(e.right());
            }
            return dbOperand(e.left(), Tail.OPERATOR, limit) + " " + op + (e.nullSafe() && !concatLevel ? "?" : "") + " " + right;
        }

        public String visitDbBetween(Expr.DbBetween e) {
            return dbOperand(e.value(), Tail.OPERATOR, 9) + " " + (e.negated() ? "not " : "") + "between" + " "
                    + bound(e.low()) + ":" + bound(e.high());
        }

        /** A bound of `between`: a primary with accessors, else parenthesised. */
        private String bound(Expr e) {
            return precedence(e) == PRIMARY && !(e instanceof Expr.Literal && ((Expr.Literal) e).value().isContainerNode())
                    ? expr(e, depth, true, Tail.END) : parenthesised(e);
        }
    }

    private static String objectKey(String key) {
        return IDENT.matcher(key).matches() ? key : quote(key);
    }

    // ---- constants ---------------------------------------------------------------------------

    /** A constant value (a run job's input) as a literal that the builder folds back into the same value. */
    private static String constant(JsonNode v, int depth) {
        if (v.isObject()) {
            List<String> items = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> en = it.next();
                items.add(objectKey(en.getKey()) + ": " + constant(en.getValue(), depth + 1));
            }
            return collection("{", items, "}", depth);
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode el : v) {
                items.add(constant(el, depth + 1));
            }
            return collection("[", items, "]", depth);
        }
        if (v.isNull() || v.isBoolean() || v.isTextual() || isPlainNumber(v)) {
            return scalar(v);
        }
        return "!json " + quote(jsonText(v));
    }

    /** The numbers a number literal gives: 64-bit integers and doubles. */
    private static boolean isPlainNumber(JsonNode v) {
        return v.isLong() || v.isDouble();
    }

    private static String scalar(JsonNode v) {
        if (v.isNull()) {
            return "null";
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "true" : "false";
        }
        if (v.isTextual()) {
            return quote(v.textValue());
        }
        if (v.isLong()) {
            return Long.toString(v.longValue());
        }
        return decimal(v.doubleValue());
    }

    /**
     * A double in plain digits with a fraction, since the lexer has no exponent: the shortest text
     * that reads back as the same double, widened without rounding.
     */
    static String decimal(double d) {
        if (Double.isNaN(d)) {
            throw new IllegalArgumentException("NaN has no literal");
        }
        if (Double.isInfinite(d)) {
            // Digits past the largest double read back as infinity.
            return (d < 0 ? "-1" : "1") + "0".repeat(309) + ".0";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        String plain = new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }

    private static String jsonText(JsonNode v) {
        try {
            return Json.mapper().writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Double-quoted text whose escapes (PHP stripcslashes, as the parser reads them) give back the
     * same characters: {@code \n \t \r \\ \"}, and {@code \xHH} for the other control characters.
     */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                default:
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                        sb.append(String.format("\\x%02X", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }

    // ---- layout ------------------------------------------------------------------------------

    private static String indent(int depth) {
        return "  ".repeat(depth);
    }

    /**
     * A braced block of items that already carry the indentation of their inner lines. With
     * {@code inlineSingle}, one item that fits on a line stays on the opening line.
     */
    private static String block(List<String> items, int depth, boolean inlineSingle) {
        if (items.isEmpty()) {
            return "{}";
        }
        if (inlineSingle && items.size() == 1 && items.get(0).indexOf('\n') < 0) {
            return "{ " + items.get(0) + " }";
        }
        return lines(items, depth);
    }

    private static String lines(List<String> items, int depth) {
        StringBuilder sb = new StringBuilder("{\n");
        for (String item : items) {
            sb.append(indent(depth + 1)).append(item).append('\n');
        }
        return sb.append(indent(depth)).append('}').toString();
    }

    /** An array or object literal: one line while short, else one entry per line. */
    private static String collection(String open, List<String> items, String close, int depth) {
        if (items.isEmpty()) {
            return open + close;
        }
        String inline = open + String.join(", ", items) + close;
        if (inline.length() <= INLINE_WIDTH && inline.indexOf('\n') < 0) {
            return inline;
        }
        StringBuilder sb = new StringBuilder(open).append('\n');
        for (String item : items) {
            sb.append(indent(depth + 1)).append(item).append('\n');
        }
        return sb.append(indent(depth)).append(close).toString();
    }
}
