package dev.xsrun.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.xsrun.value.Values;
import dev.xsrun.ast.Names;
import java.util.function.BiConsumer;

/**
 * The variables of one function call: an array with one slot per variable the function names (the
 * compiler numbers them, {@link Compiler#slot}), so a read is one array access, plus the order the
 * variables were created in when the function can list them ($var, util.get_vars).
 * An int computed by int arithmetic is kept unboxed, as a {@code long} beside the array
 * ({@link #putInt}); {@link #get} makes it a value when something reads it as one, so only the
 * compiled nodes that take ints ({@code Code.Local}) ever see the difference.
 */
class Scope {
    /** Stands in {@link #values} for a variable whose value is the int in {@link #ints}; never leaves this class's readers. */
    static final JsonNode UNBOXED = new TextNode("(unboxed int)");

    /** Read directly by {@code Code.Local}; everything else reads through {@link #get}. */
    final JsonNode[] values;
    long[] ints;
    /** The name number ({@link Names}) of each slot: the function's {@link Compiler.Function#names}. */
    final int[] names;
    /** Whether the creation order is kept: only when something can list the variables ({@code $var}). */
    private final boolean ordered;
    /** The variables' slots in creation order; made on the first one (many calls create none). */
    private int[] order;
    private int size;

    Scope(int[] names, boolean ordered) {
        values = new JsonNode[names.length];
        this.names = names;
        this.ordered = ordered;
    }

    /** The value of a variable by its slot, or Java null when it was never assigned. */
    final JsonNode get(int id) {
        if (id >= values.length) {
            return null; // a name of a to_expr text that the function never has
        }
        JsonNode v = values[id];
        return v == UNBOXED ? Values.of(ints[id]) : v;
    }

    /** What the slot holds ({@link #UNBOXED} for an unboxed int), or Java null when never assigned; for the classes of hot code. */
    final JsonNode raw(int id) {
        return id < values.length ? values[id] : null;
    }

    /** The unboxed int of a slot, meaningful only when {@link #raw} is {@link #UNBOXED}. */
    final long rawInt(int id) {
        long[] i = ints;
        return i == null || id >= i.length ? 0 : i[id];
    }

    /** The value of a variable by its name (util.template_engine), or Java null when it was never assigned. */
    final JsonNode get(String name) {
        int id = Names.find(name);
        for (int slot = 0; id >= 0 && slot < names.length; slot++) {
            if (names[slot] == id) {
                return get(slot);
            }
        }
        return null;
    }

    /** Sets a variable; only the function's own slots are ever set (a to_expr text only reads). */
    final void put(int id, JsonNode value) {
        if (values[id] == null) {
            created(id);
        }
        values[id] = value;
    }

    /**
     * Sets a variable's raw value for a moment and gives the one it had (Java null: never assigned), to be
     * put back the same way: the variable is not listed as created ({@link StatementFamily.Bound}).
     */
    final JsonNode swap(int id, JsonNode value) {
        JsonNode was = values[id];
        values[id] = value;
        return was;
    }

    /** Sets a variable to an int, kept unboxed. */
    final void putInt(int id, long value) {
        if (values[id] == null) {
            created(id);
        }
        long[] i = ints;
        if (i == null) {
            i = ints = new long[values.length];
        }
        values[id] = UNBOXED;
        i[id] = value;
    }

    /** Notes the order of a variable assigned for the first time, when it is kept. */
    private void created(int id) {
        if (!ordered) {
            return;
        }
        if (order == null) {
            order = new int[values.length];
        }
        order[size++] = id;
    }

    /** Every variable in creation order (in slot order when the order was not kept). */
    final void forEach(BiConsumer<String, JsonNode> action) {
        if (!ordered) {
            for (int slot = 0; slot < values.length; slot++) {
                if (values[slot] != null) {
                    action.accept(Names.name(names[slot]), get(slot));
                }
            }
            return;
        }
        for (int i = 0; i < size; i++) {
            action.accept(Names.name(names[order[i]]), get(order[i]));
        }
    }
}
