package dev.xsrun.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.ast.Expr;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The {@code dbAddonAttr("addon", {..})} fields of a query's {@code eval}: each input value that reads
 * the row ({@code $db.t.f}) comes back as a column of the row under a name of its own; the others are
 * values of the statement. Per row, the addon runs with those values as its input and its value takes
 * the field's place.
 */
final class AddonEvals {
    /** Columns that carry an addon's input are named with this, the field's number and the input's name. */
    private static final String COLUMN = "xsrun_addon_";

    /** One eval field: its name, the addon's name, its input values by input name (a column name or an expression). */
    record Field(String name, Expr addon, Map<String, Expr> columns, Map<String, String> byColumn, Map<String, Expr> values,
                 Expr whole) {
    }

    private final Host host;
    private final List<Field> fields = new ArrayList<>();

    AddonEvals(Host host) {
        this.host = host;
    }

    List<String> names() {
        List<String> out = new ArrayList<>(fields.size());
        fields.forEach(f -> out.add(f.name()));
        return out;
    }

    /** Adds the eval field {@code name: call}; its columns are the SQL the query must select for it. */
    Field add(String name, Expr.DbFilterCall call) {
        Expr arg = call.args().get(0);
        if (!(arg instanceof Expr.ObjectLiteral)) {
            throw XsError.source("the input of `" + Expr.DbFilterCall.ADDON + "(..)` is an object written in place, such as {id: $db.table.id}", arg.span());
        }
        Map<String, Expr> columns = new LinkedHashMap<>();
        Map<String, String> byColumn = new LinkedHashMap<>();
        Map<String, Expr> values = new LinkedHashMap<>();
        boolean readsRow = DbStatements.readsDatabase(arg);
        for (Expr.Entry e : ((Expr.ObjectLiteral) arg).entries()) {
            if (e.key() == null) {
                throw XsError.source("the input of `" + Expr.DbFilterCall.ADDON + "(..)` names each value: {name: value}", arg.span());
            }
            if (DbStatements.readsDatabase(e.value())) {
                String column = COLUMN + fields.size() + "_" + e.key();
                columns.put(column, e.value());
                byColumn.put(column, e.key());
            } else {
                values.put(e.key(), e.value());
            }
        }
        Field f = new Field(name, call.input(), columns, byColumn, values, readsRow ? null : arg);
        fields.add(f);
        return f;
    }

    /** Runs each addon per row, in row order, and puts its value in its field; the input columns are dropped. */
    ArrayNode fill(ArrayNode rows) {
        for (Field f : fields) {
            UnaryOperator<JsonNode> addon = host.addon(Values.toText(host.eval(f.addon())), f.addon().span());
            ObjectNode fixed = Values.object();
            if (f.whole() != null) {
                JsonNode given = host.eval(f.whole());
                given.fields().forEachRemaining(e -> fixed.set(e.getKey(), e.getValue()));
            }
            f.values().forEach((k, v) -> fixed.set(k, host.eval(v)));
            for (JsonNode r : rows) {
                ObjectNode row = (ObjectNode) r;
                ObjectNode input = fixed.deepCopy();
                f.byColumn().forEach((column, key) -> input.set(key, row.remove(column)));
                row.set(f.name(), addon.apply(input));
            }
        }
        return rows;
    }
}
