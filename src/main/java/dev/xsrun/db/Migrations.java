package dev.xsrun.db;

import dev.xsrun.ast.Document;
import dev.xsrun.ast.InputField;
import dev.xsrun.value.XsError;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the {@code table} documents change in a database: missing tables, columns and indexes are
 * created; anything that would rewrite or drop data (a changed type) is refused with a message that
 * names the table, the field and the command that applies it on purpose. Columns a document no longer
 * declares are kept, with their data.
 */
public final class Migrations {
    /** One change: the SQL that makes it and a line for people. */
    public record Change(String sql, String description) {
    }

    /** The whole plan: the changes to make and the notes about what is left alone. */
    public record Plan(List<Change> changes, List<String> notes) {
    }

    private Migrations() {
    }

    /**
     * What a reference field ({@code int user_id { table = "user" }}) naming a table no document of the
     * job declares is: a warning, one per field, naming both. As in Xano, a reference is a plain value of
     * its type: the referenced record is not looked up on write (Xano's own advice is a db.get and a
     * precondition), so no engine gets a foreign-key constraint, and a job whose folder lacks a referenced
     * table (Xano's docs show a product table referring to a category table they never show) still runs.
     */
    public static List<String> danglingReferences(Collection<TableSchema> tables) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        tables.forEach(t -> names.add(t.name()));
        List<String> out = new ArrayList<>();
        for (TableSchema t : tables) {
            for (Map.Entry<String, String> ref : new java.util.TreeMap<>(t.document().references()).entrySet()) {
                if (!names.contains(ref.getValue())) {
                    InputField f = t.field(ref.getKey());
                    String at = f != null && f.span() != null && f.span().isKnown() ? f.span() + ": " : "";
                    out.add(at + "table `" + t.name() + "`: field `" + ref.getKey() + "` refers to table `" + ref.getValue()
                            + "`, which no `table` document of the job declares" + dev.xsrun.diag.Suggestions.hint(ref.getValue(), names));
                }
            }
        }
        return out;
    }

    public static Plan plan(Engine engine, Connection c, Collection<TableSchema> tables) throws SQLException {
        List<Change> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>(danglingReferences(tables));
        DatabaseMetaData md = c.getMetaData();
        String schema = engine.postgres() ? c.getSchema() : null;
        for (TableSchema t : tables) {
            Map<String, String> existing = columns(md, schema, t.name());
            if (existing.isEmpty()) {
                StringBuilder sql = new StringBuilder("CREATE TABLE ").append(Engine.q(t.name())).append(" (").append(engine.idColumn());
                for (InputField f : t.fields().values()) {
                    if (!f.name().equals("id")) {
                        sql.append(", ").append(Engine.q(f.name())).append(' ').append(engine.columnType(f.type(), f.list()));
                    }
                }
                sql.append(')');
                changes.add(new Change(sql.toString(), "create table " + t.name() + " (" + t.fields().size() + " fields)"));
            } else {
                for (InputField f : t.fields().values()) {
                    if (f.name().equals("id")) {
                        continue;
                    }
                    String have = existing.get(f.name().toLowerCase(Locale.ROOT));
                    String want = engine.columnType(f.type(), f.list());
                    if (have == null) {
                        changes.add(new Change("ALTER TABLE " + Engine.q(t.name()) + " ADD COLUMN " + Engine.q(f.name()) + " " + want,
                                "add field " + t.name() + "." + f.name() + " (" + f.type() + (f.list() ? "[]" : "") + ")"));
                    } else if (!same(have, want)) {
                        throw XsError.source("table `" + t.name() + "`: field `" + f.name() + "` is stored as " + have
                                + " but the table document now declares " + f.type() + (f.list() ? "[]" : "")
                                + "; xsrun does not convert data on its own. Export the table (`xsrun db export " + t.name()
                                + "`), then `xsrun db reset` and import it again, or keep the old type", t.document().span());
                    }
                }
                for (String col : existing.keySet()) {
                    if (!col.equals("id") && t.fields().keySet().stream().noneMatch(n -> n.equalsIgnoreCase(col))) {
                        notes.add("table " + t.name() + ": column " + col + " is no longer declared; it is kept with its data");
                    }
                }
            }
            Map<String, Boolean> indexes = existing.isEmpty() ? Map.of() : indexes(md, schema, t.name());
            for (Document.TableIndex ix : t.document().indexes()) {
                if (ix.type().equals("primary") || ix.type().equals("search") || ix.type().equals("vector")) {
                    if (!ix.type().equals("primary")) {
                        notes.add("table " + t.name() + ": " + ix.type() + " index on " + String.join(", ", ix.fields())
                                + " is not created locally; queries still run, without it");
                    }
                    continue;
                }
                if (ix.type().equals("gin") && !engine.postgres()) {
                    continue;
                }
                String name = indexName(t.name(), ix);
                if (indexes.containsKey(name.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                StringBuilder sql = new StringBuilder("CREATE ").append(ix.unique() ? "UNIQUE " : "").append("INDEX IF NOT EXISTS ")
                        .append(Engine.q(name)).append(" ON ").append(Engine.q(t.name()));
                if (ix.type().equals("gin")) {
                    sql.append(" USING GIN (");
                    for (int i = 0; i < ix.fields().size(); i++) {
                        sql.append(i > 0 ? ", " : "").append(Engine.q(ix.fields().get(i))).append(" jsonb_path_ops");
                    }
                } else {
                    sql.append(" (");
                    for (int i = 0; i < ix.fields().size(); i++) {
                        sql.append(i > 0 ? ", " : "").append(Engine.q(ix.fields().get(i)))
                                .append("desc".equalsIgnoreCase(ix.ops().get(i)) ? " DESC" : "");
                    }
                }
                sql.append(')');
                changes.add(new Change(sql.toString(), "create " + ix.type() + " index on " + t.name() + "(" + String.join(", ", ix.fields()) + ")"));
            }
        }
        return new Plan(changes, notes);
    }

    /**
     * Runs a plan's changes on a connection; call it inside {@link Engine#atomically}, whose transaction
     * makes the plan all or nothing.
     */
    public static void apply(Connection c, Plan plan) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Change ch : plan.changes()) {
                s.execute(ch.sql());
            }
        }
    }

    static String indexName(String table, Document.TableIndex ix) {
        return table + "_" + String.join("_", ix.fields()) + "_" + ix.type().replace('|', '_');
    }

    private static boolean same(String have, String want) {
        return normal(have).equals(normal(want));
    }

    private static String normal(String type) {
        switch (type.toUpperCase(Locale.ROOT)) {
            case "INT8":
            case "BIGINT":
            case "INTEGER":
                return "INTEGER";
            case "FLOAT8":
            case "DOUBLE PRECISION":
            case "REAL":
                return "REAL";
            case "BOOL":
            case "BOOLEAN":
                return "BOOLEAN";
            case "JSONB":
                return "JSONB";
            default:
                return "TEXT";
        }
    }

    /** The table's columns by lower-case name and type name; empty when there is no such table. */
    static Map<String, String> columns(DatabaseMetaData md, String schema, String table) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (ResultSet rs = md.getColumns(null, schema, table, null)) {
            while (rs.next()) {
                out.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getString("TYPE_NAME"));
            }
        }
        return out;
    }

    private static Map<String, Boolean> indexes(DatabaseMetaData md, String schema, String table) throws SQLException {
        Map<String, Boolean> out = new HashMap<>();
        try (ResultSet rs = md.getIndexInfo(null, schema, table, false, true)) {
            while (rs.next()) {
                String n = rs.getString("INDEX_NAME");
                if (n != null) {
                    out.put(n.toLowerCase(Locale.ROOT), !rs.getBoolean("NON_UNIQUE"));
                }
            }
        }
        return out;
    }
}
