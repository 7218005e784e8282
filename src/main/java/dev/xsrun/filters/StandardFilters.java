package dev.xsrun.filters;

/** The list of filter families that make up the language's catalogue, registered in one place. */
final class StandardFilters {
    private StandardFilters() {
    }

    /** How many families there are. */
    static final int FAMILIES = 13;

    /**
     * Registers family {@code i} (0 to {@link #FAMILIES} - 1). Families are registered in this order,
     * aliases after every filter they may name.
     */
    static void register(FilterRegistry r, int i) {
        switch (i) {
            case 0: TextFilters.register(r); break;
            case 1: ListFilters.register(r); break;
            case 2: ObjectFilters.register(r); break;
            case 3: MathFilters.register(r); break;
            case 4: TypeFilters.register(r); break;
            case 5: ComparisonFilters.register(r); break;
            case 6: EncodingFilters.register(r); break;
            case 7: HashFilters.register(r); break;
            case 8: DateFilters.register(r); break;
            case 9: RegexFilters.register(r); break;
            case 10: HigherOrderFilters.register(r); break;
            case 11: Aliases.register(r); break;
            case 12: DbOnlyFilters.register(r); break;
            default: throw new IllegalArgumentException("no filter family " + i);
        }
    }
}
