package dev.xsrun.ast;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every statement name of the language with the shape it takes: what it targets, which attributes
 * and nested clauses it accepts, whether it can take {@code as $var}, and whether a local run can do it.
 */
public final class StatementCatalogue {
    /** What may follow a statement's name. */
    public enum Target {
        /** nothing */
        NONE,
        /** a variable path ($x, $x.a[0]) */
        VARIABLE,
        /** a list: a variable path or a parenthesised expression (array.find, foreach) */
        EXPRESSION,
        /** a function name: a string or a slash path */
        NAME,
        /** anything (statements a local run does not do, kept permissive) */
        ANY
    }

    /** The shape of one statement. {@code attributes} null means any attribute is accepted. */
    public record Shape(String name, Target target, boolean required, Set<String> attributes, Set<String> requiredAttributes,
                        Set<String> clauses, boolean condition, boolean as, boolean local) {
        public boolean acceptsAttribute(String attribute) {
            return attributes == null || attributes.contains(attribute) || COMMON.contains(attribute);
        }
    }

    /** Attributes every statement accepts. */
    public static final Set<String> COMMON = Set.of("description", "disabled", "mock");

    private static final Map<String, Shape> SHAPES = new LinkedHashMap<>();
    private static final List<String> FAMILIES_NOT_LOCAL = List.of("redis.", "storage.", "cloud.", "zip.", "stream.",
            "ai.", "realtime.", "datadog.", "expect.", "webflow.", "schema.");

    static {
        // Variables and control flow (built as dedicated records; listed here for names and messages).
        add("var", Target.VARIABLE, true, List.of("value"), List.of("value"), false);
        add("var.update", Target.VARIABLE, true, List.of("value"), List.of("value"), false);
        control("conditional", Target.NONE, "if", "elseif", "else");
        control("switch", Target.EXPRESSION, "case", "default", "break");
        control("foreach", Target.EXPRESSION, "each");
        control("for", Target.EXPRESSION, "each");
        control("while", Target.EXPRESSION, "each");
        control("try_catch", Target.NONE, "try", "catch", "finally");
        control("group", Target.NONE, "stack");
        add("break", Target.NONE, false, List.of(), List.of(), false);
        add("continue", Target.NONE, false, List.of(), List.of(), false);
        add("remove", Target.NONE, false, List.of(), List.of(), false);
        add("return", Target.NONE, false, List.of("value"), List.of(), false);
        add("precondition", Target.EXPRESSION, true, List.of("error_type", "error", "payload"), List.of(), false);
        add("throw", Target.NONE, false, List.of("name", "value"), List.of("name", "value"), false);
        add("function.run", Target.NAME, true, List.of("input", "runtime_mode", "async"), List.of(), true);
        add("function.call", Target.NAME, true, List.of("input", "runtime_mode", "async"), List.of(), true);

        // `async = true` hands back a request id to `await`; a local run still waits for the answer.
        add("api.request", Target.NONE, false, List.of("url", "method", "params", "headers", "timeout", "follow_location", "async",
                "verify_host", "verify_peer", "ca_certificate", "certificate", "certificate_pass", "private_key",
                "private_key_pass"), List.of("url"), true);
        add("debug.log", Target.NONE, false, List.of("value"), List.of("value"), false);
        add("debug.stop", Target.NONE, false, List.of("value"), List.of(), false);

        add("util.sleep", Target.NONE, false, List.of("value"), List.of("value"), false);
        add("util.get_env", Target.NONE, false, List.of(), List.of(), true);
        add("util.get_all_input", Target.NONE, false, List.of(), List.of(), true);
        add("util.get_input", Target.NONE, false, List.of("encoding"), List.of(), true);
        add("util.get_raw_input", Target.NONE, false, List.of("encoding", "exclude_middleware"), List.of(), true);
        add("util.get_vars", Target.NONE, false, List.of(), List.of(), true);
        add("util.template_engine", Target.NONE, false, List.of("value"), List.of("value"), true);
        add("util.set_header", Target.NONE, false, List.of("value", "duplicates"), List.of("value"), false);
        add("util.geo_distance", Target.NONE, false, List.of("latitude_1", "longitude_1", "latitude_2", "longitude_2"), List.of(), true);
        remote("util.ip_lookup", Target.NONE, false, List.of("value"));
        remote("util.send_email", Target.NONE, false, List.of("service_provider", "api_key", "to", "from", "reply_to",
                "subject", "message", "cc", "bcc", "scheduled_at"));
        SHAPES.put("util.post_process", new Shape("util.post_process", Target.NONE, false, Set.of(), Set.of(), Set.of("stack"), false, false, true));

        for (String op : List.of("math.add", "math.sub", "math.mul", "math.div", "math.mod", "math.bitwise.and",
                "math.bitwise.or", "math.bitwise.xor")) {
            add(op, Target.VARIABLE, true, List.of("value"), List.of("value"), false);
        }
        for (String op : List.of("array.push", "array.unshift", "array.merge")) {
            add(op, Target.VARIABLE, true, List.of("value"), List.of("value"), false);
        }
        for (String op : List.of("array.pop", "array.shift")) {
            add(op, Target.VARIABLE, true, List.of(), List.of(), true);
        }
        for (String op : List.of("array.find", "array.find_index", "array.has", "array.every", "array.filter",
                "array.filter_count", "array.partition")) {
            SHAPES.put(op, new Shape(op, Target.EXPRESSION, true, Set.of(), Set.of(), Set.of(), true, true, true));
        }
        for (String op : List.of("array.map", "array.group_by")) {
            add(op, Target.EXPRESSION, true, List.of("by"), List.of("by"), true);
        }
        for (String op : List.of("array.union", "array.difference", "array.intersection")) {
            add(op, Target.EXPRESSION, true, List.of("value", "by"), List.of("value"), true);
        }
        for (String op : List.of("text.append", "text.prepend", "text.trim", "text.ltrim", "text.rtrim")) {
            add(op, Target.VARIABLE, true, List.of("value"), List.of(), false);
        }
        for (String op : List.of("text.contains", "text.icontains", "text.starts_with", "text.istarts_with",
                "text.ends_with", "text.iends_with")) {
            add(op, Target.VARIABLE, true, List.of("value"), List.of("value"), true);
        }
        for (String op : List.of("object.keys", "object.values", "object.entries")) {
            add(op, Target.NONE, false, List.of("value"), List.of("value"), true);
        }

        add("security.create_uuid", Target.NONE, false, List.of(), List.of(), true);
        add("security.random_number", Target.NONE, false, List.of("min", "max"), List.of(), true);
        add("security.random_bytes", Target.NONE, false, List.of("length"), List.of(), true);
        add("security.create_password", Target.NONE, false, List.of("character_count", "require_lowercase",
                "require_uppercase", "require_digit", "require_symbol", "symbol_whitelist"), List.of(), true);
        add("security.check_password", Target.NONE, false, List.of("text_password", "hash_password"), List.of(), true);
        add("security.encrypt", Target.NONE, false, List.of("data", "algorithm", "key", "iv"), List.of(), true);
        add("security.decrypt", Target.NONE, false, List.of("data", "algorithm", "key", "iv"), List.of(), true);
        add("security.jws_encode", Target.NONE, false, List.of("headers", "claims", "key", "signature_algorithm", "ttl"), List.of(), true);
        add("security.jws_decode", Target.NONE, false, List.of("token", "key", "check_claims", "signature_algorithm", "timeDrift"), List.of(), true);
        add("security.jwe_encode", Target.NONE, false, List.of("headers", "claims", "key", "key_algorithm", "content_algorithm", "ttl"), List.of(), true);
        add("security.jwe_decode", Target.NONE, false, List.of("token", "key", "check_claims", "key_algorithm", "content_algorithm", "timeDrift"), List.of(), true);
        add("security.create_secret_key", Target.NONE, false, List.of("bits", "format"), List.of(), true);
        add("security.create_rsa_key", Target.NONE, false, List.of("bits", "format"), List.of(), true);
        add("security.create_curve_key", Target.NONE, false, List.of("curve", "format"), List.of(), true);
        remote("security.create_auth_token", Target.NONE, false, List.of("table", "id", "extras", "expiration", "dbtable"));
        remote("security.verify_totp", Target.NONE, false, List.of("code", "secret", "window"));
        // Parsing data against a schema given at run time: documented until 2026-04 (schema.md, since removed
        // with no replacement); checked, not run.
        for (String kind : List.of("", ".object", ".array", ".attribute", ".constant", ".enum", ".immutable")) {
            remote("schema.parse" + kind, Target.NONE, false, List.of("data", "schema"));
        }

        // The database statements run on the job's own tables (`table` documents); choosing another data
        // source and the external engines other than PostgreSQL are checked but not run.
        String[] where = {"field_name", "field_value", "where"};
        database("db.get", Target.NAME, true, cat(where, "output", "lock", "addon", "eval", "join"));
        database("db.has", Target.NAME, true, cat(where));
        database("db.query", Target.NAME, true, List.of("where", "sort", "return", "join", "eval", "addon", "output", "order", "paging", "count", "select",
                "additional_where", "override_sort", "search"));
        database("db.add", Target.NAME, true, List.of("data", "output", "addon"));
        database("db.edit", Target.NAME, true, cat(where, "data", "output", "addon"));
        database("db.patch", Target.NAME, true, cat(where, "data", "output", "addon"));
        database("db.add_or_edit", Target.NAME, true, cat(where, "data", "output", "addon"));
        database("db.del", Target.NAME, true, cat(where));
        database("db.truncate", Target.NAME, true, List.of("reset"));
        database("db.bulk.add", Target.NAME, true, List.of("data", "allow_id_field", "items"));
        database("db.bulk.update", Target.NAME, true, List.of("data", "where", "items"));
        database("db.bulk.patch", Target.NAME, true, List.of("data", "where", "items"));
        database("db.bulk.delete", Target.NAME, true, List.of("where", "search"));
        SHAPES.put("db.transaction", new Shape("db.transaction", Target.NONE, false, Set.of("isolation"), Set.of(),
                Set.of("stack"), false, true, true));
        database("db.direct_query", Target.NONE, false, List.of("sql", "arg", "response_type", "parser"));
        for (String engine : List.of("postgres", "mysql", "mssql", "oracle", "snowflake")) {
            List<String> attributes = List.of("sql", "arg", "response_type", "parser", "connection_string");
            if (engine.equals("postgres")) {
                database("db.external." + engine + ".direct_query", Target.NONE, false, attributes);
            } else {
                remote("db.external." + engine + ".direct_query", Target.NONE, false, attributes);
            }
        }
        database("db.schema", Target.NAME, false, List.of("table", "path"));
        remote("db.set_datasource", Target.NONE, false, List.of("name", "value"));

        remote("redis.set", Target.NONE, false, List.of("key", "data", "value", "ttl", "expire"));
        for (String op : List.of("redis.get", "redis.has", "redis.del", "redis.pop", "redis.shift", "redis.count")) {
            remote(op, Target.NONE, false, List.of("key"));
        }
        remote("redis.incr", Target.NONE, false, List.of("key", "by", "ttl"));
        remote("redis.decr", Target.NONE, false, List.of("key", "by", "ttl"));
        remote("redis.push", Target.NONE, false, List.of("key", "value"));
        remote("redis.unshift", Target.NONE, false, List.of("key", "value"));
        remote("redis.range", Target.NONE, false, List.of("key", "start", "stop"));
        remote("redis.remove", Target.NONE, false, List.of("key", "value", "count"));
        remote("redis.keys", Target.NONE, false, List.of("search"));
        remote("redis.ratelimit", Target.NONE, false, List.of("key", "max", "ttl", "error"));
        remote("redis.expire", Target.NONE, false, List.of("key", "ttl", "seconds"));

        for (String op : List.of("storage.create_attachment", "storage.create_image", "storage.create_audio",
                "storage.create_video")) {
            remote(op, Target.NONE, false, List.of("value", "access", "filename"));
        }
        remote("storage.create_file_resource", Target.NONE, false, List.of("filename", "filedata"));
        remote("storage.read_file_resource", Target.NONE, false, List.of("value"));
        remote("storage.delete_file", Target.NONE, false, List.of("pathname"));
        remote("storage.sign_private_url", Target.NONE, false, List.of("pathname", "ttl"));
        remote("storage.append_file", Target.NONE, false, List.of("pathname", "data"));

        String[] s3 = {"bucket", "region", "key", "secret"};
        remote("cloud.aws.s3.upload_file", Target.NONE, false, cat(s3, "file_key", "file", "metadata", "object_lock_mode",
                "object_lock_retain_until", "acl"));
        remote("cloud.aws.s3.read_file", Target.NONE, false, cat(s3, "file_key"));
        remote("cloud.aws.s3.delete_file", Target.NONE, false, cat(s3, "file_key"));
        remote("cloud.aws.s3.get_file_info", Target.NONE, false, cat(s3, "file_key"));
        remote("cloud.aws.s3.sign_url", Target.NONE, false, cat(s3, "file_key", "ttl"));
        remote("cloud.aws.s3.list_directory", Target.NONE, false, cat(s3, "prefix", "next_page_token"));
        String[] azure = {"account_name", "account_key", "container_name"};
        remote("cloud.azure.storage.upload_file", Target.NONE, false, cat(azure, "filePath", "file"));
        remote("cloud.azure.storage.read_file", Target.NONE, false, cat(azure, "filePath"));
        remote("cloud.azure.storage.delete_file", Target.NONE, false, cat(azure, "filePath"));
        remote("cloud.azure.storage.get_file_info", Target.NONE, false, cat(azure, "filePath"));
        remote("cloud.azure.storage.sign_url", Target.NONE, false, cat(azure, "filePath", "path", "ttl"));
        remote("cloud.azure.storage.list_directory", Target.NONE, false, cat(azure, "path"));
        String[] google = {"service_account", "bucket"};
        remote("cloud.google.storage.upload_file", Target.NONE, false, cat(google, "filePath", "file", "metadata"));
        remote("cloud.google.storage.read_file", Target.NONE, false, cat(google, "filePath"));
        remote("cloud.google.storage.delete_file", Target.NONE, false, cat(google, "filePath"));
        remote("cloud.google.storage.get_file_info", Target.NONE, false, cat(google, "filePath"));
        remote("cloud.google.storage.sign_url", Target.NONE, false, cat(google, "filePath", "method", "ttl"));
        remote("cloud.google.storage.list_directory", Target.NONE, false, cat(google, "path"));
        String[] elastic = {"auth_type", "key_id", "access_key", "base_url", "index"};
        remote("cloud.elasticsearch.query", Target.NONE, false, cat(elastic, "return_type", "expression", "size", "from",
                "sort", "included_fields", "payload", "query", "aggregations"));
        remote("cloud.elasticsearch.document", Target.NONE, false, cat(elastic, "method", "doc_id", "doc", "body"));
        remote("cloud.elasticsearch.bulk", Target.NONE, false, cat(elastic, "operations"));
        remote("cloud.elasticsearch.request", Target.NONE, false, cat(elastic, "method", "url", "query", "payload"));
        String[] opensearch = {"auth_type", "key_id", "access_key", "secret_key", "region", "endpoint", "index"};
        remote("cloud.aws.opensearch.query", Target.NONE, false, cat(opensearch, "return_type", "expression", "size",
                "from", "sort", "included_fields", "payload", "query"));
        remote("cloud.aws.opensearch.document", Target.NONE, false, cat(opensearch, "method", "doc_id", "doc", "body"));
        remote("cloud.aws.opensearch.request", Target.NONE, false, cat(opensearch, "method", "url", "query", "payload"));
        String[] algolia = {"application_id", "app_id", "api_key", "index"};
        remote("cloud.algolia.request", Target.NONE, false, cat(algolia, "method", "url", "path", "payload"));
        remote("cloud.algolia.search", Target.NONE, false, cat(algolia, "query", "filters", "facets", "hitsPerPage", "page"));
        remote("cloud.algolia.save_object", Target.NONE, false, cat(algolia, "object"));
        remote("cloud.algolia.save_objects", Target.NONE, false, cat(algolia, "objects"));
        remote("cloud.algolia.delete_object", Target.NONE, false, cat(algolia, "objectID"));
        remote("cloud.algolia.set_settings", Target.NONE, false, cat(algolia, "settings"));

        remote("zip.create_archive", Target.NONE, false, List.of("filename", "password", "password_encryption"));
        remote("zip.add_to_archive", Target.NONE, false, List.of("archive", "files", "file", "filename", "password",
                "password_encryption"));
        remote("zip.delete_from_archive", Target.NONE, false, List.of("archive", "paths", "filename", "password"));
        remote("zip.extract", Target.NONE, false, List.of("archive", "target_path", "password"));
        remote("zip.view_contents", Target.NONE, false, List.of("archive", "password"));

        remote("stream.from_csv", Target.NONE, false, List.of("value", "separator", "delimiter", "enclosure", "escape_char",
                "headers"));
        remote("stream.from_jsonl", Target.NONE, false, List.of("value"));
        remote("stream.from_request", Target.NONE, false, List.of("format", "chunk_size", "separator", "delimiter",
                "enclosure", "escape_char"));
        remote("api.stream", Target.NONE, false, List.of("value", "format", "filename", "headers"));

        remote("ai.agent.run", Target.NAME, true, List.of("args", "allow_tool_execution"));
        String[] mcp = {"server_url", "api_key", "bearer_token", "connection_type", "headers"};
        remote("ai.external.mcp.tool.list", Target.NONE, false, cat(mcp));
        remote("ai.external.mcp.tool.run", Target.NONE, false, cat(mcp, "tool_name", "arguments"));
        remote("ai.external.mcp.server_details", Target.NONE, false, cat(mcp));
        remote("api.lambda", Target.NONE, false, List.of("code", "timeout", "provider", "function_name", "region",
                "access_key", "secret_key", "payload", "invocation_type"));
        remote("api.realtime_event", Target.NONE, false, List.of("channel", "event", "data", "auth_table", "auth_id"));
        remote("realtime.event", Target.NONE, false, List.of("channel", "event", "data", "auth_table", "auth_id"));
        remote("datadog.log", Target.NONE, false, List.of("value", "message", "level", "tags", "service", "api_key"));
        remote("datadog.metric", Target.NONE, false, List.of("value", "name", "tags", "api_key"));
        remote("webflow.request", Target.NONE, false, List.of("method", "url", "payload", "token"));

        // Calls of other constructs (the forms workflow tests use); `verb=` may follow an api.call's path.
        remote("api.call", Target.NAME, true, List.of("api_group", "input", "headers", "url"));
        for (String op : List.of("task.call", "tool.call", "middleware.call", "addon.call", "trigger.call",
                "workflow_test.call", "action.call", "action.package.call")) {
            remote(op, Target.NAME, true, List.of("input"));
        }
        remote("api.microservice", Target.NONE, false, List.of("url", "method", "input", "headers"));
        SHAPES.put("await", new Shape("await", Target.VARIABLE, true, Set.of("ids", "timeout"), Set.of(), Set.of(), false, true, false));

        // Assertions of test blocks and workflow tests: the value under test in parentheses.
        for (String op : List.of("expect.to_be_true", "expect.to_be_false", "expect.to_be_null", "expect.to_not_be_null",
                "expect.to_be_defined", "expect.to_not_be_defined", "expect.to_be_empty", "expect.to_be_in_the_past",
                "expect.to_be_in_the_future")) {
            expect(op, List.of(), List.of());
        }
        for (String op : List.of("expect.to_equal", "expect.to_not_equal", "expect.to_contain", "expect.to_start_with",
                "expect.to_end_with", "expect.to_match", "expect.to_be_greater_than", "expect.to_be_less_than")) {
            expect(op, List.of("value"), List.of("value"));
        }
        expect("expect.to_be_within", List.of("min", "max"), List.of("min", "max"));
        SHAPES.put("expect.to_throw", new Shape("expect.to_throw", Target.NONE, false, Set.of("exception", "value"), Set.of(),
                Set.of("stack"), false, false, false));
    }

    private StatementCatalogue() {
    }

    private static void add(String name, Target target, boolean required, List<String> attributes, List<String> requiredAttributes, boolean as) {
        SHAPES.put(name, new Shape(name, target, required, Set.copyOf(attributes), Set.copyOf(requiredAttributes), Set.of(), false, as, true));
    }

    private static void control(String name, Target target, String... clauses) {
        SHAPES.put(name, new Shape(name, target, target != Target.NONE, Set.of(), Set.of(), Set.of(clauses), false, false, true));
    }

    /** A statement a local run does not do, with its attributes; it may store a result with {@code as}. */
    private static void remote(String name, Target target, boolean required, List<String> attributes) {
        SHAPES.put(name, new Shape(name, target, required, Set.copyOf(attributes), Set.of(), Set.of(), false, true, false));
    }

    /** A database statement a local run does, on the job's tables; it may store a result with {@code as}. */
    private static void database(String name, Target target, boolean required, List<String> attributes) {
        add(name, target, required, attributes, List.of(), true);
    }

    private static void expect(String name, List<String> attributes, List<String> requiredAttributes) {
        SHAPES.put(name, new Shape(name, Target.EXPRESSION, true, Set.copyOf(attributes), Set.copyOf(requiredAttributes),
                Set.of(), false, false, false));
    }

    private static List<String> cat(String[] common, String... own) {
        List<String> all = new java.util.ArrayList<>(List.of(common));
        all.addAll(List.of(own));
        return all;
    }

    /**
     * Methods of a value a statement gave, written {@code $stream.send { ... }}: the stream of
     * {@code api.stream ... as $stream} sends server-sent events and closes. Platform only.
     */
    private static final Map<String, Shape> METHODS = Map.of(
            "send", new Shape("send", Target.NONE, false, Set.of("event", "data"), Set.of(), Set.of(), false, false, false),
            "close", new Shape("close", Target.NONE, false, Set.of(), Set.of(), Set.of(), false, false, false));

    /** The method {@code send} of {@code $stream.send}, or null when there is no such method. */
    public static Shape method(String name) {
        return METHODS.get(name);
    }

    /** Every method name, for suggestions. */
    public static Set<String> methodNames() {
        return new java.util.TreeSet<>(METHODS.keySet());
    }

    /** The shape of a statement ({@code $stream.send}: its method's), or null when the name is not a statement. */
    public static Shape lookup(String name) {
        if (!name.isEmpty() && name.charAt(0) == '$') {
            return METHODS.get(name.substring(name.indexOf('.') + 1));
        }
        return SHAPES.get(name);
    }

    /** True for a name in a family a local run never does (db.*, redis.*, ...); the runtime words its refusal by it. */
    public static boolean isNotLocalFamily(String name) {
        for (String prefix : FAMILIES_NOT_LOCAL) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static volatile CatalogueDocs docs;

    /** The one-line description and example of a statement, or null when none is written yet. */
    public static CatalogueDocs.Doc describe(String name) {
        CatalogueDocs d = docs;
        if (d == null) {
            d = CatalogueDocs.load(StatementCatalogue.class, "statements.tsv");
            docs = d;
        }
        return d.lookup(name);
    }

    /** Every statement that has a description. */
    public static java.util.Map<String, CatalogueDocs.Doc> descriptions() {
        describe("");
        return docs.all();
    }

    /**
     * Attributes Xano's catalogue gives these statements that change their result but that a local run
     * does not do yet: {@code check} warns on them, and a run that meets one stops with an error naming it
     * rather than give a result without it.
     */
    private static final Map<String, List<String>> NOT_RUN_LOCALLY = Map.of(
            "db.query", List.of("output", "order", "count", "additional_where", "override_sort", "search"),
            "db.get", List.of("output", "eval", "join"),
            "db.add", List.of("output"),
            "db.edit", List.of("output"),
            "db.patch", List.of("output"),
            "db.add_or_edit", List.of("output"),
            "db.bulk.add", List.of("items"),
            "db.bulk.update", List.of("items"),
            "db.bulk.patch", List.of("items"),
            "db.bulk.delete", List.of("search"));

    /** The attributes of a statement that a local run does not do (see {@link #NOT_RUN_LOCALLY}). */
    public static List<String> notRunLocally(String statement) {
        return NOT_RUN_LOCALLY.getOrDefault(statement, List.of());
    }

    /** Names other tools use for a statement (SQL words and the like), with the statement meant. */
    private static final Map<String, String> USUAL_NAMES = Map.of("db.insert", "db.add", "db.update", "db.edit",
            "db.delete", "db.del", "db.select", "db.query", "db.find", "db.query", "db.upsert", "db.add_or_edit",
            "db.count", "db.query", "db.exists", "db.has", "redis.delete", "redis.del", "redis.increment", "redis.incr");

    /** The statement meant by a name another tool uses ({@code db.insert} is {@code db.add}), or null. */
    public static String usualName(String name) {
        return USUAL_NAMES.get(name);
    }

    public static Collection<String> names() {
        return Collections.unmodifiableSet(SHAPES.keySet());
    }
}
