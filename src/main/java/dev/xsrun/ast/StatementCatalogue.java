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
    private static final List<String> FAMILIES_NOT_LOCAL = List.of("db.", "redis.", "storage.", "cloud.", "zip.", "stream.",
            "ai.", "realtime.", "datadog.", "expect.", "webflow.");

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

        add("api.request", Target.NONE, false, List.of("url", "method", "params", "headers", "timeout", "follow_location",
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
        notLocal("util.ip_lookup");
        notLocal("util.send_email");
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
        notLocal("security.create_auth_token");

        for (String op : List.of("db.get", "db.has", "db.query", "db.add", "db.edit", "db.patch", "db.add_or_edit", "db.del",
                "db.truncate", "db.bulk.add", "db.bulk.patch", "db.bulk.update", "db.bulk.delete", "db.transaction",
                "db.direct_query", "db.external.mssql.direct_query", "db.external.mysql.direct_query",
                "db.external.oracle.direct_query", "db.external.postgres.direct_query",
                "db.external.snowflake.direct_query", "db.schema", "db.set_datasource",
                "redis.get", "redis.set", "redis.has", "redis.del", "redis.incr", "redis.decr", "redis.keys", "redis.push",
                "redis.pop", "redis.shift", "redis.unshift", "redis.range", "redis.count", "redis.remove", "redis.ratelimit",
                "storage.create_attachment", "storage.create_image", "storage.create_audio", "storage.create_video",
                "storage.create_file_resource", "storage.read_file_resource", "storage.delete_file", "storage.sign_private_url",
                "cloud.aws.s3.upload_file", "cloud.aws.s3.read_file", "cloud.aws.s3.delete_file", "cloud.aws.s3.list_directory",
                "cloud.aws.s3.sign_url", "cloud.aws.s3.get_file_info", "cloud.azure.storage.upload_file",
                "cloud.azure.storage.read_file", "cloud.azure.storage.delete_file", "cloud.azure.storage.list_directory",
                "cloud.azure.storage.sign_url", "cloud.azure.storage.get_file_info", "cloud.google.storage.upload_file",
                "cloud.google.storage.read_file", "cloud.google.storage.delete_file", "cloud.google.storage.list_directory",
                "cloud.google.storage.sign_url", "cloud.google.storage.get_file_info", "cloud.elasticsearch.query",
                "cloud.elasticsearch.document", "cloud.aws.opensearch.query", "cloud.aws.opensearch.document",
                "cloud.algolia.request", "cloud.job", "cloud.job.status", "cloud.job.await",
                "zip.create_archive", "zip.add_to_archive", "zip.delete_from_archive", "zip.extract", "zip.view_contents",
                "stream.from_csv", "stream.from_jsonl", "stream.from_request", "api.stream",
                "ai.agent.run", "ai.external.mcp.tool.list", "ai.external.mcp.tool.run", "ai.external.mcp.server_details",
                "api.lambda", "api.call", "api.realtime_event", "api.microservice", "realtime.event", "task.call", "tool.call",
                "middleware.call", "addon.call", "trigger.call", "workflow_test.call", "action.call", "action.package.call",
                "await", "datadog.log", "datadog.metric", "webflow.request", "expect.to_equal", "expect.to_not_equal",
                "expect.to_be_true", "expect.to_be_false", "expect.to_be_null", "expect.to_not_be_null",
                "expect.to_be_defined", "expect.to_not_be_defined", "expect.to_contain", "expect.to_start_with",
                "expect.to_end_with", "expect.to_match", "expect.to_be_greater_than", "expect.to_be_less_than",
                "expect.to_be_within", "expect.to_be_empty", "expect.to_throw", "expect.to_be_in_the_past",
                "expect.to_be_in_the_future")) {
            notLocal(op);
        }
    }

    private StatementCatalogue() {
    }

    private static void add(String name, Target target, boolean required, List<String> attributes, List<String> requiredAttributes, boolean as) {
        SHAPES.put(name, new Shape(name, target, required, Set.copyOf(attributes), Set.copyOf(requiredAttributes), Set.of(), false, as, true));
    }

    private static void control(String name, Target target, String... clauses) {
        SHAPES.put(name, new Shape(name, target, target != Target.NONE, Set.of(), Set.of(), Set.of(clauses), false, false, true));
    }

    private static void notLocal(String name) {
        SHAPES.put(name, new Shape(name, Target.ANY, false, null, Set.of(), null, true, true, false));
    }

    /** The shape of a statement, or null when the name is not a statement. */
    public static Shape lookup(String name) {
        return SHAPES.get(name);
    }

    /** True for names of families a local run never does (db.*, redis.*, ...), even unlisted members. */
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

    public static Collection<String> names() {
        return Collections.unmodifiableSet(SHAPES.keySet());
    }
}
