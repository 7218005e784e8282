package dev.xsrun.filters;

/** The list of filter families that make up the language's catalogue, registered in one place. */
final class StandardFilters {
    private StandardFilters() {
    }

    static void registerAll(FilterRegistry r) {
    }
}
