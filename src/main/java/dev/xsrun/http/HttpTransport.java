package dev.xsrun.http;

/**
 * Sends one request and returns its answer, whatever the status. api.request and the Segment client
 * both send through this, so routes, dry runs and verbose logging apply to both alike.
 */
@FunctionalInterface
public interface HttpTransport {
    HttpReply send(OutgoingRequest request) throws TransportFailure;
}
