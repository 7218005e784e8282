package dev.xsrun.filters;

/** Deprecated and engine spellings that mean the same as a current filter (spec 6.12). */
final class Aliases {
    private Aliases() {
    }

    static void register(FilterRegistry r) {
        r.alias("array_diff", "diff");
        r.alias("array_diff_assoc", "diff_assoc");
        r.alias("array_entries", "entries");
        r.alias("array_fill", "fill");
        r.alias("array_fill_keys", "fill_keys");
        r.alias("array_intersect", "intersect");
        r.alias("array_intersect_assoc", "intersect_assoc");
        r.alias("array_keys", "keys");
        r.alias("array_merge", "merge");
        r.alias("array_merge_recursive", "merge_recursive");
        r.alias("array_pop", "pop");
        r.alias("array_push", "push");
        r.alias("array_remove", "remove");
        r.alias("array_shift", "shift");
        r.alias("array_shuffle", "shuffle");
        r.alias("array_slice", "slice");
        r.alias("array_unshift", "unshift");
        r.alias("array_values", "values");
        r.alias("crypto_jwe_decode", "jwe_decode");
        r.alias("crypto_jwe_encode", "jwe_encode");
        r.alias("crypto_jws_decode", "jws_decode");
        r.alias("crypto_jws_encode", "jws_encode");
        r.alias("div", "divide");
        r.alias("empty", "is_empty");
        r.alias("epochms_add_ms", "add_ms_to_timestamp");
        r.alias("epochms_add_secs", "add_secs_to_timestamp");
        r.alias("epochms_date", "format_timestamp");
        r.alias("epochms_from_format", "parse_timestamp");
        r.alias("epochms_transform", "transform_timestamp");
        r.alias("eq", "equals");
        r.alias("fsort", "sort");
        r.alias("gt", "greater_than");
        r.alias("gte", "greater_than_or_equal");
        r.alias("lower", "to_lower");
        r.alias("lt", "less_than");
        r.alias("lte", "less_than_or_equal");
        r.alias("mod", "modulus");
        r.alias("mul", "multiply");
        r.alias("ne", "not_equals");
        r.alias("null", "is_null");
        r.alias("num_max", "max");
        r.alias("num_min", "min");
        r.alias("regex_match", "regex_get_first_match");
        r.alias("regex_match_all", "regex_get_all_matches");
        r.alias("regex_test", "regex_matches");
        r.alias("string_replace", "replace");
        r.alias("stripos", "iindex");
        r.alias("strip_accents", "unaccent");
        r.alias("strip_tags", "strip_html");
        r.alias("strpos", "index");
        r.alias("sub", "subtract");
        r.alias("to_epoch_day", "to_days");
        r.alias("to_epoch_hour", "to_hours");
        r.alias("to_epoch_minute", "to_minutes");
        r.alias("to_epoch_ms", "to_ms");
        r.alias("to_epoch_sec", "to_seconds");
        r.alias("to_epochms", "to_timestamp");
        r.alias("uid", "create_uid");
        r.alias("upper", "to_upper");
        r.alias("uuid4", "uuid");
    }
}
