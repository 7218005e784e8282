package dev.xsrun.ast;

import java.util.List;

/** The error types a precondition may name, with the HTTP status and code each stands for (spec 7.2). */
public final class ErrorTypes {
    public static final List<String> KNOWN = List.of("standard", "inputerror", "badrequest", "unauthorized",
            "accessdenied", "notfound", "toomanyrequests");

    private ErrorTypes() {
    }

    public static int status(String type) {
        switch (type) {
            case "inputerror":
            case "badrequest":
                return 400;
            case "unauthorized":
                return 401;
            case "accessdenied":
                return 403;
            case "notfound":
                return 404;
            case "toomanyrequests":
                return 429;
            default:
                return 500;
        }
    }

    public static String code(String type) {
        switch (type) {
            case "inputerror":
                return "ERROR_CODE_INPUT_ERROR";
            case "badrequest":
                return "ERROR_CODE_BAD_REQUEST";
            case "unauthorized":
                return "ERROR_CODE_UNAUTHORIZED";
            case "accessdenied":
                return "ERROR_CODE_ACCESS_DENIED";
            case "notfound":
                return "ERROR_CODE_NOT_FOUND";
            case "toomanyrequests":
                return "ERROR_CODE_TOO_MANY_REQUESTS";
            default:
                return "ERROR_FATAL";
        }
    }

    /** The type a program's spelling stands for: unknown spellings count as standard. */
    public static String normalise(String type) {
        return KNOWN.contains(type) ? type : "standard";
    }
}
