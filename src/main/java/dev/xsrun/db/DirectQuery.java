package dev.xsrun.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * {@code db.direct_query} and {@code db.external.postgres.direct_query}: the job's own SQL text with
 * its {@code arg} values bound to the {@code ?} placeholders (never spliced into the text).
 */
final class DirectQuery {
    private DirectQuery() {
    }

    static JsonNode run(Engine engine, JsonNode sql, JsonNode args, JsonNode responseType) {
        String text = text(sql);
        try {
            return engine.atomically(c -> execute(c, text, args, responseType));
        } finally {
            if (!text.stripLeading().regionMatches(true, 0, "select", 0, 6)) {
                engine.tablesMayHaveChanged();
            }
        }
    }

    static JsonNode external(JsonNode connection, JsonNode sql, JsonNode args, JsonNode responseType) {
        String url = Values.toText(connection);
        if (!url.startsWith("postgres")  && !url.startsWith("jdbc:postgresql:")) {
            throw XsError.input("connection_string must be a postgresql:// URL.", "connection_string");
        }
        try (Engine engine = Engine.postgres(url)) {
            return run(engine, sql, args, responseType);
        }
    }

    private static String text(JsonNode sql) {
        if (!sql.isTextual() || sql.textValue().isBlank()) {
            throw XsError.input("Missing param: sql", "sql");
        }
        return sql.textValue();
    }

    private static JsonNode execute(Connection c, String sql, JsonNode args, JsonNode responseType) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (args.isArray()) {
                for (JsonNode a : args) {
                    TableSchema.setAny(ps, i++, a);
                }
            } else if (!args.isNull()) {
                TableSchema.setAny(ps, i, args);
            }
            boolean rows = ps.execute();
            if (!rows) {
                return Values.of(ps.getUpdateCount());
            }
            ArrayNode out = Values.list();
            try (ResultSet rs = ps.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    ObjectNode row = Values.object();
                    for (int col = 1; col <= md.getColumnCount(); col++) {
                        row.set(md.getColumnLabel(col), TableSchema.any(rs, col));
                    }
                    out.add(row);
                }
            }
            if ("single".equals(Values.toText(responseType))) {
                return out.size() == 0 ? Values.NULL : out.get(0);
            }
            return out;
        }
    }
}
