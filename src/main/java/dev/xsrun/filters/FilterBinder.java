package dev.xsrun.filters;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;

/** The one place that checks a filter call against its signature and converts its arguments. */
public final class FilterBinder {
    private FilterBinder() {
    }

    /** A message when {@code count} written arguments do not fit the signature, else null. */
    public static String checkArity(FilterSpec spec, int count) {
        int min = spec.requiredCount();
        int max = spec.maxCount();
        if (count < min) {
            FilterSpec.Param missing = spec.params().get(count);
            return "filter `" + spec.name() + "` needs argument `" + missing.name() + "` ("
                    + missing.type().description + ")" + signatureHint(spec);
        }
        if (count > max) {
            return "filter `" + spec.name() + "` takes " + (max == 0 ? "no arguments" : "at most " + max + " argument" + (max == 1 ? "" : "s"))
                    + ", got " + count + " (the extra " + (count - max == 1 ? "one is" : "ones are") + " ignored)" + signatureHint(spec);
        }
        return null;
    }

    /** {@code ; usage: |split:separator}. */
    public static String signatureHint(FilterSpec spec) {
        StringBuilder sb = new StringBuilder("; usage: |").append(spec.name());
        for (FilterSpec.Param p : spec.params()) {
            sb.append(':').append(p.required() ? p.name() : p.name() + "?");
        }
        if (spec.variadic()) {
            sb.append("...");
        }
        return sb.toString();
    }

    /**
     * Converts the written arguments by their declared types and fills defaults. Expression
     * parameters stay unevaluated (their slot holds whatever was passed, usually null).
     */
    public static JsonNode[] bind(FilterSpec spec, JsonNode[] written) {
        if (written.length < spec.requiredCount()) {
            throw XsError.fatal(checkArity(spec, written.length));
        }
        if (written.length > spec.maxCount()) {
            // like the engine, extra arguments are ignored; `check` warns about them
            written = java.util.Arrays.copyOf(written, spec.maxCount());
        }
        int n = Math.max(written.length, spec.params().size());
        JsonNode[] out = new JsonNode[n];
        for (int i = 0; i < n; i++) {
            FilterSpec.Param p = spec.params().get(Math.min(i, spec.params().size() - 1));
            if (i >= written.length) {
                out[i] = p.defaultValue() == null ? Values.NULL : p.defaultValue();
                continue;
            }
            out[i] = convert(spec, p, written[i]);
        }
        return out;
    }

    private static JsonNode convert(FilterSpec spec, FilterSpec.Param p, JsonNode v) {
        if (v == null) {
            return Values.NULL;
        }
        if (v.isNull() && !p.required() && p.type() != ArgType.ANY && p.type() != ArgType.BOOL && p.type() != ArgType.EXPR) {
            // an explicit null for an optional parameter means "not given" (PHP's nullable defaults)
            return p.defaultValue() == null ? Values.NULL : p.defaultValue();
        }
        switch (p.type()) {
            case TEXT:
            case PATH:
                if (v.isContainerNode()) {
                    throw mismatch(spec, p, v);
                }
                return v;
            case NUMBER:
            case INT: {
                JsonNode n = Values.toNumber(v);
                if (n == null) {
                    throw mismatch(spec, p, v);
                }
                return p.type() == ArgType.INT && !n.isIntegralNumber() ? Values.of(Values.toLong(n)) : n;
            }
            case LIST:
                if (v.isNull()) {
                    return Values.list();
                }
                if (!v.isArray()) {
                    throw mismatch(spec, p, v);
                }
                return v;
            case OBJECT:
                if (v.isNull()) {
                    return Values.object();
                }
                if (!v.isObject()) {
                    throw mismatch(spec, p, v);
                }
                return v;
            default:
                return v;
        }
    }

    private static XsError mismatch(FilterSpec spec, FilterSpec.Param p, JsonNode v) {
        return XsError.fatal("filter `" + spec.name() + "`: argument `" + p.name() + "` expected "
                + p.type().description + ", got " + Values.typeName(v));
    }
}
