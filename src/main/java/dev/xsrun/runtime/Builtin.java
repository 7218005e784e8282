package dev.xsrun.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.ast.InputField;
import java.util.List;

/** A function implemented natively that a job calls like one of its own (unless the job defines the name). */
public interface Builtin {
    String name();

    /** The declared inputs, bound by the same rules as a XanoScript function's. */
    List<InputField> inputs();

    /**
     * The environment names the function reads besides those the job declares: a run takes them from
     * the process environment too when the job calls the built-in (defines no function of its name).
     */
    default List<String> envNames() {
        return List.of();
    }

    /**
     * Runs the function. The input is bound without copies ({@link InputBinder#bindShared}): its objects
     * and lists may be the caller's own, so the function must not change them, and must copy what it
     * keeps or returns unless the caller is known to own them and be done with them.
     */
    JsonNode call(ObjectNode input, RunContext context);
}
