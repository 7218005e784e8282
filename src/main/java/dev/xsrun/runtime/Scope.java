package dev.xsrun.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The variables of one function call, in insertion order. Variable names coming from the syntax tree
 * are interned, so lookups are a short scan comparing references; other names (templates, $var.x)
 * still match by equality. Functions hold few variables, so this beats hashing on every read.
 */
final class Scope {
    private String[] names = new String[8];
    private JsonNode[] values = new JsonNode[8];
    private int size;

    /** The value of a variable, or Java null when it was never assigned. */
    JsonNode get(String name) {
        String[] ns = names;
        for (int i = 0, n = size; i < n; i++) {
            if (ns[i] == name) {
                return values[i];
            }
        }
        for (int i = 0, n = size; i < n; i++) {
            if (ns[i].equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    void put(String name, JsonNode value) {
        String[] ns = names;
        for (int i = 0, n = size; i < n; i++) {
            if (ns[i] == name) {
                values[i] = value;
                return;
            }
        }
        for (int i = 0, n = size; i < n; i++) {
            if (ns[i].equals(name)) {
                values[i] = value;
                return;
            }
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name.intern();
        values[size] = value;
        size++;
    }

    void forEach(BiConsumer<String, JsonNode> action) {
        for (int i = 0; i < size; i++) {
            action.accept(names[i], values[i]);
        }
    }
}
