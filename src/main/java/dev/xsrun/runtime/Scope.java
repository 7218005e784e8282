package dev.xsrun.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Names;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The variables of one function call: an array indexed by the names' numbers ({@link Names}), so a
 * read is one array access, plus the order the variables were created in (for util.get_vars). The
 * array starts at the size the compiled function needs and grows only for names it never mentions.
 */
class Scope {
    private JsonNode[] values;
    private int[] order = new int[8];
    private int size;

    Scope(int slots) {
        values = new JsonNode[slots];
    }

    /** The value of a variable by its name's number, or Java null when it was never assigned. */
    final JsonNode get(int id) {
        return id < values.length ? values[id] : null;
    }

    final JsonNode get(String name) {
        int id = Names.find(name);
        return id < 0 ? null : get(id);
    }

    final void put(int id, JsonNode value) {
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

    /** Every variable in creation order. */
    final void forEach(BiConsumer<String, JsonNode> action) {
        for (int i = 0; i < size; i++) {
            action.accept(Names.name(order[i]), values[order[i]]);
        }
    }
}
