package dev.xsrun.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.value.Values;

/**
 * A compiled place a statement reads and writes ({@code $cart.items[0].qty}): a variable's slot and
 * the compiled keys below it. Writing creates what is missing (spec 4.1); lists and objects are
 * changed in place, since a variable owns its value.
 */
final class Place {
    final int id;
    final Code[] keys;

    Place(int id, Code[] keys) {
        this.id = id;
        this.keys = keys;
    }

    /** The current value; NULL when absent. */
    JsonNode read(Frame f) {
        JsonNode v = f.get(id);
        if (v == null) {
            return Values.NULL;
        }
        for (Code key : keys) {
            v = Values.index(v, key.eval(f));
        }
        return v;
    }

    /** The place as an expression. */
    Code reader() {
        return new Code() {
            @Override
            JsonNode eval(Frame f) {
                return read(f);
            }
        };
    }

    void write(Frame f, JsonNode value) {
        if (keys.length == 0) {
            f.put(id, value);
            return;
        }
        JsonNode[] k = new JsonNode[keys.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = keys[i].eval(f);
        }
        store(f, id, k, value);
    }

    /** Sets variable[keys...] = value, creating what is missing. */
    static void store(Frame f, int id, JsonNode[] keys, JsonNode value) {
        JsonNode root = f.get(id);
        JsonNode updated = assign(root, keys, 0, value);
        if (updated != root) {
            f.put(id, updated);
        }
    }

    private static JsonNode assign(JsonNode node, JsonNode[] keys, int i, JsonNode value) {
        JsonNode container = node != null && node.isContainerNode() ? node : Values.object();
        JsonNode key = keys[i];
        if (i == keys.length - 1) {
            return put(container, key, value);
        }
        JsonNode child = container.isObject() ? container.get(key.isTextual() ? key.textValue() : Values.toText(key))
                : listChild(container, key);
        JsonNode newChild = assign(child, keys, i + 1, value);
        if (newChild != child) {
            return put(container, key, newChild);
        }
        return container;
    }

    private static JsonNode listChild(JsonNode list, JsonNode key) {
        long idx = listIndex(list, key);
        return idx >= 0 && idx < list.size() ? list.get((int) idx) : null;
    }

    /** The list position a key names, or -2 when it is not a position (then the list becomes an object). */
    private static long listIndex(JsonNode list, JsonNode key) {
        long idx;
        if (key.isIntegralNumber()) {
            idx = key.longValue();
        } else if (key.isNumber()) {
            idx = (long) key.doubleValue();
        } else if (key.isTextual() && Values.isIntegerText(key.textValue())) {
            idx = Long.parseLong(key.textValue());
        } else {
            return -2;
        }
        if (idx < 0) {
            idx += list.size();
            if (idx < 0) {
                return -2;
            }
        }
        return idx;
    }

    /** Sets container[key] = value; returns the container, or a new object when a list had to become one. */
    private static JsonNode put(JsonNode container, JsonNode key, JsonNode value) {
        if (container.isObject()) {
            ((ObjectNode) container).set(key.isTextual() ? key.textValue() : Values.toText(key), value);
            return container;
        }
        ArrayNode list = (ArrayNode) container;
        long idx = listIndex(list, key);
        if (idx >= 0 && idx < list.size()) {
            list.set((int) idx, value);
            return list;
        }
        if (idx == list.size()) {
            list.add(value);
            return list;
        }
        ObjectNode o = Values.object();
        for (int k = 0; k < list.size(); k++) {
            o.set(String.valueOf(k), list.get(k));
        }
        o.set(Values.toText(key), value);
        return o;
    }
}
