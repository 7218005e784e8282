package dev.xsrun.filters;

import static dev.xsrun.filters.ArgType.ANY;
import static dev.xsrun.filters.FilterSpec.filter;

import dev.xsrun.value.Operators;
import dev.xsrun.value.Values;
import java.util.function.IntPredicate;

/** Comparison and logic filters (spec 6.6): the operators of spec 5.3 written as filters. */
final class ComparisonFilters {
    private ComparisonFilters() {
    }

    static void register(FilterRegistry r) {
        r.register(filter("equals").arg("x", ANY).build(), c -> Values.of(Operators.looseEquals(c.input(), c.arg(0))));
        order(r, "greater_than", d -> d > 0);
        order(r, "greater_than_or_equal", d -> d >= 0);
        order(r, "less_than", d -> d < 0);
        order(r, "less_than_or_equal", d -> d <= 0);
        r.register(filter("not").build(), c -> Values.of(Operators.not(c.input())));
        r.register(filter("not_equals").arg("x", ANY).build(), c -> Values.of(!Operators.looseEquals(c.input(), c.arg(0))));
    }

    private static void order(FilterRegistry r, String name, IntPredicate test) {
        r.register(filter(name).arg("x", ANY).build(), c -> Values.of(test.test(Operators.compare(c.input(), c.arg(0)))));
    }
}
