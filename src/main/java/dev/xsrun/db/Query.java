package dev.xsrun.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.InputField;
import dev.xsrun.ast.Stmt;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code db.query}: its table and joins, {@code where}, {@code eval}, {@code sort} and
 * {@code return} (list, paged list, single, count, exists), as one SQL statement with bound values.
 */
final class Query {
    private final Database db;
    private final Stmt.Invoke s;
    private final Host host;
    private final TableSchema table;
    /** The tables the query reads, by alias, and its translation: made when a site has no text to reuse. */
    private Map<String, TableSchema> scope;
    private WhereSql sql;
    private final List<String> evalNames = new ArrayList<>();
    private final List<InputField> evalTypes = new ArrayList<>();

    /** The values a where's {@link WherePlan} evaluated this run; the translation reads them from here. */
    private final Map<Expr, JsonNode> evaluated = WherePlan.values();

    Query(Database db, Stmt.Invoke s, Host host) {
        this.db = db;
        this.s = s;
        this.host = host;
        this.table = db.table(s, host);
        // the database is opened (and its tables made) before any value of the query is evaluated, as
        // when the translation was made here; a kept site then makes none (see run)
        db.engine();
    }

    /**
     * What one {@code db.query} site keeps between its runs: its where's plan (null: it has none) and the
     * SQL text of each shape of its values it has run with. Only a query without joins, evals and paging
     * keeps texts: its text is then all in its where's shape, its return type and its sort.
     */
    static final class Site {
        private static final int MOST = 64;
        private final TableSchema table;
        private final WherePlan plan;
        /** The site's {@code return} when it is written with constants only (most are): read once, never evaluated again. */
        private final JsonNode fixedReturn;
        private final java.util.concurrent.ConcurrentHashMap<Key, String> texts = new java.util.concurrent.ConcurrentHashMap<>();

        Site(Stmt.Invoke s, TableSchema table) {
            this.table = table;
            boolean plain = s.attribute("join") == null && s.attribute("eval") == null && s.attribute("paging") == null;
            plan = plain ? WherePlan.of(s.attribute("where"), Map.of(table.name(), table)) : null;
            fixedReturn = s.attribute("return") == null ? null : constant(s.attribute("return"));
        }

        /** The value of an expression made of literals, objects and lists of them only; null for any other. */
        private static JsonNode constant(Expr e) {
            if (e instanceof Expr.Literal l) {
                return l.value();
            }
            if (e instanceof Expr.ObjectLiteral o) {
                ObjectNode out = Values.object();
                for (Expr.Entry entry : o.entries()) {
                    JsonNode v = entry.key() == null || entry.computedKey() != null || entry.spread() ? null : constant(entry.value());
                    if (v == null) {
                        return null;
                    }
                    out.set(entry.key(), v);
                }
                return out;
            }
            if (e instanceof Expr.ArrayLiteral a) {
                ArrayNode out = Values.list();
                for (Expr.Element el : a.elements()) {
                    JsonNode v = el.spread() ? null : constant(el.value());
                    if (v == null) {
                        return null;
                    }
                    out.add(v);
                }
                return out;
            }
            return null;
        }

        /** Whether this site's plan and texts are for table {@code t}. */
        boolean on(TableSchema t) {
            return t == table;
        }

        private void remember(Key key, String text) {
            if (texts.size() >= MOST) {
                texts.clear(); // a site whose shapes keep changing (lists of many lengths) starts over
            }
            // the key keeps its own copy of the sort: the job may change the object it evaluated
            texts.put(new Key(key.codes(), key.type(), key.sort().deepCopy()), text);
        }
    }

    /** A text's key at its site: the shape of the where, the return type and the sort asked for. */
    private record Key(int[] codes, String type, JsonNode sort) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Arrays.equals(codes, k.codes) && type.equals(k.type) && sort.equals(k.sort);
        }

        @Override
        public int hashCode() {
            return (java.util.Arrays.hashCode(codes) * 31 + type.hashCode()) * 31 + sort.hashCode();
        }
    }

    JsonNode run() {
        Site site = db.site(s, table);
        JsonNode ret = site.fixedReturn != null ? site.fixedReturn : Database.attr(s, host, "return");
        String type = ret.isObject() && ret.hasNonNull("type") ? Values.toText(ret.get("type")) : "list";
        boolean stream = type.equals("stream");
        if (stream) {
            // a stream is read by foreach or api.stream, record after record: a local run hands over the list
            type = "list";
        }
        WherePlan.Shape shape = site.plan == null || ret.path("paging").isObject() || !KEPT.contains(type)
                ? null : site.plan.shape(host::eval, evaluated);
        Key key = null;
        if (shape != null) {
            givenSort = Database.attr(s, host, "sort");
            key = new Key(shape.codes(), type, givenSort);
            String text = site.texts.get(key);
            if (text != null) {
                return fetch(type, text, shape.params);
            }
        }
        scope = new LinkedHashMap<>();
        scope.put(table.name(), table);
        sql = new WhereSql(scope, e -> evaluated.containsKey(e) ? evaluated.get(e) : host.eval(e), db.engine());
        registerJoins();
        StringBuilder select = new StringBuilder("SELECT ").append(Engine.q(table.name())).append(".*");
        if (type.equals("list") || type.equals("single")) {
            evals(select);
        }
        evalParams = sql.params.size();
        StringBuilder from = new StringBuilder(" FROM ").append(Engine.q(table.name()));
        joins(from);
        String where = s.attribute("where") == null ? "" : " WHERE " + sql.condition(s.attribute("where"));
        String order = order();
        JsonNode paging = ret.path("paging");
        // the older form (run.md of earlier revisions): `paging = {page, per_page}` beside `where`, whose
        // result the docs use as the list itself; `metadata: true` asks for the paging object instead
        boolean older = s.attribute("paging") != null;
        if (older) {
            if (paging.isObject()) {
                throw XsError.source("`paging` is given twice: write it once, in `return = {type: \"list\", paging: {..}}`",
                        s.attribute("paging").span());
            }
            paging = Database.attr(s, host, "paging");
            if (!paging.isObject()) {
                throw XsError.source("`paging` must be an object such as {page: 1, per_page: 25}", s.attribute("paging").span());
            }
        }
        String text;
        switch (type) {
            case "count":
                text = "SELECT COUNT(*)" + from + where;
                break;
            case "exists":
                text = "SELECT 1" + from + where + " LIMIT 1";
                break;
            case "single":
                text = select + "" + from + where + order + " LIMIT 1";
                break;
            case "list":
                text = select + "" + from + where + order;
                break;
            default:
                throw XsError.source("unknown return type `" + type + "`; expected list, single, count, exists or stream", s.attribute("return").span());
        }
        if (!type.equals("list") || !paging.isObject() || stream) {
            List<Object[]> params = type.equals("count") || type.equals("exists") ? sql.params.subList(evalParams, sql.params.size()) : sql.params;
            if (key != null && same(shape.params, params)) {
                site.remember(key, text);
            }
            return fetch(type, text, params);
        }
        long perPage = Math.max(1, Values.toLong(paging.path("per_page").isMissingNode() ? Values.of(25) : paging.get("per_page")));
        long page = Math.max(1, paging.hasNonNull("page") ? Values.toLong(paging.get("page")) : 1);
        long offset = (page - 1) * perPage;
        boolean totals = dev.xsrun.value.Operators.truthy(paging.path("totals"));
        ArrayNode rows = list(select + "" + from + where + order + " LIMIT " + (perPage + 1) + " OFFSET " + offset, sql.params);
        boolean more = rows.size() > perPage;
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (paging.has("metadata") ? !dev.xsrun.value.Operators.truthy(paging.get("metadata")) : older) {
            return rows;
        }
        ObjectNode out = Values.object();
        out.put("itemsReceived", rows.size());
        out.put("curPage", page);
        out.set("nextPage", more ? Values.of(page + 1) : Values.NULL);
        out.set("prevPage", page > 1 ? Values.of(page - 1) : Values.NULL);
        out.put("offset", offset);
        out.put("perPage", perPage);
        if (totals) {
            long total = fetch("count", "SELECT COUNT(*)" + from + where, sql.params.subList(evalParams, sql.params.size())).longValue();
            out.put("itemsTotal", total);
            out.put("pageTotal", (total + perPage - 1) / perPage);
        }
        out.set("items", rows);
        paged = true;
        return out;
    }

    /** Whether {@link #run} gave a paging result (its records under {@code items}). */
    private boolean paged;

    boolean paged() {
        return paged;
    }

    private int evalParams;
    private final List<String[]> pending = new ArrayList<>();
    private final List<Expr> conditions = new ArrayList<>();

    private void registerJoins() {
        Expr join = s.attribute("join");
        if (join == null) {
            return;
        }
        if (!(join instanceof Expr.ObjectLiteral)) {
            throw XsError.source("`join` is an object: {alias: {table: \"name\", where: $db.a.x == $db.alias.y}}", join.span());
        }
        for (Expr.Entry e : ((Expr.ObjectLiteral) join).entries()) {
            if (e.key() == null || !(e.value() instanceof Expr.ObjectLiteral)) {
                throw XsError.source("each join is `alias: {table: \"name\", type: \"inner\", where: ...}`", join.span());
            }
            String tableName = e.key();
            String kind = "inner";
            Expr where = null;
            for (Expr.Entry p : ((Expr.ObjectLiteral) e.value()).entries()) {
                if ("table".equals(p.key())) {
                    tableName = Values.toText(host.eval(p.value()));
                } else if ("type".equals(p.key())) {
                    kind = Values.toText(host.eval(p.value()));
                } else if ("where".equals(p.key())) {
                    where = p.value();
                }
            }
            scope.put(e.key(), db.table(tableName, e.value().span()));
            if (!kind.equals("inner") && !kind.equals("left") && !kind.equals("right")) {
                throw XsError.source("join type `" + kind + "` is not one of inner, left, right", e.value().span());
            }
            pending.add(new String[] {e.key(), tableName, kind});
            conditions.add(where);
        }
    }

    private void joins(StringBuilder from) {
        for (int i = 0; i < pending.size(); i++) {
            String[] j = pending.get(i);
            String on = conditions.get(i) == null ? "1 = 1" : sql.condition(conditions.get(i));
            from.append(' ').append(j[2].toUpperCase(java.util.Locale.ROOT)).append(" JOIN ").append(Engine.q(j[1]))
                    .append(" AS ").append(Engine.q(j[0])).append(" ON ").append(on);
        }
    }

    private void evals(StringBuilder select) {
        Expr eval = s.attribute("eval");
        if (eval == null) {
            return;
        }
        if (!(eval instanceof Expr.ObjectLiteral)) {
            throw XsError.source("`eval` is an object: {name: $db.table.field}", eval.span());
        }
        for (Expr.Entry e : ((Expr.ObjectLiteral) eval).entries()) {
            if (e.value() instanceof Expr.DbFilterCall f && f.name().equals(Expr.DbFilterCall.ADDON)) {
                addonEval(select, e.key(), f);
                continue;
            }
            WhereSql.Term t = sql.value(e.value());
            select.append(", ").append(t.sql()).append(" AS ").append(Engine.q(e.key()));
            evalNames.add(e.key());
            // SQLite has no bool: a condition comes back as 1 or 0 unless it is read as one
            evalTypes.add(t.field() == null && WhereSql.isCondition(e.value()) ? bool(e) : t.field());
        }
    }

    /** The query's {@code dbAddonAttr(..)} eval fields, or null when it has none. */
    private AddonEvals addonEvals;

    /**
     * {@code name: dbAddonAttr("addon", {k: $db.t.f, ..})}: the field is selected as null, in its place, and
     * each input value that reads the row as a column of its own; {@link AddonEvals#fill} then runs the
     * addon per row.
     */
    private void addonEval(StringBuilder select, String name, Expr.DbFilterCall call) {
        if (addonEvals == null) {
            addonEvals = new AddonEvals(host);
        }
        select.append(", NULL AS ").append(Engine.q(name));
        evalNames.add(name);
        evalTypes.add(null);
        AddonEvals.Field field = addonEvals.add(name, call);
        for (Map.Entry<String, Expr> in : field.columns().entrySet()) {
            WhereSql.Term t = sql.value(in.getValue());
            select.append(", ").append(t.sql()).append(" AS ").append(Engine.q(in.getKey()));
            evalNames.add(in.getKey());
            evalTypes.add(t.field());
        }
    }

    private static InputField bool(Expr.Entry e) {
        return new InputField("bool", e.key(), false, -1, -1, true, true, null, List.of(), "", false, List.of(), List.of(),
                e.value().span());
    }

    /** The sort, when it was evaluated before the query was translated (for the site's key). */
    private JsonNode givenSort;

    private String order() {
        JsonNode sort = givenSort != null ? givenSort : Database.attr(s, host, "sort");
        if (!sort.isObject() || sort.isEmpty()) {
            return " ORDER BY " + Engine.q(table.name()) + "." + Engine.q("id");
        }
        StringBuilder out = new StringBuilder(" ORDER BY ");
        Iterator<Map.Entry<String, JsonNode>> it = sort.fields();
        boolean first = true;
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String dir = Values.toText(e.getValue()).toLowerCase(java.util.Locale.ROOT);
            out.append(first ? "" : ", ");
            first = false;
            if (dir.equals("rand") || dir.equals("random")) {
                out.append(db.engine().random());
                continue;
            }
            if (!dir.equals("asc") && !dir.equals("desc")) {
                throw XsError.source("sort direction `" + dir + "` is not asc, desc or rand", s.attribute("sort").span());
            }
            out.append(sortKey(e.getKey())).append(dir.equals("asc") ? " ASC" : " DESC");
        }
        return out.toString();
    }

    private String sortKey(String key) {
        if (addonEvals != null && addonEvals.names().contains(key)) {
            throw XsError.source("cannot sort by `" + key + "`: it is an addon's value, computed after the query", s.attribute("sort").span());
        }
        if (evalNames.contains(key)) {
            return Engine.q(key);
        }
        String alias = table.name();
        String field = key;
        int dot = key.indexOf('.');
        if (dot > 0 && scope.containsKey(key.substring(0, dot))) {
            alias = key.substring(0, dot);
            field = key.substring(dot + 1);
        }
        TableSchema t = scope.get(alias);
        if (t.field(field) == null) {
            throw XsError.source("cannot sort by `" + key + "`: unknown field of table `" + t.name() + "`"
                    + dev.xsrun.diag.Suggestions.hint(field, t.fields().keySet()), s.attribute("sort").span());
        }
        return Engine.q(alias) + "." + Engine.q(field);
    }

    /** The return types whose text a site keeps (a paged list's is not kept). */
    private static final java.util.Set<String> KEPT = java.util.Set.of("list", "single", "count", "exists");

    /** Runs a query's text with its parameters and gives its result as {@code type} asks. */
    private JsonNode fetch(String type, String text, List<Object[]> params) {
        switch (type) {
            case "count":
                return db.engine().once(c -> {
                    try (ResultSet rs = db.engine().prepare(c, text).bind(params).statement().executeQuery()) {
                        rs.next();
                        return Values.of(rs.getLong(1));
                    }
                });
            case "exists":
                return db.engine().once(c -> {
                    try (ResultSet rs = db.engine().prepare(c, text).bind(params).statement().executeQuery()) {
                        return Values.of(rs.next());
                    }
                });
            case "single": {
                ArrayNode r = list(text, params);
                return r.size() == 0 ? Values.NULL : r.get(0);
            }
            default:
                return list(text, params);
        }
    }

    /**
     * Whether a site's shape gave the parameters the translation gave: the text is kept only then (a
     * where whose text depended on its values in a way {@link WherePlan} missed would not be reused).
     */
    private static boolean same(List<Object[]> shaped, List<Object[]> translated) {
        if (shaped.size() != translated.size()) {
            return false;
        }
        for (int i = 0; i < shaped.size(); i++) {
            Object[] a = shaped.get(i);
            Object[] b = translated.get(i);
            if (a[0] != b[0] || !java.util.Objects.equals(a[1], b[1])) {
                return false;
            }
        }
        return true;
    }

    private ArrayNode list(String text, List<Object[]> params) {
        ArrayNode rows = db.engine().once(c -> db.engine().prepare(c, text).bind(params).rows(table, evalNames, evalTypes));
        return selected(addonEvals == null ? rows : addonEvals.fill(rows));
    }

    /** {@code select = ["id", "name"]}: each record keeps only those fields (of the table or its evals), in that order. */
    private ArrayNode selected(ArrayNode rows) {
        Expr at = s.attribute("select");
        if (at == null) {
            return rows;
        }
        JsonNode names = Database.attr(s, host, "select");
        if (!names.isArray()) {
            throw XsError.source("`select` must be a list of field names, got " + Values.typeName(names), at.span());
        }
        List<String> keep = new ArrayList<>();
        for (JsonNode n : names) {
            String name = Values.toText(n);
            if (table.field(name) == null && !evalNames.contains(name)) {
                throw XsError.source("`select` names `" + name + "`, which is no field of table `" + table.name() + "` nor an eval"
                        + dev.xsrun.diag.Suggestions.hint(name, table.fields().keySet()), at.span());
            }
            keep.add(name);
        }
        ArrayNode out = Values.list();
        for (JsonNode row : rows) {
            ObjectNode r = Values.object();
            keep.forEach(k -> r.set(k, row.path(k).isMissingNode() ? Values.NULL : row.get(k)));
            out.add(r);
        }
        return out;
    }
}
