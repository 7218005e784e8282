package dev.xsrun.filters;

/**
 * Names valid only inside database queries (spec 6.13) that no expression filter implements; the
 * interpreter reports them as "only valid in a database query" instead of "unknown filter".
 */
final class DbOnlyFilters {
    private DbOnlyFilters() {
    }

    static void register(FilterRegistry r) {
        r.dbOnly("between");
        r.dbOnly("coalesce");
        r.dbOnly("cosine_distance");
        r.dbOnly("cosine_similarity");
        r.dbOnly("count_distinct");
        r.dbOnly("covers");
        r.dbOnly("distance");
        r.dbOnly("includes");
        r.dbOnly("inner_product");
        r.dbOnly("l1_distance_manhattan");
        r.dbOnly("l2_distance_euclidean");
        r.dbOnly("length");
        r.dbOnly("median");
        r.dbOnly("negative_inner_product");
        r.dbOnly("overlaps");
        r.dbOnly("search_rank");
        r.dbOnly("to_distinct_list");
        r.dbOnly("to_distinct_list_asc");
        r.dbOnly("to_distinct_list_desc");
        r.dbOnly("to_list");
        r.dbOnly("to_list_asc");
        r.dbOnly("to_list_desc");
        r.dbOnly("within");
    }
}
