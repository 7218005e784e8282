package dev.xsrun.filters;

import com.fasterxml.jackson.databind.JsonNode;

/** What a filter may ask of the running interpreter. */
public interface FilterRuntime {
    /** Parses text as a XanoScript expression and evaluates it in the current scope ({@code to_expr}). */
    JsonNode evaluateSource(String expression);

    /** A filter nobody should be able to call in a local run. */
    FilterRuntime NONE = expression -> {
        throw dev.xsrun.value.XsError.fatal("to_expr is not available here");
    };
}
