package dev.xsrun.filters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.value.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Dot paths of the path-taking filters (spec 6.0): "address.city", "items.0.sku", or an int index.
 * Reads never fail; writes copy the input first and follow the list rules of spec 4.1.
 */
final class Paths {
    private Paths() {
    }

    static List<String> segments(JsonNode path) {
        if (path.isIntegralNumber()) {
            return List.of(path.asText());
        }
        return Arrays.asList(Values.toText(path).split("\\.", -1));
    }

    /** The value at the path, or Java null when some step is missing. Negative list indexes are keys, so missing. */
    static JsonNode read(JsonNode root, List<String> segs) {
        JsonNode cur = root;
        for (String s : segs) {
            cur = step(cur, s);
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }

    static JsonNode step(JsonNode cur, String seg) {
        if (cur.isObject()) {
            return cur.get(seg);
        }
        if (cur.isArray() && Values.isIntegerText(seg)) {
            long i = Long.parseLong(seg);
            return i >= 0 && i < cur.size() ? cur.get((int) i) : null;
        }
        return null;
    }

    /** A copy of root with value written at the path. */
    static JsonNode write(JsonNode root, List<String> segs, JsonNode value) {
        return writeAt(Values.copy(root), segs, 0, value);
    }

    private static JsonNode writeAt(JsonNode cur, List<String> segs, int i, JsonNode value) {
        if (i == segs.size()) {
            return value;
        }
        String seg = segs.get(i);
        if (cur.isArray()) {
            ArrayNode arr = (ArrayNode) cur;
            if (Values.isIntegerText(seg)) {
                long idx = Long.parseLong(seg);
                if (idx >= 0 && idx < arr.size()) {
                    arr.set((int) idx, writeAt(arr.get((int) idx), segs, i + 1, value));
                    return arr;
                }
                if (idx == arr.size()) {
                    arr.add(writeAt(Values.NULL, segs, i + 1, value));
                    return arr;
                }
            }
            ObjectNode obj = Values.object();
            for (int k = 0; k < arr.size(); k++) {
                obj.set(String.valueOf(k), arr.get(k));
            }
            cur = obj;
        }
        if (cur.isObject()) {
            ObjectNode obj = (ObjectNode) cur;
            JsonNode child = obj.get(seg);
            obj.set(seg, writeAt(child == null ? Values.NULL : child, segs, i + 1, value));
            return obj;
        }
        if (seg.equals("0")) {
            // PHP: $a = null; $a[0] = v gives array(0 => v), which shows as a list
            ArrayNode arr = Values.list();
            arr.add(writeAt(Values.NULL, segs, i + 1, value));
            return arr;
        }
        ObjectNode obj = Values.object();
        obj.set(seg, writeAt(Values.NULL, segs, i + 1, value));
        return obj;
    }

    /** A copy of root without the path; a removed list element closes the gap. */
    static JsonNode remove(JsonNode root, List<String> segs) {
        JsonNode copy = Values.copy(root);
        JsonNode parent = read(copy, segs.subList(0, segs.size() - 1));
        String last = segs.get(segs.size() - 1);
        if (parent != null && parent.isObject()) {
            ((ObjectNode) parent).remove(last);
        } else if (parent != null && parent.isArray() && Values.isIntegerText(last)) {
            long idx = Long.parseLong(last);
            if (idx >= 0 && idx < parent.size()) {
                ((ArrayNode) parent).remove((int) idx);
            }
        }
        return copy;
    }

    /** Every value of a list, or of an object in key order. */
    static List<JsonNode> elements(JsonNode v) {
        List<JsonNode> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(out::add);
        } else if (v.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                out.add(it.next().getValue());
            }
        }
        return out;
    }
}
