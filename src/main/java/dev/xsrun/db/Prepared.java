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
 * each time a column's label is asked for. Callers bind every parameter through {@link #bind} or
 * {@link #set}, run it through {@link #rows} or {@link #update} (or {@link #statement}, which sets the
 * bound values on the JDBC statement) and close each result set, never the statement.
 */
final class Prepared {
    private static final int SQLITE_ROW = 100;
    private static final int SQLITE_DONE = 101;
    private final PreparedStatement statement;
    /**
     * On SQLite, the driver's own statement, run through its public calls: {@link #update} executes
     * through them, and {@link #rows} steps and reads a SELECT through them once the first result has
     * made the {@link Plan}. A JDBC result set asks the library for every column's name on every
     * execution and goes through several layers per value, which was about a third of a look-up by an
     * index. Null on PostgreSQL.
     */
    private final org.sqlite.core.CoreStatement sqlite;
    private final boolean select;
    private Columns.Sqlite columns;
    /** The values bound, parameter 1 first, as {@link TableSchema#parameter} gives them (on SQLite a Boolean as 1 or 0). */
    private Object[] values = new Object[4];
    private int bound;
    private Plan plan;

    Prepared(String sql, PreparedStatement statement) {
        this.statement = statement;
        this.sqlite = statement instanceof org.sqlite.core.CoreStatement cs ? cs : null;
        this.select = sql.startsWith("SELECT ");
    }

    /** The JDBC statement, with the values bound set on it. */
    PreparedStatement statement() throws SQLException {
        for (int i = 0; i < bound; i++) {
            TableSchema.put(statement, i + 1, values[i]);
        }
        return statement;
    }

    /** Binds values of fields (each {@code {InputField, JsonNode}}) from parameter 1 on; returns this. */
    Prepared bind(List<Object[]> params) {
        bound = 0;
        int i = 1;
        for (Object[] p : params) {
            set(i++, (InputField) p[0], (JsonNode) p[1]);
        }
        return this;
    }

    /** Binds parameter {@code i} (from 1) to a value of field {@code f} (null: by its own type); returns this. */
    Prepared set(int i, InputField f, JsonNode v) {
        if (i > values.length) {
            values = java.util.Arrays.copyOf(values, Math.max(i, values.length * 2));
        }
        Object x = TableSchema.parameter(f, v);
        // SQLite's own calls bind no Boolean: true and false go as 1 and 0, as its setBoolean sends them
        values[i - 1] = sqlite != null && x instanceof Boolean b ? Integer.valueOf(b ? 1 : 0) : x;
        bound = Math.max(bound, i);
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
        Plan p = plan;
        if (sqlite != null && select && p != null && p.direct && p.fits(t, extraNames, extraTypes)) {
            ArrayNode out = stepped(p);
            if (out != null) {
                return out;
            }
        }
        ArrayNode out = Values.list();
        try (ResultSet rs = statement().executeQuery()) {
            if (p == null || !p.fits(t, extraNames, extraTypes)) {
                p = new Plan(rs.getMetaData(), t, extraNames, extraTypes);
                plan = p;
            }
            Columns.Jdbc row = new Columns.Jdbc(rs);
            while (rs.next()) {
                out.add(p.read(row));
            }
        }
        return out;
    }

    /** Runs a statement that gives no rows (an INSERT, UPDATE or DELETE); the number of rows it changed. */
    long update() throws SQLException {
        if (sqlite == null) {
            return statement().executeUpdate();
        }
        clearUnbound();
        sqlite.pointer.safeRunInt(org.sqlite.core.DB::reset);
        return sqlite.getDatabase().executeUpdate(sqlite, values);
    }

    /** Values past those bound this time are not sent (a statement binds as many as it has parameters). */
    private void clearUnbound() {
        for (int i = bound; i < values.length; i++) {
            values[i] = null;
        }
    }

    /**
     * The rows of an SQLite SELECT, stepped and read through the driver's own calls: its first step
     * binds and reports errors as a JDBC execution does. Null when a later step fails: the caller then
     * runs the statement again through JDBC, which reads without side effects and reports the error in
     * the driver's words.
     */
    private ArrayNode stepped(Plan p) throws SQLException {
        org.sqlite.core.CoreStatement cs = sqlite;
        org.sqlite.core.DB db = cs.getDatabase();
        if (columns == null) {
            columns = new Columns.Sqlite(db);
        }
        Columns.Sqlite row = columns;
        clearUnbound();
        cs.pointer.safeRunInt(org.sqlite.core.DB::reset);
        ArrayNode out = Values.list();
        try {
            boolean more = db.execute(cs, values);
            while (more) {
                ObjectNode record = cs.pointer.<ObjectNode, SQLException>safeRun((d, at) -> {
                    row.statement = at;
                    return p.read(row);
                });
                out.add(record);
                int rc = cs.pointer.safeRunInt(org.sqlite.core.DB::step) & 0xFF;
                if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
                    return null;
                }
                more = rc == SQLITE_ROW;
            }
        } finally {
            if (!cs.pointer.isClosed()) {
                cs.pointer.safeRunInt(org.sqlite.core.DB::reset);
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
        /** Whether every column has a declared kind, so that SQLite's own calls can read it ({@link Columns.Sqlite}). */
        final boolean direct;

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
            boolean all = true;
            for (int k : kinds) {
                all &= k != TableSchema.ANY;
            }
            direct = all;
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
            return read(new Columns.Jdbc(rs));
        }

        ObjectNode read(Columns columns) throws SQLException {
            ObjectNode row = Values.object();
            for (int c = 0; c < names.length; c++) {
                JsonNode v = TableSchema.read(columns, c + 1, kinds[c]);
                row.set(names[c], v);
                if (sensitive[c]) {
                    table.mask(v);
                }
            }
            return row;
        }
    }
}
