package dev.xsrun.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * One function call: its variables (the frame is their {@link Scope}, so compiled code reaches a
 * variable with one load less), its bound input, and the interpreter running it.
 */
final class Frame extends Scope {
    final Interpreter in;
    final JsonNode input;
    final String function;
    final List<List<Stmt>> postProcess = new ArrayList<>();
    /** Where {@link Code#evalInt} leaves a value that is not an int. */
    JsonNode other;

    Frame(Interpreter in, String function, JsonNode input) {
        this.in = in;
        this.function = function;
        this.input = input;
    }
}
