package dev.xsrun.filters;

import com.fasterxml.jackson.databind.JsonNode;

/** The body of one filter. Arguments arrive bound and converted by {@link FilterBinder}. */
@FunctionalInterface
public interface Filter {
    JsonNode apply(FilterCall call);
}
