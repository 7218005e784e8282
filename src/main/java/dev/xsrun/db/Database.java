package dev.xsrun.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.ast.Document;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.InputField;
import dev.xsrun.ast.StatementCatalogue;
import dev.xsrun.ast.Stmt;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code db.*} statements of a run, over the tables of its {@code table} documents and one
 * {@link Engine}. The engine is opened, and the tables created or extended, when the first statement
 * runs, so a job that touches no table never opens a database.
 */
public final class Database implements AutoCloseable {
    private final Map<String, TableSchema> tables = new LinkedHashMap<>();
    private final Supplier<Engine> opener;
    private volatile Engine engine;

    public Database(Collection<Document.Table> docs, Supplier<Engine> opener) {
        this(docs, opener, v -> { });
    }

    /** @param sensitive receives the values of {@code sensitive} fields the job reads or writes, to be masked */
    public Database(Collection<Document.Table> docs, Supplier<Engine> opener, java.util.function.Consumer<String> sensitive) {
        for (Document.Table t : docs) {
            tables.put(t.name(), new TableSchema(t, sensitive));
        }
        this.opener = opener;
    }

    public Map<String, TableSchema> tables() {
        return tables;
    }

    /** The engine, opened and migrated on first use. */
    public Engine engine() {
        Engine e = engine;
        if (e != null) {
            return e;
        }
        synchronized (this) {
            if (engine == null) {
                Engine opened = opener.get();
                try {
                    opened.atomically(c -> {
                        Migrations.apply(opened, c, Migrations.plan(opened, c, tables.values()));
                        return null;
                    });
                } catch (RuntimeException ex) {
                    opened.close();
                    throw ex;
                }
                engine = opened;
            }
            return engine;
        }
    }

    /** Each {@code db.query} site's {@link Query.Site}, by the statement itself (not by its equal text). */
    private final Map<Stmt.Invoke, Query.Site> sites = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** The site of a query on table {@code t} (a site whose table is an expression may name another each run). */
    Query.Site site(Stmt.Invoke s, TableSchema t) {
        Query.Site site = sites.get(s);
        if (site == null || !site.on(t)) {
            site = new Query.Site(s, t);
            sites.put(s, site);
        }
        return site;
    }

    /** Whether the table documents' warnings were given to the run; they are given once. */
    private final java.util.concurrent.atomic.AtomicBoolean warned = new java.util.concurrent.atomic.AtomicBoolean();

    /** Runs one {@code db.*} statement; {@link DbStatements} is how a run reaches it. */
    void run(Stmt.Invoke s, Host host) {
        if (!warned.get() && !warned.getAndSet(true)) {
            Migrations.danglingReferences(tables.values()).forEach(host::warn);
        }
        for (String a : StatementCatalogue.notRunLocally(s.name())) {
            if (s.attribute(a) != null) {
                throw XsError.fatal(s.name() + ": `" + a + "` does not run locally yet; xsrun would give a result without it, so it stops here")
                        .at(s.attribute(a).span());
            }
        }
        try {
            JsonNode result = dispatch(s, host);
            if (s.attribute("addon") != null && !s.name().equals("db.query")) {
                result = AddonFields.apply(s, host, result, AddonFields.Shape.RECORD);
            }
            host.result(s, result);
        } catch (XsError e) {
            if (e.span() == null || !e.span().isKnown()) {
                e.at(s.span());
            }
            throw e;
        }
    }

    private JsonNode dispatch(Stmt.Invoke s, Host host) {
        switch (s.name()) {
            case "db.get":
                return get(s, host, false);
            case "db.has":
                return get(s, host, true);
            case "db.query": {
                Query q = new Query(this, s, host);
                JsonNode result = q.run();
                return s.attribute("addon") == null ? result : AddonFields.apply(s, host, result, AddonFields.Shape.of(result, q.paged()));
            }
            case "db.add":
                return add(s, host);
            case "db.edit":
            case "db.patch":
                return edit(s, host);
            case "db.add_or_edit":
                return addOrEdit(s, host);
            case "db.del":
                return del(s, host);
            case "db.truncate":
                return truncate(s, host);
            case "db.transaction":
                return transaction(s, host);
            case "db.bulk.add":
                return bulkAdd(s, host);
            case "db.bulk.update":
            case "db.bulk.patch":
                return bulkUpdate(s, host);
            case "db.bulk.delete":
                return bulkDelete(s, host);
            case "db.direct_query":
                return DirectQuery.run(engine(), attr(s, host, "sql"), attr(s, host, "arg"), attr(s, host, "response_type"));
            case "db.external.postgres.direct_query":
                return DirectQuery.external(attr(s, host, "connection_string"), attr(s, host, "sql"), attr(s, host, "arg"),
                        attr(s, host, "response_type"));
            case "db.schema":
                return schema(s.attribute("table") != null ? table(s, host, "table") : table(s, host));
            default:
                throw XsError.fatal(s.name() + " is not supported by xsrun's local database");
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    static JsonNode attr(Stmt.Invoke s, Host host, String name) {
        Expr e = s.attribute(name);
        return e == null ? Values.NULL : host.eval(e);
    }

    /** The statement's table: its quoted or bare name, checked against the table documents. */
    TableSchema table(Stmt.Invoke s, Host host) {
        String name = null;
        Expr t = s.targetExpr();
        if (t instanceof Expr.Literal && ((Expr.Literal) t).value().isTextual()) {
            name = ((Expr.Literal) t).value().textValue();
        } else if (t instanceof Expr.Variable && ((Expr.Variable) t).kind() == Expr.Variable.Kind.VAR) {
            name = ((Expr.Variable) t).name();
        } else if (s.target() != null) {
            name = s.target().toString();
        } else if (t != null) {
            name = Values.toText(host.eval(t));
        }
        if (name == null) {
            throw XsError.source(s.name() + " needs a table: " + s.name() + " \"name\" { .. }", s.span());
        }
        return table(name, t == null ? s.span() : t.span());
    }

    private TableSchema table(Stmt.Invoke s, Host host, String attribute) {
        return table(Values.toText(attr(s, host, attribute)), s.span());
    }

    public TableSchema table(String name, dev.xsrun.value.SourceSpan at) {
        TableSchema t = tables.get(name);
        if (t == null) {
            throw Errors.unknownTable(name, tables.keySet()).at(at);
        }
        return t;
    }

    /**
     * The record a {@code db.get}, {@code db.has}, {@code db.edit}, {@code db.patch}, {@code db.del} or
     * {@code db.add_or_edit} names: the first (lowest id) whose {@code field_name} (default {@code id})
     * equals {@code field_value}, or, when the statement gives a {@code where} and no field, the first
     * that matches it. {@code condition} is null when no record can match (a null value to edit by).
     */
    private record Key(String condition, List<Object[]> params, InputField field, String which) {
        /** A sub-select of the id of that record. */
        String firstId(TableSchema t) {
            return "(SELECT " + Engine.q("id") + " FROM " + Engine.q(t.name()) + " WHERE " + condition + " ORDER BY " + Engine.q("id") + " LIMIT 1)";
        }
    }

    /** @param nullFindsNull whether a null {@code field_value} finds a record whose field is null (db.get, db.has) */
    private Key key(Stmt.Invoke s, Host host, TableSchema t, boolean nullFindsNull) {
        if (s.attribute("where") != null && s.attribute("field_name") == null && s.attribute("field_value") == null) {
            WhereSql w = new WhereSql(Map.of(t.name(), t), host::eval, engine());
            String cond = w.condition(s.attribute("where"));
            return new Key(cond, w.params, null, "matches the where condition");
        }
        JsonNode n = attr(s, host, "field_name");
        InputField f = t.require(n.isNull() ? "id" : Values.toText(n));
        JsonNode value = attr(s, host, "field_value");
        WhereSql w = new WhereSql(Map.of(), x -> Values.NULL, engine());
        String which = "has " + f.name() + " = " + dev.xsrun.value.Json.encode(value);
        if (value.isNull()) {
            return new Key(nullFindsNull ? Engine.q(f.name()) + " IS NULL" : null, w.params, f, which);
        }
        w.bind(value, f);
        return new Key(Engine.q(f.name()) + " = ?", w.params, f, which);
    }

    private Prepared prepare(Connection c, String sql, List<Object[]> params) throws SQLException {
        return engine().prepare(c, sql).bind(params);
    }

    private static List<Object[]> params(Object... fieldValuePairs) {
        List<Object[]> out = new ArrayList<>();
        for (int i = 0; i < fieldValuePairs.length; i += 2) {
            out.add(new Object[] {fieldValuePairs[i], fieldValuePairs[i + 1]});
        }
        return out;
    }

    // ---- statements --------------------------------------------------------------------------

    private JsonNode get(Stmt.Invoke s, Host host, boolean has) {
        TableSchema t = table(s, host);
        Key k = key(s, host, t, true);
        String sql = "SELECT * FROM " + Engine.q(t.name()) + " WHERE " + k.condition() + " ORDER BY " + Engine.q("id") + " LIMIT 1";
        ArrayNode found = engine().once(c -> prepare(c, sql, k.params()).rows(t));
        return has ? Values.of(found.size() > 0) : found.size() == 0 ? Values.NULL : found.get(0);
    }

    private JsonNode add(Stmt.Invoke s, Host host) {
        TableSchema t = table(s, host);
        ObjectNode row = t.bindNew(attr(s, host, "data"), false);
        // a record no `as` keeps and no addon reads is not made: the row is stored, nothing is read back
        boolean kept = s.as() != null || s.attribute("addon") != null;
        return engine().once(c -> kept ? insert(c, t, row) : store(c, t, row));
    }

    /** Inserts a bound row and gives nothing back. */
    private JsonNode store(Connection c, TableSchema t, ObjectNode row) throws SQLException {
        List<String> names = new ArrayList<>(row.size());
        row.fieldNames().forEachRemaining(names::add);
        bindRow(engine().prepare(c, t.insertSql(names, false)), t, names, row).update();
        return Values.NULL;
    }

    private static Prepared bindRow(Prepared p, TableSchema t, List<String> names, ObjectNode row) throws SQLException {
        int i = 1;
        for (String n : names) {
            p.set(i++, t.field(n), row.get(n));
        }
        return p;
    }

    /** Inserts a bound row and gives the record as stored: made from what was bound when it can be, else read back. */
    private ObjectNode insert(Connection c, TableSchema t, ObjectNode row) throws SQLException {
        List<String> names = new ArrayList<>(row.size());
        row.fieldNames().forEachRemaining(names::add);
        Engine e = engine();
        StoredRow stored = e.storedRow(c, t);
        Prepared p = bindRow(e.prepare(c, t.insertSql(names, stored == null)), t, names, row);
        if (stored == null) {
            return (ObjectNode) p.rows(t).get(0);
        }
        p.update();
        return stored.record(row, e.lastInsertId(c));
    }

    private JsonNode edit(Stmt.Invoke s, Host host) {
        TableSchema t = table(s, host);
        Key k = key(s, host, t, false);
        ObjectNode change = t.bindChange(attr(s, host, "data"));
        return engine().atomically(c -> {
            JsonNode updated = update(c, t, k, change);
            if (updated == null) {
                throw Errors.notFound(t.name(), k.which());
            }
            return updated;
        });
    }

    private JsonNode update(Connection c, TableSchema t, Key k, ObjectNode change) throws SQLException {
        if (k.condition() == null) {
            return null;
        }
        StringBuilder set = new StringBuilder();
        List<Object[]> ps = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = change.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            set.append(set.length() > 0 ? ", " : "").append(Engine.q(e.getKey())).append(" = ?");
            ps.add(new Object[] {t.field(e.getKey()), e.getValue()});
        }
        ps.addAll(k.params());
        String target = k.firstId(t);
        String sql = set.length() == 0
                ? "SELECT * FROM " + Engine.q(t.name()) + " WHERE " + Engine.q("id") + " = " + target
                : "UPDATE " + Engine.q(t.name()) + " SET " + set + " WHERE " + Engine.q("id") + " = " + target + " RETURNING *";
        ArrayNode r = prepare(c, sql, ps).rows(t);
        return r.size() == 0 ? null : r.get(0);
    }

    private JsonNode addOrEdit(Stmt.Invoke s, Host host) {
        TableSchema t = table(s, host);
        Key k = key(s, host, t, false);
        JsonNode value = k.field() == null ? Values.NULL : attr(s, host, "field_value");
        JsonNode data = attr(s, host, "data");
        return engine().atomically(c -> {
            // the look-up and the insert must not interleave with another add_or_edit's
            engine().exclusive(c);
            JsonNode updated = update(c, t, k, t.bindChange(data));
            if (updated != null) {
                return updated;
            }
            ObjectNode given = data.isObject() ? ((ObjectNode) data).deepCopy() : Values.object();
            InputField f = k.field();
            if (f != null && !f.name().equals("id") && !given.has(f.name()) && !value.isNull()) {
                given.set(f.name(), value);
            }
            return insert(c, t, t.bindNew(given, f != null && f.name().equals("id")));
        });
    }

    private JsonNode del(Stmt.Invoke s, Host host) {
        TableSchema t = table(s, host);
        Key k = key(s, host, t, false);
        if (k.condition() == null) {
            return Values.NULL;
        }
        String sql = "DELETE FROM " + Engine.q(t.name()) + " WHERE " + Engine.q("id") + " = " + k.firstId(t);
        engine().once(c -> prepare(c, sql, k.params()).update());
        return Values.NULL;
    }

    private JsonNode truncate(Stmt.Invoke s, Host host) {
        TableSchema t = table(s, host);
        boolean reset = dev.xsrun.value.Operators.truthy(attr(s, host, "reset"));
        engine().atomically(c -> {
            try (java.sql.Statement st = c.createStatement()) {
                for (String sql : engine().truncate(t.name(), reset)) {
                    st.execute(sql);
                }
            }
            return null;
        });
        return Values.NULL;
    }

    private JsonNode transaction(Stmt.Invoke s, Host host) {
        List<Stmt> body = s.clauses().getOrDefault("stack", List.of());
        engine().transaction(() -> host.execute(body));
        return Values.NULL;
    }

    private JsonNode bulkAdd(Stmt.Invoke s, Host host) {
        TableSchema t = table(s, host);
        JsonNode data = attr(s, host, "data");
        boolean allowId = dev.xsrun.value.Operators.truthy(attr(s, host, "allow_id_field"));
        if (!data.isArray()) {
            throw XsError.input("db.bulk.add needs `data` to be a list of records of table `" + t.name() + "`, got " + Values.typeName(data) + ".", null);
        }
        List<ObjectNode> rows = new ArrayList<>(data.size());
        for (JsonNode d : data) {
            rows.add(t.bindNew(d, allowId));
        }
        return Values.of(insertAll(t, rows, allowId));
    }

    /** Inserts validated rows in one transaction, batched; returns how many. */
    long insertAll(TableSchema t, List<ObjectNode> rows, boolean allowId) {
        Engine e = engine();
        return e.atomically(c -> insertRows(e, c, t, rows, allowId));
    }

    /**
     * Inserts validated rows on a connection, batched, in order (ids follow it); with explicit ids the
     * next assigned id then follows the highest. Returns how many.
     */
    static long insertRows(Engine engine, java.sql.Connection c, TableSchema t, List<ObjectNode> rows, boolean allowId)
            throws java.sql.SQLException {
        // a batch runs when the next row names other fields
        Map<String, PreparedStatement> bySet = new HashMap<>();
        PreparedStatement pendingBatch = null;
        try {
            for (ObjectNode row : rows) {
                List<String> names = new ArrayList<>();
                row.fieldNames().forEachRemaining(names::add);
                String key = String.join("\u0000", names);
                PreparedStatement p = bySet.get(key);
                if (p != pendingBatch && pendingBatch != null) {
                    pendingBatch.executeBatch();
                }
                if (p == null) {
                    p = c.prepareStatement(t.insertSql(names, false));
                    bySet.put(key, p);
                }
                int i = 1;
                for (String n : names) {
                    TableSchema.set(p, i++, t.field(n), row.get(n));
                }
                p.addBatch();
                pendingBatch = p;
            }
            if (pendingBatch != null) {
                pendingBatch.executeBatch();
            }
        } finally {
            for (PreparedStatement p : bySet.values()) {
                p.close();
            }
        }
        if (allowId && engine.syncIds(t.name()) != null) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute(engine.syncIds(t.name()));
            }
        }
        return rows.size();
    }

    private JsonNode bulkUpdate(Stmt.Invoke s, Host host) {
        TableSchema t = table(s, host);
        WhereSql w = new WhereSql(Map.of(t.name(), t), host::eval, engine());
        String cond = s.attribute("where") == null ? "1 = 1" : w.condition(s.attribute("where"));
        ObjectNode change = t.bindChange(attr(s, host, "data"));
        if (change.isEmpty()) {
            return Values.of(0);
        }
        StringBuilder set = new StringBuilder();
        List<Object[]> ps = new ArrayList<>();
        change.fields().forEachRemaining(e -> {
            set.append(set.length() > 0 ? ", " : "").append(Engine.q(e.getKey())).append(" = ?");
            ps.add(new Object[] {t.field(e.getKey()), e.getValue()});
        });
        ps.addAll(w.params);
        String sql = "UPDATE " + Engine.q(t.name()) + " SET " + set + " WHERE " + cond;
        return engine().once(c -> Values.of(prepare(c, sql, ps).update()));
    }

    private JsonNode bulkDelete(Stmt.Invoke s, Host host) {
        TableSchema t = table(s, host);
        WhereSql w = new WhereSql(Map.of(t.name(), t), host::eval, engine());
        String cond = s.attribute("where") == null ? "1 = 1" : w.condition(s.attribute("where"));
        String sql = "DELETE FROM " + Engine.q(t.name()) + " WHERE " + cond;
        return engine().once(c -> Values.of(prepare(c, sql, w.params).update()));
    }

    /** {@code db.schema}: the table's fields and indexes as its document declares them. */
    static JsonNode schema(TableSchema t) {
        ObjectNode out = Values.object();
        out.put("name", t.name());
        ArrayNode columns = out.putArray("columns");
        for (InputField f : t.fields().values()) {
            ObjectNode c = columns.addObject();
            c.put("name", f.name());
            c.put("type", f.type());
            c.put("list", f.list());
            c.put("nullable", f.nullable());
            c.put("required", !f.optional() && !f.name().equals("id"));
            c.set("default", f.defaultValue() == null ? Values.NULL : f.defaultValue());
            c.put("sensitive", f.sensitive());
            if (!f.values().isEmpty()) {
                ArrayNode v = c.putArray("values");
                f.values().forEach(v::add);
            }
            String ref = t.document().references().get(f.name());
            if (ref != null) {
                c.put("table", ref);
            }
        }
        ArrayNode indexes = out.putArray("indexes");
        for (Document.TableIndex ix : t.document().indexes()) {
            ObjectNode i = indexes.addObject();
            i.put("type", ix.type());
            ArrayNode fs = i.putArray("field");
            for (int k = 0; k < ix.fields().size(); k++) {
                ObjectNode fo = fs.addObject();
                fo.put("name", ix.fields().get(k));
                if (!ix.ops().get(k).isEmpty()) {
                    fo.put("op", ix.ops().get(k));
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        Engine e = engine;
        if (e != null) {
            e.close();
        }
    }

    static String sqlOf(PreparedStatement ps) {
        return ps.toString();
    }

    static XsError fail(String message) {
        return XsError.fatal(message);
    }
}
