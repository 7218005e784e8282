package dev.xsrun.db;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The columns of the row a result stands on, as {@link TableSchema#read} reads them (numbered from 1):
 * a JDBC result set's, or the SQLite driver's own statement's, which {@link Prepared} reads without a
 * result set. A value that reads as 0, false or nothing may have been NULL; {@link #wasNull} then says
 * whether it was.
 */
abstract class Columns {
    abstract long longAt(int column) throws SQLException;

    abstract double doubleAt(int column) throws SQLException;

    abstract boolean boolAt(int column) throws SQLException;

    /** The column as text, null for NULL. */
    abstract String textAt(int column) throws SQLException;

    /** Whether the column just read as 0 or false was NULL. */
    abstract boolean wasNull(int column) throws SQLException;

    /** A column of no declared type, by what the driver says. */
    abstract JsonNode anyAt(int column) throws SQLException;

    /** A JDBC result set's columns (either engine). */
    static final class Jdbc extends Columns {
        ResultSet rs;

        Jdbc(ResultSet rs) {
            this.rs = rs;
        }

        @Override
        long longAt(int column) throws SQLException {
            return rs.getLong(column);
        }

        @Override
        double doubleAt(int column) throws SQLException {
            return rs.getDouble(column);
        }

        @Override
        boolean boolAt(int column) throws SQLException {
            return rs.getBoolean(column);
        }

        @Override
        String textAt(int column) throws SQLException {
            return rs.getString(column);
        }

        @Override
        boolean wasNull(int column) throws SQLException {
            return rs.wasNull();
        }

        @Override
        JsonNode anyAt(int column) throws SQLException {
            return TableSchema.any(rs, column);
        }
    }

    /**
     * The current row of an SQLite statement, read through the driver's own calls (sqlite3_column_*),
     * as its result set would read them: a number from text is converted by SQLite the same way.
     */
    static final class Sqlite extends Columns {
        private static final int SQLITE_NULL = 5;
        private final org.sqlite.core.DB db;
        long statement;

        Sqlite(org.sqlite.core.DB db) {
            this.db = db;
        }

        @Override
        long longAt(int column) throws SQLException {
            return db.column_long(statement, column - 1);
        }

        @Override
        double doubleAt(int column) throws SQLException {
            return db.column_double(statement, column - 1);
        }

        @Override
        boolean boolAt(int column) throws SQLException {
            return db.column_int(statement, column - 1) != 0;
        }

        @Override
        String textAt(int column) throws SQLException {
            return db.column_text(statement, column - 1);
        }

        @Override
        boolean wasNull(int column) throws SQLException {
            return db.column_type(statement, column - 1) == SQLITE_NULL;
        }

        /** Never asked: a result with such a column is read through JDBC ({@link Prepared.Plan#direct}). */
        @Override
        JsonNode anyAt(int column) {
            throw new IllegalStateException("a column of no declared type is read through JDBC");
        }
    }
}
