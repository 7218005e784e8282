package dev.xsrun.syntax;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Document;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.InputField;
import dev.xsrun.diag.Diagnostic;
import dev.xsrun.value.SourceSpan;
import dev.xsrun.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link Document.Table} from a {@code table} document. The {@code schema} block is declared
 * exactly like an {@code input} block, so it is parsed by the function grammar in place (same lines and
 * columns); {@code index = [..]} is parsed as an expression; the other attributes are only checked to
 * be well formed.
 */
final class TableBuilder {
    /** Parses a function document's text starting at a line; null when it has errors (reported). */
    interface FunctionParser {
        Document.FunctionDef parse(String text, int firstLine);
    }

    /** Parses one expression placed at a line and 0-based column. */
    interface ExpressionParser {
        Expr parse(String text, int line, int column);
    }

    static final Set<String> INDEX_TYPES = Set.of("primary", "btree", "btree|unique", "gin", "search", "vector");
    private static final Set<String> ATTRIBUTES = Set.of("auth", "description", "guid", "tags", "view", "security",
            "schema", "index", "autocomplete", "history", "items");
    private static final Pattern REFERENCE = Pattern.compile("\\btable\\s*=\\s*\"([^\"]*)\"");

    private final String path;
    private final List<Diagnostic> diagnostics;
    private final FunctionParser functions;
    private final ExpressionParser expressions;
    private String text;
    private int firstLine;

    TableBuilder(String path, List<Diagnostic> diagnostics, FunctionParser functions, ExpressionParser expressions) {
        this.path = path;
        this.diagnostics = diagnostics;
        this.functions = functions;
        this.expressions = expressions;
    }

    /** The table, or null when the document has errors (they are added to the diagnostics). */
    Document.Table build(String docText, int docFirstLine) {
        this.text = docText;
        this.firstLine = docFirstLine;
        int before = diagnostics.size();
        int i = skipBlank(0);
        int kwAt = i;
        i += "table".length();
        i = skipBlank(i);
        String name;
        if (i < text.length() && text.charAt(i) == '"') {
            int end = stringEnd(i);
            name = Strings.unquoteDouble(text.substring(i, end));
            i = end;
        } else {
            int s = i;
            while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                i++;
            }
            name = text.substring(s, i);
        }
        SourceSpan at = span(kwAt, 5);
        if (name.isEmpty()) {
            error(at, "a table needs a name: `table \"name\" { schema { .. } }`");
            return null;
        }
        i = skipBlank(i);
        if (i >= text.length() || text.charAt(i) != '{') {
            error(span(Math.min(i, text.length() - 1), 1), "expected `{` after the table's name");
            return null;
        }
        int bodyEnd = match(i);
        if (bodyEnd < 0) {
            error(span(i, 1), "this `{` is never closed");
            return null;
        }
        List<InputField> schema = null;
        List<Document.TableIndex> indexes = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        Map<String, String> references = new LinkedHashMap<>();
        i = skipBlank(i + 1);
        while (i < bodyEnd) {
            int wordStart = i;
            while (i < bodyEnd && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                i++;
            }
            String key = text.substring(wordStart, i);
            if (key.isEmpty()) {
                error(span(i, 1), "unexpected `" + text.charAt(i) + "` in a table; expected an attribute such as `schema { .. }`");
                return null;
            }
            if (!ATTRIBUTES.contains(key)) {
                error(span(wordStart, key.length()), "unknown attribute `" + key + "` of a table"
                        + dev.xsrun.diag.Suggestions.hint(key, ATTRIBUTES));
            }
            i = skipBlank(i);
            if (key.equals("schema")) {
                if (i >= bodyEnd || text.charAt(i) != '{') {
                    error(span(wordStart, 6), "expected `schema { .. }`");
                    return null;
                }
                int end = match(i);
                schema = schema(wordStart, i, end, references);
                i = skipBlank(end + 1);
                continue;
            }
            if (i < bodyEnd && text.charAt(i) == '{') {
                i = skipBlank(match(i) + 1);
                continue;
            }
            if (i >= bodyEnd || text.charAt(i) != '=') {
                error(span(wordStart, key.length()), "expected `=` after `" + key + "`");
                return null;
            }
            i = skipBlank(i + 1);
            int valueStart = i;
            int valueEnd = valueEnd(i, bodyEnd);
            if (key.equals("index")) {
                indexes(value(valueStart, valueEnd), indexes);
            } else if (key.equals("items")) {
                items(valueStart, valueEnd, items);
            }
            i = skipBlank(valueEnd);
        }
        int after = skipBlank(bodyEnd + 1);
        if (after < text.length()) {
            char c = text.charAt(after);
            error(span(after, 1), c == '}' || c == ']' || c == ')' ? "unexpected `" + c + "`: it closes nothing"
                    : "unexpected `" + c + "` after the table's closing `}`");
            return null;
        }
        if (schema == null && diagnostics.size() == before) {
            error(at, "table `" + name + "` has no `schema { .. }`");
        }
        if (diagnostics.size() > before) {
            return null;
        }
        checkIndexes(name, schema, indexes);
        return diagnostics.size() > before ? null : new Document.Table(name, schema, indexes, references, items, at);
    }

    /** The expression of an attribute's value, positioned where it stands in the file. */
    private Expr value(int valueStart, int valueEnd) {
        int[] lc = lineColumn(valueStart);
        return expressions.parse(text.substring(valueStart, valueEnd), lc[0], lc[1] - 1);
    }

    /** {@code items = [{..}, ..]}: constant records, the table's content when it is created. */
    private void items(int valueStart, int valueEnd, List<JsonNode> items) {
        Expr e = value(valueStart, valueEnd);
        if (e == null) {
            return;
        }
        JsonNode list = AstBuilder.constant(e, "items", this::error);
        if (list == null) {
            return;
        }
        if (!list.isArray()) {
            error(e.span(), "`items` must be a list of records: `items = [{name: \"..\"}]`");
            return;
        }
        for (JsonNode item : list) {
            if (!item.isObject()) {
                error(e.span(), "`items` must be a list of records (objects), not " + Values.typeName(item));
                return;
            }
            items.add(item);
        }
    }

    private List<InputField> schema(int keywordAt, int open, int close, Map<String, String> references) {
        int[] lc = lineColumn(keywordAt);
        StringBuilder synthetic = new StringBuilder("function \"schema\" {");
        for (int l = 1; l < lc[0] - firstLine + 1; l++) {
            synthetic.append('\n');
        }
        if (lc[0] == firstLine) {
            synthetic.append('\n');
        }
        synthetic.append(" ".repeat(lc[1] - 1)).append("input ").append(text, open, close + 1).append("\nstack {\n}\n}\n");
        Document.FunctionDef f = functions.parse(synthetic.toString(), firstLine);
        if (f == null) {
            return List.of();
        }
        Matcher m = REFERENCE.matcher(text.substring(0, close));
        while (m.find()) {
            if (m.start() < open) {
                continue;
            }
            int line = lineColumn(m.start())[0];
            InputField owner = null;
            for (InputField field : f.inputs()) {
                if (field.span().line() <= line) {
                    owner = field;
                }
            }
            if (owner != null) {
                references.put(owner.name(), m.group(1));
            }
        }
        return f.inputs();
    }

    private void indexes(Expr e, List<Document.TableIndex> out) {
        if (!(e instanceof Expr.ArrayLiteral)) {
            if (e != null && !(e instanceof Expr.Literal)) {
                error(e.span(), "`index` must be a list such as [{type: \"btree\", field: [{name: \"email\"}]}]");
            }
            return;
        }
        for (Expr.Element el : ((Expr.ArrayLiteral) e).elements()) {
            JsonNode v = constant(el.value());
            if (v == null || !v.isObject()) {
                error(el.value().span(), "an index is an object such as {type: \"btree\", field: [{name: \"email\"}]}");
                continue;
            }
            String type = Values.toText(v.path("type"));
            if (!INDEX_TYPES.contains(type)) {
                error(el.value().span(), "unknown index type `" + type + "`" + dev.xsrun.diag.Suggestions.hint(type, INDEX_TYPES));
                continue;
            }
            List<String> fields = new ArrayList<>();
            List<String> ops = new ArrayList<>();
            for (JsonNode f : v.path("field")) {
                fields.add(Values.toText(f.path("name")));
                ops.add(f.hasNonNull("op") ? Values.toText(f.get("op")) : "");
            }
            if (fields.isEmpty()) {
                error(el.value().span(), "an index needs `field: [{name: \"..\"}]`");
                continue;
            }
            out.add(new Document.TableIndex(type, fields, ops, el.value().span()));
        }
    }

    private void checkIndexes(String table, List<InputField> schema, List<Document.TableIndex> indexes) {
        Set<String> names = new java.util.HashSet<>();
        for (InputField f : schema) {
            names.add(f.name());
        }
        if (!names.contains("id")) {
            error(span(0, 5), "table `" + table + "` needs an `int id` field (its primary key)");
        }
        for (Document.TableIndex ix : indexes) {
            for (String f : ix.fields()) {
                if (!names.contains(f)) {
                    error(ix.span(), "index on unknown field `" + f + "` of table `" + table + "`" + dev.xsrun.diag.Suggestions.hint(f, names));
                }
            }
        }
    }

    /** A literal, list or object of literals as a value; null for anything computed. */
    private static JsonNode constant(Expr e) {
        if (e instanceof Expr.Literal) {
            return ((Expr.Literal) e).value();
        }
        if (e instanceof Expr.ArrayLiteral) {
            com.fasterxml.jackson.databind.node.ArrayNode out = Values.list();
            for (Expr.Element el : ((Expr.ArrayLiteral) e).elements()) {
                JsonNode v = constant(el.value());
                if (v == null || el.spread()) {
                    return null;
                }
                out.add(v);
            }
            return out;
        }
        if (e instanceof Expr.ObjectLiteral) {
            com.fasterxml.jackson.databind.node.ObjectNode out = Values.object();
            for (Expr.Entry en : ((Expr.ObjectLiteral) e).entries()) {
                JsonNode v = en.key() == null ? null : constant(en.value());
                if (v == null) {
                    return null;
                }
                out.set(en.key(), v);
            }
            return out;
        }
        return null;
    }

    // ---- scanning ------------------------------------------------------------------------------

    private int skipBlank(int i) {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF' || c == ',') {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else {
                break;
            }
        }
        return i;
    }

    private int stringEnd(int i) {
        char q = text.charAt(i);
        i++;
        while (i < text.length() && text.charAt(i) != q) {
            if (text.charAt(i) == '\\') {
                i++;
            }
            i++;
        }
        return Math.min(i + 1, text.length());
    }

    /** The index of the bracket closing the one at {@code open}, or -1. */
    private int match(int open) {
        int depth = 0;
        int n = text.length();
        for (int i = open; i < n; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = stringEnd(i) - 1;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if (c == '}' || c == ']' || c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Where an attribute's value ends: after its brackets, or at the end of its line. */
    private int valueEnd(int i, int limit) {
        int n = Math.min(limit, text.length());
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i;
            }
            if (c == '"' || c == '\'') {
                i = stringEnd(i);
            } else if (c == '{' || c == '[' || c == '(') {
                int end = match(i);
                if (end < 0) {
                    return n;
                }
                i = end + 1;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                return i;
            } else {
                i++;
            }
        }
        return n;
    }

    /** {line, 1-based column} of an offset in the document. */
    private int[] lineColumn(int offset) {
        int line = firstLine;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    private SourceSpan span(int offset, int length) {
        int[] lc = lineColumn(offset);
        return new SourceSpan(path, lc[0], lc[1], Math.max(1, length));
    }

    private void error(SourceSpan at, String message) {
        diagnostics.add(Diagnostic.error(at, message));
    }
}
