package dev.xsrun.filters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.value.Values;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PHP array: ordered keys that are ints or strings. Filters that PHP defines on arrays with keys
 * (array_merge, array_merge_recursive, *_assoc, parse_str) work on this model, and the result shows
 * as a list exactly when its keys are 0..n-1 in order, as json_encode would print it.
 */
final class PhpArray {
    final LinkedHashMap<Object, JsonNode> map = new LinkedHashMap<>();
    private long nextIndex;

    static PhpArray from(JsonNode v) {
        PhpArray a = new PhpArray();
        if (v.isArray()) {
            for (JsonNode e : v) {
                a.append(e);
            }
        } else if (v.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                a.put(key(e.getKey()), e.getValue());
            }
        }
        return a;
    }

    /** PHP's key normalisation: decimal integer strings without leading zeros become ints. */
    static Object key(String k) {
        if (Values.isIntegerText(k) && !(k.length() > 1 && (k.startsWith("0") || k.startsWith("-0")))) {
            return Long.parseLong(k);
        }
        return k;
    }

    void put(Object key, JsonNode value) {
        map.put(key, value);
        if (key instanceof Long && (Long) key >= nextIndex) {
            nextIndex = (Long) key + 1;
        }
    }

    void append(JsonNode value) {
        put(nextIndex, value);
    }

    boolean isList() {
        long i = 0;
        for (Object k : map.keySet()) {
            if (!(k instanceof Long) || (Long) k != i) {
                return false;
            }
            i++;
        }
        return true;
    }

    /** The value as XanoScript shows it: a list for keys 0..n-1, else an object. Values are not copied. */
    JsonNode toNode() {
        if (isList()) {
            ArrayNode out = Values.list();
            for (JsonNode v : map.values()) {
                out.add(v);
            }
            return out;
        }
        ObjectNode out = Values.object();
        for (Map.Entry<Object, JsonNode> e : map.entrySet()) {
            out.set(String.valueOf(e.getKey()), e.getValue());
        }
        return out;
    }
}
