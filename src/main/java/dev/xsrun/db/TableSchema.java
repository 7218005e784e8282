package dev.xsrun.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.ast.Document;
import dev.xsrun.ast.InputField;
import dev.xsrun.runtime.InputBinder;
import dev.xsrun.value.Json;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table as its {@code table} document declares it: the fields in order, how a value of each is
 * validated and stored on the way in (the input rules: types, filters, enum values, defaults) and how
 * it is read back with its XanoScript type.
 */
public final class TableSchema {
    private final Document.Table doc;
    private final Map<String, InputField> fields = new LinkedHashMap<>();
    /** The declarations a new row is bound with (every field but id, defaults applied). */
    private final List<InputField> forInsert = new ArrayList<>();
    /** The declarations a change is bound with: only given fields, no defaults. */
    private final Map<String, InputField> forChange = new LinkedHashMap<>();

    /** The INSERT of a row that gives these fields, by the fields' names in order: built once per set of fields. */
    private final Map<List<String>, String> inserts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<List<String>, String> insertsReturning = new java.util.concurrent.ConcurrentHashMap<>();

    /** Where the values of {@code sensitive} fields go when they are read or written, to be masked in output. */
    private final java.util.function.Consumer<String> sensitive;

    public TableSchema(Document.Table doc) {
        this(doc, v -> { });
    }

    public TableSchema(Document.Table doc, java.util.function.Consumer<String> sensitive) {
        this.doc = doc;
        this.sensitive = sensitive;
        for (InputField f : doc.schema()) {
            fields.put(f.name(), f);
            if (!f.name().equals("id")) {
                forInsert.add(f);
            }
            forChange.put(f.name(), new InputField(f.type(), f.name(), f.list(), f.minItems(), f.maxItems(), true, true, null,
                    f.filters(), f.description(), f.sensitive(), f.values(), f.schema(), f.span()));
        }
    }

    public String name() {
        return doc.name();
    }

    public Document.Table document() {
        return doc;
    }

    public Map<String, InputField> fields() {
        return fields;
    }

    public InputField field(String name) {
        return fields.get(name);
    }

    /** The field, or the error naming the table and its fields. */
    public InputField require(String name) {
        InputField f = fields.get(name);
        if (f == null) {
            throw Errors.unknownField(doc.name(), name, fields.keySet());
        }
        return f;
    }

    /** A whole new row: unknown fields refused, values validated, defaults and filters applied. */
    public ObjectNode bindNew(JsonNode data, boolean allowId) {
        ObjectNode given = object(data);
        checkKnown(given);
        ObjectNode bound = bind(forInsert, given);
        if (allowId && given.hasNonNull("id")) {
            bound.set("id", Values.of(InputBinder.bind(List.of(forChange.get("id")), given).get("id").longValue()));
        }
        return bound;
    }

    /** The fields a change names, validated and filtered; null values stay null. */
    public ObjectNode bindChange(JsonNode data) {
        ObjectNode given = object(data);
        checkKnown(given);
        List<InputField> named = new ArrayList<>();
        Iterator<String> names = given.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!n.equals("id")) {
                named.add(forChange.get(n));
            }
        }
        ObjectNode bound = bind(named, given);
        for (InputField f : named) {
            if (!bound.has(f.name())) {
                bound.set(f.name(), Values.NULL);
            }
        }
        return bound;
    }

    private ObjectNode bind(List<InputField> decls, ObjectNode given) {
        try {
            ObjectNode out = InputBinder.bind(decls, given);
            for (InputField f : decls) {
                JsonNode v = out.get(f.name());
                if (f.sensitive()) {
                    mask(v);
                }
                if (f.type().equals("password") && v != null && v.isTextual() && !Passwords.isHash(v.textValue())) {
                    out.put(f.name(), Passwords.hash(v.textValue()));
                }
            }
            return out;
        } catch (XsError e) {
            String param = e.payload().path("param").asText("");
            String message = e.getMessage() + (param.isEmpty() ? "" : " (table `" + doc.name() + "`, field `" + param + "`)");
            throw new XsError(e.kind(), e.code(), e.name(), e.status(), message, e.payload(), null);
        }
    }

    private void checkKnown(ObjectNode given) {
        Iterator<String> names = given.fieldNames();
        while (names.hasNext()) {
            require(names.next());
        }
    }

    private ObjectNode object(JsonNode data) {
        if (data == null || data.isNull() || data.isMissingNode()) {
            return Values.object();
        }
        if (!data.isObject()) {
            throw XsError.input("`data` must be an object of fields of table `" + doc.name() + "`, got " + Values.typeName(data) + ".", null);
        }
        return (ObjectNode) data;
    }

    // ---- values to and from SQL ------------------------------------------------------------

    /** The INSERT of one row that gives these fields (none: every default), returning the row as stored or not. */
    String insertSql(List<String> names, boolean returning) {
        Map<List<String>, String> built = returning ? insertsReturning : inserts;
        String sql = built.get(names);
        if (sql == null) {
            StringBuilder cols = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (String n : names) {
                cols.append(cols.length() > 0 ? ", " : "").append(Engine.q(n));
                marks.append(marks.length() > 0 ? ", " : "").append('?');
            }
            sql = "INSERT INTO " + Engine.q(name()) + (names.isEmpty() ? " DEFAULT VALUES" : " (" + cols + ") VALUES (" + marks + ")")
                    + (returning ? " RETURNING *" : "");
            built.put(List.copyOf(names), sql);
        }
        return sql;
    }

    /** Binds a (validated) value of a field to a statement parameter: the value {@link #parameter} says. */
    static void set(PreparedStatement ps, int i, InputField f, JsonNode v) throws SQLException {
        put(ps, i, parameter(f, v));
    }

    /**
     * What a value of a field (null: of no declared field) is bound as: null, a Long, a Double, a
     * Boolean or a String, as {@link #stored} says, or by the value's own JSON type without a field.
     */
    static Object parameter(InputField f, JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (f != null) {
            return stored(f, v);
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return v.isTextual() ? v.textValue() : Json.encode(v);
    }

    /** Sets parameter {@code i} to a value {@link #parameter} gave (or an Integer). */
    static void put(PreparedStatement ps, int i, Object x) throws SQLException {
        if (x == null) {
            ps.setNull(i, Types.NULL);
        } else if (x instanceof Long) {
            ps.setLong(i, (Long) x);
        } else if (x instanceof Integer) {
            ps.setInt(i, (Integer) x);
        } else if (x instanceof Double) {
            ps.setDouble(i, (Double) x);
        } else if (x instanceof Boolean) {
            ps.setBoolean(i, (Boolean) x);
        } else {
            ps.setString(i, (String) x);
        }
    }

    /**
     * What a (validated) value of a field is sent to the database as: null, a Long, a Double, a Boolean
     * or a String (lists and JSON types as their JSON text).
     */
    static Object stored(InputField f, JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (f.list()) {
            return Json.encode(v);
        }
        switch (f.type()) {
            case "int":
                return Values.toLong(v);
            case "timestamp":
                return InputBinder.timestamp(v, f.name());
            case "decimal":
                return v.doubleValue();
            case "bool":
                return dev.xsrun.value.Operators.truthy(v);
            default:
                return v.isContainerNode() || isJson(f) ? Json.encode(v) : Values.toText(v);
        }
    }

    /**
     * The value {@link #read} gives for a column of this {@link #kind} of the embedded engine that holds
     * {@code x} ({@link #stored}): SQLite keeps no NaN (it stores NULL) and no negative zero, and the
     * driver sends text as UTF-8, where a lone surrogate becomes '?'. Null for {@link #ANY}, which is
     * read by what the driver says.
     */
    static JsonNode readStored(Object x, int kind) {
        if (x == null) {
            return Values.NULL;
        }
        switch (kind) {
            case INT:
                return x instanceof Long ? Values.of((long) (Long) x) : null;
            case DECIMAL: {
                if (!(x instanceof Double)) {
                    return null;
                }
                double d = (Double) x;
                return Double.isNaN(d) ? Values.NULL : Values.of(d == 0 ? 0.0 : d);
            }
            case BOOL:
                return x instanceof Boolean ? Values.of((boolean) (Boolean) x) : null;
            case TEXT:
                return x instanceof String ? Values.of(asUtf8((String) x)) : null;
            case JSON: {
                if (!(x instanceof String)) {
                    return null;
                }
                String s = asUtf8((String) x);
                JsonNode parsed = Json.tryParse(s);
                return parsed == null ? Values.of(s) : parsed;
            }
            default:
                return null;
        }
    }

    /** Text as it comes back from the database: through UTF-8, which turns a lone surrogate into '?'. */
    private static String asUtf8(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return new String(s.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return s;
    }

    /** A value with no declared field (direct_query arguments): by its own JSON type. */
    static void setAny(PreparedStatement ps, int i, JsonNode v) throws SQLException {
        put(ps, i, parameter(null, v));
    }

    static boolean isJson(InputField f) {
        return kind(f.type(), f.list()) == JSON;
    }

    /** Whether values of this type are stored as JSON documents. */
    static boolean isJsonType(String type) {
        return kind(type, false) == JSON;
    }

    /** How a column is read back: {@link #kind} of its field, or {@link #ANY} when it has none. */
    static final int JSON = 0, INT = 1, DECIMAL = 2, BOOL = 3, TEXT = 4, ANY = 5;

    /** How a column of a field of this type is read back. */
    static int kind(String type, boolean list) {
        if (list) {
            return JSON;
        }
        switch (type) {
            case "json":
            case "object":
            case "vector":
            case "image":
            case "video":
            case "audio":
            case "attachment":
            case "file":
                return JSON;
            case "int":
            case "timestamp":
                return INT;
            case "decimal":
                return DECIMAL;
            case "bool":
                return BOOL;
            case "any":
                return ANY;
            default:
                return TEXT;
        }
    }

    /** Reads a column of this {@link #kind} of the row {@code row} stands on back as its XanoScript value. */
    static JsonNode read(Columns row, int column, int kind) throws SQLException {
        switch (kind) {
            case JSON: {
                String s = row.textAt(column);
                if (s == null) {
                    return Values.NULL;
                }
                JsonNode parsed = Json.tryParse(s);
                return parsed == null ? Values.of(s) : parsed;
            }
            // a NULL reads as 0 or false: only then is the driver asked again whether it was NULL
            case INT: {
                long v = row.longAt(column);
                return v == 0 && row.wasNull(column) ? Values.NULL : Values.of(v);
            }
            case DECIMAL: {
                double v = row.doubleAt(column);
                return v == 0 && row.wasNull(column) ? Values.NULL : Values.of(v);
            }
            case BOOL: {
                boolean v = row.boolAt(column);
                return !v && row.wasNull(column) ? Values.NULL : Values.of(v);
            }
            case ANY:
                return row.anyAt(column);
            default: {
                String s = row.textAt(column);
                return s == null ? Values.NULL : Values.of(s);
            }
        }
    }

    /** A column of no declared type (direct_query results, computed values), by what the driver says. */
    static JsonNode any(ResultSet rs, int column) throws SQLException {
        Object o = rs.getObject(column);
        if (o == null) {
            return Values.NULL;
        }
        if (o instanceof Integer || o instanceof Long || o instanceof Short) {
            return Values.of(((Number) o).longValue());
        }
        if (o instanceof java.math.BigDecimal) {
            java.math.BigDecimal d = (java.math.BigDecimal) o;
            return d.scale() <= 0 && d.abs().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                    ? Values.of(d.longValue()) : Values.of(d.doubleValue());
        }
        if (o instanceof Number) {
            return Values.of(((Number) o).doubleValue());
        }
        if (o instanceof Boolean) {
            return Values.of((Boolean) o);
        }
        String type = rs.getMetaData().getColumnTypeName(column);
        String s = o.toString();
        if (type != null && (type.equalsIgnoreCase("jsonb") || type.equalsIgnoreCase("json"))) {
            JsonNode parsed = Json.tryParse(s);
            return parsed == null ? Values.of(s) : parsed;
        }
        return Values.of(s);
    }

    /** How the rows of this result are read, by the table's fields: made once, used for each row. */
    Prepared.Plan plan(ResultSet rs) throws SQLException {
        return new Prepared.Plan(rs.getMetaData(), this, List.of(), List.of());
    }

    /** Hands a sensitive field's value to the run's secrets. */
    void mask(JsonNode v) {
        if (v != null && !v.isNull()) {
            sensitive.accept(v.isTextual() ? v.textValue() : Json.encode(v));
        }
    }
}
