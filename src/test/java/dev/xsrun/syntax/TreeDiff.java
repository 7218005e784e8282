package dev.xsrun.syntax;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.SourceSpan;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Structural comparison of syntax trees that ignores where things were written: records component by
 * component except {@link SourceSpan}s, lists element-wise, maps in entry order, JSON values exactly
 * (so 1 and 1.0, or int and long nodes, differ as they would for the interpreter).
 */
final class TreeDiff {
    private TreeDiff() {
    }

    /** Null when the trees are equal, else the path to the first difference and both values there. */
    static String diff(Object a, Object b) {
        return diff(a, b, "");
    }

    private static String diff(Object a, Object b, String path) {
        if (a == null || b == null) {
            return a == b ? null : mismatch(path, a, b);
        }
        if (a instanceof SourceSpan) {
            return null;
        }
        if (a.getClass().isRecord()) {
            if (a.getClass() != b.getClass()) {
                return mismatch(path, a.getClass().getSimpleName(), b.getClass().getSimpleName());
            }
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                if (c.getType() == SourceSpan.class) {
                    continue;
                }
                String d = diff(read(c, a), read(c, b), path + "/" + a.getClass().getSimpleName() + "." + c.getName());
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a instanceof List && b instanceof List) {
            List<?> x = (List<?>) a;
            List<?> y = (List<?>) b;
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                String d = diff(x.get(i), y.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return x.size() == y.size() ? null : mismatch(path + ".size", x.size(), y.size());
        }
        if (a instanceof Map && b instanceof Map) {
            List<Object> xk = new ArrayList<>(((Map<?, ?>) a).keySet());
            List<Object> yk = new ArrayList<>(((Map<?, ?>) b).keySet());
            if (!xk.equals(yk)) {
                return mismatch(path + ".keys", xk, yk);
            }
            for (Object k : xk) {
                String d = diff(((Map<?, ?>) a).get(k), ((Map<?, ?>) b).get(k), path + "{" + k + "}");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a instanceof JsonNode && b instanceof JsonNode) {
            return json((JsonNode) a, (JsonNode) b, path);
        }
        return a.equals(b) ? null : mismatch(path, a, b);
    }

    /** Objects in key order (a value's key order shows in its JSON); scalars by JsonNode.equals, which compares node classes too. */
    private static String json(JsonNode a, JsonNode b, String path) {
        if (a.isObject() && b.isObject()) {
            List<String> xk = new ArrayList<>();
            a.fieldNames().forEachRemaining(xk::add);
            List<String> yk = new ArrayList<>();
            b.fieldNames().forEachRemaining(yk::add);
            if (!xk.equals(yk)) {
                return mismatch(path + ".keys", xk, yk);
            }
            for (String k : xk) {
                String d = json(a.get(k), b.get(k), path + "{" + k + "}");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                String d = json(a.get(i), b.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return a.equals(b) ? null : mismatch(path, a + " (" + a.getClass().getSimpleName() + ")",
                b + " (" + b.getClass().getSimpleName() + ")");
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mismatch(String path, Object a, Object b) {
        return (path.isEmpty() ? "/" : path) + ": " + a + " <> " + b;
    }
}
