package dev.xsrun.filters;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An unevaluated filter argument. Evaluating it binds {@code $$}/{@code $this} to the element,
 * {@code $index}, {@code $parent} and {@code $result}; pass Java null to leave one unbound.
 */
@FunctionalInterface
public interface Lambda {
    JsonNode apply(JsonNode self, JsonNode index, JsonNode parent, JsonNode result);
}
