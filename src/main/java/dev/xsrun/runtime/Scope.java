package dev.xsrun.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.xsrun.value.Values;
import dev.xsrun.ast.Names;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The variables of one function call: an array indexed by the names' numbers ({@link Names}), so a
 * read is one array access, plus the order the variables were created in (for util.get_vars). The
 * array starts at the size the compiled function needs and grows only for names it never mentions.
 * An int computed by int arithmetic is kept unboxed, as a {@code long} beside the array
 * ({@link #putInt}); {@link #get} makes it a value when something reads it as one, so only the
 * compiled nodes that take ints ({@code Code.Local}) ever see the difference.
 */
class Scope {
    /** Stands in {@link #values} for a variable whose value is the int in {@link #ints}; never leaves this class's readers. */
    static final JsonNode UNBOXED = new TextNode("(unboxed int)");

    /** Read directly by {@code Code.Local}; everything else reads through {@link #get}. */
    JsonNode[] values;
    long[] ints;
    /** The variables' numbers in creation order; made on the first one (many calls create none). */
    private int[] order;
    private int size;

    Scope(int slots) {
        values = new JsonNode[slots];
    }

    /** The value of a variable by its name's number, or Java null when it was never assigned. */
    final JsonNode get(int id) {
        if (id >= values.length) {
            return null;
        }
        JsonNode v = values[id];
        return v == UNBOXED ? Values.of(ints[id]) : v;
    }

    final JsonNode get(String name) {
        int id = Names.find(name);
        return id < 0 ? null : get(id);
    }

    final void put(int id, JsonNode value) {
        if (id >= values.length || values[id] == null) {
            created(id);
        }
        values[id] = value;
    }

    /** Sets a variable to an int, kept unboxed. */
    final void putInt(int id, long value) {
        if (id >= values.length || values[id] == null) {
            created(id);
        }
        long[] i = ints;
        if (i == null || i.length < values.length) {
            i = ints = i == null ? new long[values.length] : Arrays.copyOf(i, values.length);
        }
        values[id] = UNBOXED;
        i[id] = value;
    }

    /** Makes room for a variable assigned for the first time and notes the order. */
    private void created(int id) {
        if (id >= values.length) {
            values = Arrays.copyOf(values, Math.max(id + 1, values.length * 2));
        }
        if (order == null) {
            order = new int[8];
        } else if (size == order.length) {
            order = Arrays.copyOf(order, size * 2);
        }
        order[size++] = id;
    }

    /** Every variable in creation order. */
    final void forEach(BiConsumer<String, JsonNode> action) {
        for (int i = 0; i < size; i++) {
            action.accept(Names.name(order[i]), get(order[i]));
        }
    }
}
