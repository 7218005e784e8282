package dev.xsrun.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Performs one {@code api.request}: evaluated attributes in, the documented result object out. */
@FunctionalInterface
public interface HttpCaller {
    JsonNode request(ObjectNode attributes);
}
