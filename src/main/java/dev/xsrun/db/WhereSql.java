package dev.xsrun.db;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.InputField;
import dev.xsrun.runtime.InputBinder;
import dev.xsrun.value.Json;
import dev.xsrun.value.SourceSpan;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Translates a {@code where} expression (and {@code eval} values, join conditions) into SQL. Column
 * references ({@code $db.table.field}) become quoted names checked against the table documents; every
 * other part of the expression is evaluated by the job and sent as a bound parameter, so no value can
 * change the SQL. Each expression kind is one case of {@link #term}.
 */
final class WhereSql {
    /** A piece of SQL and, when it is a column or a value of a known field type, that field. */
    record Term(String sql, InputField field, boolean isValue, JsonNode value) {
    }

    private final Map<String, TableSchema> scope;
    private final Function<Expr, JsonNode> evaluator;
    private final Engine engine;
    /** The parameters, in order, each with the field that says how to bind it (null: by its JSON type). */
    final List<Object[]> params = new ArrayList<>();

    /** @param scope the tables the expression may name, by the name used after {@code $db.} */
    WhereSql(Map<String, TableSchema> scope, Function<Expr, JsonNode> evaluator, Engine engine) {
        this.scope = scope;
        this.evaluator = evaluator;
        this.engine = engine;
    }

    /** A condition. */
    String condition(Expr e) {
        Term t = term(e);
        if (t.isValue) {
            return dev.xsrun.value.Operators.truthy(t.value) ? "1 = 1" : "1 = 0";
        }
        if (t.field != null && t.field.type().equals("bool") && engine.postgres()) {
            return t.sql;
        }
        return t.field != null && t.field.type().equals("bool") ? "(" + t.sql + " = 1)" : t.sql;
    }

    /** A value expression (eval): its SQL and the field type it has, when known. */
    Term value(Expr e) {
        Term t = term(e);
        return t.isValue ? bind(t.value, null) : t;
    }

    /** Whether an expression gives a bool in SQL (a comparison, {@code &&}, {@code !}, a query operator). */
    static boolean isCondition(Expr e) {
        if (e instanceof Expr.DbCompare || e instanceof Expr.DbBetween) {
            return true;
        }
        if (e instanceof Expr.DbFilterCall) {
            return QueryOperators.isOperator(((Expr.DbFilterCall) e).name());
        }
        if (e instanceof Expr.Unary) {
            return ((Expr.Unary) e).op() == Expr.UnaryOp.NOT;
        }
        if (e instanceof Expr.Binary) {
            Expr.BinaryOp op = ((Expr.Binary) e).op();
            return op == Expr.BinaryOp.AND || op == Expr.BinaryOp.OR || isComparison(op);
        }
        return false;
    }

    Term term(Expr e) {
        if (e instanceof Expr.DbCompare) {
            return new QueryOperators(this, engine).compare((Expr.DbCompare) e);
        }
        if (e instanceof Expr.DbBetween) {
            Expr.DbBetween b = (Expr.DbBetween) e;
            return new QueryOperators(this, engine).between(b.value(), b.low(), b.high(), b.negated(), b.span());
        }
        if (e instanceof Expr.DbFilterCall && ((Expr.DbFilterCall) e).name().equals(Expr.DbFilterCall.ADDON)) {
            throw bad(e.span(), "`" + Expr.DbFilterCall.ADDON + "(...)` is the whole value of an `eval` field (eval = {name: "
                    + Expr.DbFilterCall.ADDON + "(\"addon\", {..})}); it cannot be part of another expression");
        }
        if (e instanceof Expr.DbFilterCall && QueryOperators.isOperator(((Expr.DbFilterCall) e).name())) {
            return new QueryOperators(this, engine).filter((Expr.DbFilterCall) e);
        }
        if (!mentionsDb(e)) {
            return new Term(null, null, true, evaluator.apply(e));
        }
        if (e instanceof Expr.Field) {
            return column((Expr.Field) e);
        }
        if (e instanceof Expr.Binary) {
            return binary((Expr.Binary) e);
        }
        if (e instanceof Expr.Unary && ((Expr.Unary) e).op() == Expr.UnaryOp.NOT) {
            return new Term("NOT (" + condition(((Expr.Unary) e).operand()) + ")", null, false, null);
        }
        if (e instanceof Expr.FilterApp) {
            return filter((Expr.FilterApp) e);
        }
        if (e instanceof Expr.DbFilterCall) {
            Expr.DbFilterCall f = (Expr.DbFilterCall) e;
            return filter(new Expr.FilterApp(f.input(), f.name(), f.args(), false, f.span()));
        }
        throw bad(e.span(), "this expression cannot be used in a database query");
    }

    private Term column(Expr.Field e) {
        if (!(e.target() instanceof Expr.Field) || !isDbRoot(((Expr.Field) e.target()).target())) {
            throw bad(e.span(), "a column is written `$db.TABLE.FIELD`");
        }
        String table = ((Expr.Field) e.target()).name();
        TableSchema t = scope.get(table);
        if (t == null) {
            throw bad(e.span(), "`$db." + table + "` names no table of this query" + dev.xsrun.diag.Suggestions.hint(table, scope.keySet()));
        }
        InputField f = t.field(e.name());
        if (f == null) {
            throw bad(e.span(), "unknown field `" + e.name() + "` of table `" + t.name() + "`" + dev.xsrun.diag.Suggestions.hint(e.name(), t.fields().keySet()));
        }
        return new Term(Engine.q(table) + "." + Engine.q(f.name()), f, false, null);
    }

    /** Whether an operator compares its two sides ({@code ==}, {@code !=}, {@code <}, ...). */
    static boolean isComparison(Expr.BinaryOp op) {
        switch (op) {
            case EQ:
            case NE:
            case STRICT_EQ:
            case STRICT_NE:
            case LT:
            case LE:
            case GT:
            case GE:
                return true;
            default:
                return false;
        }
    }

    private Term binary(Expr.Binary e) {
        if (isComparison(e.op())) {
            return comparison(e);
        }
        switch (e.op()) {
            case AND:
            case OR: {
                String l = condition(e.left());
                String r = condition(e.right());
                return new Term("(" + l + (e.op() == Expr.BinaryOp.AND ? " AND " : " OR ") + r + ")", null, false, null);
            }
            case ADD:
            case SUB:
            case MUL:
            case DIV: {
                Term l = value(e.left());
                Term r = value(e.right());
                return new Term("(" + l.sql + " " + e.op().symbol + " " + r.sql + ")", numeric(l, r), false, null);
            }
            case CONCAT: {
                Term l = value(e.left());
                Term r = value(e.right());
                return new Term("(" + l.sql + " || " + r.sql + ")", null, false, null);
            }
            default:
                throw bad(e.span(), "`" + e.op().symbol + "` cannot be used in a database query");
        }
    }

    private Term comparison(Expr.Binary e) {
        Term l = term(e.left());
        Term r = term(e.right());
        if (l.isValue && !r.isValue) {
            Term swap = l;
            l = r;
            r = swap;
            e = new Expr.Binary(flip(e.op()), e.right(), e.left(), e.ignoreEmpty(), e.span());
        }
        String op = sqlOp(e.op());
        if (r.isValue) {
            JsonNode v = r.value;
            if (e.ignoreEmpty() && (v.isNull() || v.isTextual() && v.textValue().isEmpty())) {
                return new Term("1 = 1", null, false, null);
            }
            if (v.isNull()) {
                if (op.equals("=")) {
                    return new Term(l.sql + " IS NULL", null, false, null);
                }
                if (op.equals("<>")) {
                    return new Term(l.sql + " IS NOT NULL", null, false, null);
                }
            }
            Term p = bind(v, l.field);
            return new Term(l.sql + " " + op + " " + p.sql, null, false, null);
        }
        return new Term(l.sql + " " + op + " " + r.sql, null, false, null);
    }

    private Term filter(Expr.FilterApp e) {
        Term in = value(e.input());
        List<Term> args = new ArrayList<>();
        for (Expr a : e.args()) {
            args.add(value(a));
        }
        String x = in.sql;
        switch (e.name()) {
            case "to_lower":
            case "lower":
                return new Term("LOWER(" + x + ")", null, false, null);
            case "to_upper":
            case "upper":
                return new Term("UPPER(" + x + ")", null, false, null);
            case "trim":
                return new Term("TRIM(" + x + ")", null, false, null);
            case "strlen":
            case "length":
                return new Term("LENGTH(" + x + ")", null, false, null);
            case "abs":
                return new Term("ABS(" + x + ")", in.field, false, null);
            case "add":
            case "subtract":
            case "multiply":
            case "mul":
            case "divide":
            case "div": {
                need(e, args, 1);
                String op = e.name().startsWith("add") ? "+" : e.name().startsWith("sub") ? "-" : e.name().startsWith("mul") ? "*" : "/";
                return new Term("(" + x + " " + op + " " + args.get(0).sql + ")", numeric(in, args.get(0)), false, null);
            }
            case "concat":
                need(e, args, 1);
                return new Term("(" + x + " || " + args.get(0).sql + ")", null, false, null);
            case "coalesce":
                need(e, args, 1);
                return new Term("COALESCE(" + x + ", " + args.get(0).sql + ")", in.field, false, null);
            case "floor":
                return new Term("FLOOR(" + x + ")", null, false, null);
            case "ceil":
                return new Term("CEIL(" + x + ")", null, false, null);
            case "round":
                return new Term(args.isEmpty() ? "ROUND(" + x + ")" : "ROUND(" + (engine.postgres() ? "CAST(" + x + " AS NUMERIC)" : x)
                        + ", CAST(" + args.get(0).sql + " AS INTEGER))", null, false, null);
            default:
                throw bad(e.span(), "the filter `" + e.name() + "` is not supported in a database query by xsrun");
        }
    }

    private static InputField numeric(Term a, Term b) {
        InputField f = a.field != null ? a.field : b.field;
        return f != null && (f.type().equals("int") || f.type().equals("decimal") || f.type().equals("timestamp")) ? f : null;
    }

    private void need(Expr.FilterApp e, List<Term> args, int n) {
        if (args.size() < n) {
            throw bad(e.span(), "the filter `" + e.name() + "` needs " + n + " argument" + (n == 1 ? "" : "s"));
        }
    }

    /** A value as a parameter, converted to the type of the field it is compared with. */
    Term bind(JsonNode v, InputField field) {
        if (field != null && !v.isNull()) {
            v = convert(v, field);
        }
        params.add(new Object[] {field, v});
        return new Term("?", field, false, null);
    }

    static JsonNode convert(JsonNode v, InputField f) {
        try {
            switch (f.type()) {
                case "int":
                    if (v.isNumber()) {
                        return v;
                    }
                    JsonNode n = v.isTextual() ? Values.parseNumberPrefix(v.textValue().trim(), true) : v.isBoolean() ? Values.of(v.booleanValue() ? 1 : 0) : null;
                    if (n == null || v.isTextual() && !Values.isNumericText(v.textValue().trim())) {
                        throw mismatch(v, f);
                    }
                    return n;
                case "decimal":
                    if (v.isNumber()) {
                        return v;
                    }
                    if (v.isTextual() && Values.isNumericText(v.textValue().trim())) {
                        return Values.of(Double.parseDouble(v.textValue().trim()));
                    }
                    throw mismatch(v, f);
                case "timestamp":
                    return Values.of(InputBinder.timestamp(v, f.name()));
                case "date":
                    // a date field compared with a timestamp (now, epoch ms) compares with its UTC date
                    return Values.of(InputBinder.date(v, f.name()));
                case "bool":
                    return Values.of(dev.xsrun.value.Operators.truthy(v));
                default:
                    if (TableSchema.isJson(f) && !v.isTextual()) {
                        return Values.of(Json.encode(v));
                    }
                    return v.isContainerNode() ? Values.of(Json.encode(v)) : v;
            }
        } catch (XsError e) {
            throw mismatch(v, f);
        }
    }

    private static XsError mismatch(JsonNode v, InputField f) {
        return XsError.input("Type mismatch: field `" + f.name() + "` is " + f.type() + ", compared with " + Values.typeName(v)
                + ".", f.name());
    }

    private static String sqlOp(Expr.BinaryOp op) {
        switch (op) {
            case EQ:
            case STRICT_EQ:
                return "=";
            case NE:
            case STRICT_NE:
                return "<>";
            default:
                return op.symbol;
        }
    }

    private static Expr.BinaryOp flip(Expr.BinaryOp op) {
        switch (op) {
            case LT:
                return Expr.BinaryOp.GT;
            case LE:
                return Expr.BinaryOp.GE;
            case GT:
                return Expr.BinaryOp.LT;
            case GE:
                return Expr.BinaryOp.LE;
            default:
                return op;
        }
    }

    static boolean isDbRoot(Expr e) {
        return e instanceof Expr.Variable && ((Expr.Variable) e).name().equals("db");
    }

    /** Whether the expression names a column ({@code $db....}) anywhere. */
    static boolean mentionsDb(Expr e) {
        if (isDbRoot(e) || e instanceof Expr.DbCompare || e instanceof Expr.DbBetween) {
            return true;
        }
        if (e instanceof Expr.Field) {
            return mentionsDb(((Expr.Field) e).target());
        }
        if (e instanceof Expr.Index) {
            return mentionsDb(((Expr.Index) e).target()) || mentionsDb(((Expr.Index) e).index());
        }
        if (e instanceof Expr.Binary) {
            return mentionsDb(((Expr.Binary) e).left()) || mentionsDb(((Expr.Binary) e).right());
        }
        if (e instanceof Expr.Unary) {
            return mentionsDb(((Expr.Unary) e).operand());
        }
        if (e instanceof Expr.FilterApp) {
            Expr.FilterApp f = (Expr.FilterApp) e;
            return mentionsDb(f.input()) || f.args().stream().anyMatch(WhereSql::mentionsDb);
        }
        if (e instanceof Expr.DbFilterCall) {
            Expr.DbFilterCall f = (Expr.DbFilterCall) e;
            return mentionsDb(f.input()) || f.args().stream().anyMatch(WhereSql::mentionsDb);
        }
        if (e instanceof Expr.Ternary) {
            Expr.Ternary t = (Expr.Ternary) e;
            return mentionsDb(t.condition()) || mentionsDb(t.whenTrue()) || mentionsDb(t.whenFalse());
        }
        return false;
    }

    static XsError bad(SourceSpan at, String message) {
        return XsError.source(message, at);
    }
}
