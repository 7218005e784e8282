package dev.xsrun.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The root of every error a job can raise: an error value (code, message, name, payload) plus the
 * place in the source where it happened and the process exit code it maps to.
 */
public class XsError extends RuntimeException {
    public static final String FATAL = "ERROR_FATAL";
    public static final String INPUT = "ERROR_CODE_INPUT_ERROR";
    public static final String NOT_FOUND = "ERROR_CODE_NOT_FOUND";

    /** What kind of failure this is, which decides the exit code. */
    public enum Kind {
        /** invalid source or configuration: exit 65 */
        SOURCE(65),
        /** input validation or a missing environment value: exit 65 */
        INPUT(65),
        /** a remote service failed or refused: exit 69 */
        SERVICE(69),
        /** the job raised an error: exit 70 */
        RUNTIME(70),
        /** stopped by --timeout: exit 75 */
        TIMEOUT(75);

        public final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    private final Kind kind;
    private final String code;
    private final String name;
    private final int status;
    private final JsonNode payload;
    private SourceSpan span;

    public XsError(Kind kind, String code, String name, int status, String message, JsonNode payload, SourceSpan span) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.name = name;
        this.status = status;
        this.payload = payload == null ? Values.NULL : payload;
        this.span = span;
    }

    public static XsError fatal(String message) {
        return new XsError(Kind.RUNTIME, FATAL, "standard", 500, message, null, null);
    }

    public static XsError input(String message, String param) {
        ObjectNode payload = Values.object();
        if (param != null) {
            payload.put("param", param);
        }
        return new XsError(Kind.INPUT, INPUT, "inputerror", 400, message, param == null ? null : payload, null);
    }

    public static XsError service(String message) {
        return new XsError(Kind.SERVICE, FATAL, "standard", 500, message, null, null);
    }

    public static XsError source(String message, SourceSpan span) {
        return new XsError(Kind.SOURCE, FATAL, "standard", 500, message, null, span);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public int status() {
        return status;
    }

    public JsonNode payload() {
        return payload;
    }

    public SourceSpan span() {
        return span;
    }

    /** Attaches the position of the statement that raised it, unless a more precise one is known. */
    public XsError at(SourceSpan where) {
        if ((span == null || !span.isKnown()) && where != null) {
            span = where;
        }
        return this;
    }

    /** The object a {@code catch} block sees as {@code $error}. */
    public ObjectNode toErrorValue() {
        ObjectNode o = Values.object();
        o.put("code", code);
        o.put("message", getMessage());
        o.put("name", name);
        o.set("result", payload);
        return o;
    }

    /** The JSON form of an uncaught error: {status, code, message, payload}. */
    public ObjectNode toJson() {
        ObjectNode o = Values.object();
        o.put("status", status);
        o.put("code", code);
        o.put("message", getMessage());
        if (!payload.isNull()) {
            o.set("payload", payload);
        }
        return o;
    }
}
