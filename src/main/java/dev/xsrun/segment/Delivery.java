package dev.xsrun.segment;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What became of one message handed to a {@link SegmentBatcher}: its id and size as sent, how many
 * requests carried it, the last HTTP status (0 when none came back), Segment's decoded answer, and
 * why it was not delivered (null when it was).
 */
public record Delivery(String messageId, int bytes, int attempts, int status, JsonNode response, String error) {
    public boolean delivered() {
        return error == null;
    }
}
