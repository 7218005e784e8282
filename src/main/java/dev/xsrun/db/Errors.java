package dev.xsrun.db;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.sql.SQLException;

/** The errors database statements raise, worded once. */
final class Errors {
    static final String BAD_REQUEST = "ERROR_CODE_BAD_REQUEST";

    private Errors() {
    }

    /** A driver's exception as the job sees it. */
    static XsError of(SQLException e, Engine engine) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (state.equals("23505") || message.contains("UNIQUE constraint failed") || e.getErrorCode() == 2067) {
            return duplicate(message);
        }
        if (state.startsWith("08") || state.equals("57P01")) {
            return XsError.service("lost the connection to PostgreSQL at " + engine.shown() + ": " + message.split("\n")[0]);
        }
        if (state.equals("40P01") || state.equals("40001")) {
            return new XsError(XsError.Kind.RUNTIME, XsError.FATAL, "DeadlockError", 500, "The transaction was stopped by a conflicting one; run it again.", null, null);
        }
        return XsError.fatal("Database error: " + message.split("\n")[0]);
    }

    private static XsError duplicate(String driverMessage) {
        ObjectNode payload = Values.object();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("UNIQUE constraint failed: ([\\w.\", ]+)").matcher(driverMessage);
        java.util.regex.Matcher pg = java.util.regex.Pattern.compile("Key \\(([^)]*)\\)").matcher(driverMessage);
        if (m.find()) {
            payload.put("fields", m.group(1).replaceAll("\\w+\\.", ""));
        } else if (pg.find()) {
            payload.put("fields", pg.group(1).replace("\"", ""));
        }
        return new XsError(XsError.Kind.RUNTIME, BAD_REQUEST, "badrequest", 400,
                "Duplicate record detected. Please check your inputs and try again.", payload.isEmpty() ? null : payload, null);
    }

    /** @param which what the record was looked for by: {@code has sku = "A1"}, {@code matches the where condition} */
    static XsError notFound(String table, String which) {
        return new XsError(XsError.Kind.RUNTIME, XsError.NOT_FOUND, "notfound", 404,
                "Unable to locate record: no row of table `" + table + "` " + which + ".", null, null);
    }

    static XsError unknownTable(String name, java.util.Collection<String> known) {
        return XsError.source("unknown table `" + name + "`" + dev.xsrun.diag.Suggestions.hint(name, known)
                + (known.isEmpty() ? " (the job folder has no `table` documents)" : ""), null);
    }

    static XsError unknownField(String table, String field, java.util.Collection<String> known) {
        return XsError.source("unknown field `" + field + "` of table `" + table + "`" + dev.xsrun.diag.Suggestions.hint(field, known), null);
    }
}
