package dev.xsrun.db;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The functions a query needs that SQLite lacks, registered on each embedded connection: {@code REGEXP}
 * (the {@code ~} operator) and PostgreSQL's JSON containment {@code @>}, computed as PostgreSQL does.
 */
final class SqliteFunctions {
    static final String JSON_CONTAINS = "xsrun_json_contains";

    private SqliteFunctions() {
    }

    static void register(Connection c) throws SQLException {
        org.sqlite.Function.create(c, "regexp", new Regexp());
        org.sqlite.Function.create(c, JSON_CONTAINS, new JsonContains());
    }

    /** {@code value REGEXP pattern}: the pattern is found in the value; null when the value is null. */
    private static final class Regexp extends org.sqlite.Function {
        private String last;
        private Pattern compiled;

        @Override
        protected void xFunc() throws SQLException {
            String pattern = value_text(0);
            String value = value_text(1);
            if (pattern == null || value == null) {
                result();
                return;
            }
            if (!pattern.equals(last)) {
                try {
                    compiled = Pattern.compile(pattern);
                } catch (PatternSyntaxException e) {
                    throw new SQLException("invalid regular expression: " + e.getDescription());
                }
                last = pattern;
            }
            result(compiled.matcher(value).find() ? 1 : 0);
        }
    }

    /** {@code xsrun_json_contains(doc, wanted)}: both JSON texts; null when the document is null. */
    private static final class JsonContains extends org.sqlite.Function {
        @Override
        protected void xFunc() throws SQLException {
            String doc = value_text(0);
            String wanted = value_text(1);
            if (doc == null || wanted == null) {
                result();
                return;
            }
            JsonNode a = Json.tryParse(doc);
            JsonNode b = Json.tryParse(wanted);
            result(a != null && b != null && QueryOperators.jsonContains(a, b, true) ? 1 : 0);
        }
    }
}
