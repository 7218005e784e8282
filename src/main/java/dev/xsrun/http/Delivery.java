package dev.xsrun.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What became of one message a service client sent over HTTP (with retries, perhaps in batches): its
 * id and size as sent, how many requests carried it, the last HTTP status (0 when none came back), the
 * service's decoded answer, and why it was not delivered (null when it was). Batch mode's report is
 * made of these.
 */
public record Delivery(String messageId, int bytes, int attempts, int status, JsonNode response, String error) {
    public boolean delivered() {
        return error == null;
    }
}
