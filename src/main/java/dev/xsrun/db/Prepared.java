package dev.xsrun.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.ast.InputField;
import dev.xsrun.value.Values;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * One SQL text prepared on one connection, kept by {@link Engine} and reused by every later execution
 * of the same text there (sqlite-jdbc compiles the SQL on every prepare). It also keeps how its result
 * columns are read into records, made from the first result's metadata: the driver builds a new string
 * each time a column's label is asked for. Callers bind every parameter and close each result set,
 * never the statement.
 */
final class Prepared {
    private final PreparedStatement statement;
    private Plan plan;

    Prepared(PreparedStatement statement) {
        this.statement = statement;
    }

    PreparedStatement statement() {
        return statement;
    }

    /** Binds values of fields (each {@code {InputField, JsonNode}}) from parameter 1 on; returns this. */
    Prepared bind(List<Object[]> params) throws SQLException {
        int i = 1;
        for (Object[] p : params) {
            TableSchema.set(statement, i++, (InputField) p[0], (JsonNode) p[1]);
        }
        return this;
    }

    /** Runs the statement and reads every row as a record of {@code t}. */
    ArrayNode rows(TableSchema t) throws SQLException {
        return rows(t, List.of(), List.of());
    }

    /**
     * Runs the statement and reads every row: the leading columns as fields of {@code t} (sensitive
     * ones masked), the last {@code extraNames.size()} columns under those names with those types
     * (null: by what the driver says).
     */
    ArrayNode rows(TableSchema t, List<String> extraNames, List<InputField> extraTypes) throws SQLException {
        ArrayNode out = Values.list();
        try (ResultSet rs = statement.executeQuery()) {
            Plan p = plan;
            if (p == null || !p.fits(t, extraNames, extraTypes)) {
                p = new Plan(rs.getMetaData(), t, extraNames, extraTypes);
                plan = p;
            }
            while (rs.next()) {
                out.add(p.read(rs));
            }
        }
        return out;
    }

    void close() {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // a statement of a connection that is gone
        }
    }

    /** The columns of a result: each one's name, how it is read, and whether its value is masked. */
    static final class Plan {
        private final TableSchema table;
        private final List<String> extraNames;
        private final List<InputField> extraTypes;
        private final String[] names;
        private final int[] kinds;
        private final boolean[] sensitive;

        Plan(ResultSetMetaData md, TableSchema t, List<String> extraNames, List<InputField> extraTypes) throws SQLException {
            this.table = t;
            this.extraNames = extraNames;
            this.extraTypes = extraTypes;
            int count = md.getColumnCount();
            int own = count - extraNames.size();
            names = new String[count];
            kinds = new int[count];
            sensitive = new boolean[count];
            for (int c = 0; c < count; c++) {
                InputField f;
                if (c < own) {
                    names[c] = md.getColumnLabel(c + 1);
                    f = t.field(names[c]);
                    sensitive[c] = f != null && f.sensitive();
                } else {
                    names[c] = extraNames.get(c - own);
                    f = extraTypes.get(c - own);
                }
                kinds[c] = f == null ? TableSchema.ANY : TableSchema.kind(f.type(), f.list());
            }
        }

        /** Whether this plan was made for the same table and extra columns. */
        boolean fits(TableSchema t, List<String> names, List<InputField> types) {
            if (t != table || names.size() != extraNames.size()) {
                return false;
            }
            for (int k = 0; k < names.size(); k++) {
                if (!names.get(k).equals(extraNames.get(k)) || types.get(k) != extraTypes.get(k)) {
                    return false;
                }
            }
            return true;
        }

        ObjectNode read(ResultSet rs) throws SQLException {
            ObjectNode row = Values.object();
            for (int c = 0; c < names.length; c++) {
                JsonNode v = TableSchema.read(rs, c + 1, kinds[c]);
                row.set(names[c], v);
                if (sensitive[c]) {
                    table.mask(v);
                }
            }
            return row;
        }
    }
}
