package dev.xsrun.filters;

/** The list of filter families that make up the language's catalogue, registered in one place. */
final class StandardFilters {
    private StandardFilters() {
    }

    static void registerAll(FilterRegistry r) {
        TextFilters.register(r);
        ListFilters.register(r);
        ObjectFilters.register(r);
        MathFilters.register(r);
        TypeFilters.register(r);
        ComparisonFilters.register(r);
        EncodingFilters.register(r);
        HashFilters.register(r);
        DateFilters.register(r);
        RegexFilters.register(r);
        HigherOrderFilters.register(r);
        // aliases last: each one must name a registered filter
        Aliases.register(r);
        DbOnlyFilters.register(r);
    }
}
