package dev.xsrun.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.ast.InputField;
import dev.xsrun.value.Values;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The record an embedded-engine INSERT stored, made from the values it bound and the id SQLite gave,
 * without reading the row back ({@code RETURNING *} costs the driver a result set, a column name per
 * column and a read per column on every insert). It gives exactly what reading back would: the
 * table's columns in their stored order, each value as {@link TableSchema#readStored} says the column
 * returns it, null for the fields the row does not give. That holds only for a table whose columns
 * are all fields of its document, stored with the types xsrun gives them, with no SQL default, no
 * generated column and no trigger that could change a row as it is stored; {@link #of} gives null for
 * any other table, whose rows are then read back.
 */
final class StoredRow {
    private final TableSchema table;
    private final String[] names;
    private final InputField[] fields;
    private final int[] kinds;

    private StoredRow(TableSchema table, List<String> names) {
        this.table = table;
        this.names = names.toArray(new String[0]);
        fields = new InputField[this.names.length];
        kinds = new int[this.names.length];
        for (int i = 0; i < this.names.length; i++) {
            fields[i] = table.field(this.names[i]);
            kinds[i] = TableSchema.kind(fields[i].type(), fields[i].list());
        }
    }

    /** The shape of {@code t}'s rows on this SQLite connection, or null when they must be read back. */
    static StoredRow of(Engine engine, Connection c, TableSchema t) throws SQLException {
        // a table as xsrun creates it: its id an alias of the rowid (not DESC, not WITHOUT ROWID), no STRICT
        try (PreparedStatement ps = c.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, t.name());
            try (ResultSet rs = ps.executeQuery()) {
                String sql = rs.next() ? rs.getString(1) : null;
                String head = "CREATE TABLE " + Engine.q(t.name()) + " (" + engine.idColumn();
                if (sql == null || !sql.startsWith(head) || !sql.endsWith(")") || sql.charAt(head.length()) != ',' && sql.charAt(head.length()) != ')') {
                    return null;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? COLLATE NOCASE")) {
            ps.setString(1, t.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return null;
                }
            }
        }
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, type, dflt_value, pk, hidden FROM pragma_table_xinfo(?)")) {
            ps.setString(1, t.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String type = rs.getString(2);
                    InputField f = t.field(name);
                    boolean id = "id".equals(name);
                    if (f == null || rs.getString(3) != null || rs.getInt(5) != 0 || rs.getInt(4) != (id ? 1 : 0)
                            || !(id ? "INTEGER" : engine.columnType(f.type(), f.list())).equalsIgnoreCase(type == null ? "" : type.trim())
                            || TableSchema.kind(f.type(), f.list()) == TableSchema.ANY) {
                        return null;
                    }
                    names.add(name);
                }
            }
        }
        return names.contains("id") ? new StoredRow(t, names) : null;
    }

    /** The stored record of a row bound by {@link TableSchema#bindNew} that SQLite gave this id. */
    ObjectNode record(ObjectNode bound, long id) {
        ObjectNode row = Values.object();
        for (int i = 0; i < names.length; i++) {
            JsonNode v = names[i].equals("id") ? Values.of(id)
                    : TableSchema.readStored(TableSchema.stored(fields[i], bound.get(names[i])), kinds[i]);
            row.set(names[i], v);
            if (fields[i].sensitive()) {
                table.mask(v);
            }
        }
        return row;
    }
}
