package dev.xsrun.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A delivered track event: Segment's status and decoded answer, how many sends it took, the
 * messageId used on every one of them, and the message as last sent.
 */
public record TrackResult(int status, JsonNode response, int attempts, String messageId, ObjectNode message) {
}
