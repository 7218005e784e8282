package dev.xsrun.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Names;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The variables of one function call: an array indexed by the names' numbers ({@link Names}), so a
 * read is one array access, plus the order the variables were created in (for util.get_vars).
 */
class Scope {
    private JsonNode[] values = new JsonNode[Math.max(16, Names.count())];
    private int[] order = new int[8];
    private int size;

    /** The value of a variable by its name's number, or Java null when it was never assigned. */
    JsonNode get(int id) {
        return id < values.length ? values[id] : null;
    }

    JsonNode get(String name) {
        int id = Names.find(name);
        return id < 0 ? null : get(id);
    }

    void put(int id, JsonNode value) {
        if (id >= values.length) {
            values = Arrays.copyOf(values, Math.max(id + 1, values.length * 2));
        }
        if (values[id] == null) {
            if (size == order.length) {
                order = Arrays.copyOf(order, size * 2);
            }
            order[size++] = id;
        }
        values[id] = value;
    }

    void put(String name, JsonNode value) {
        put(Names.id(name), value);
    }

    /** Every variable in creation order. */
    void forEach(BiConsumer<String, JsonNode> action) {
        for (int i = 0; i < size; i++) {
            action.accept(Names.name(order[i]), values[order[i]]);
        }
    }
}
