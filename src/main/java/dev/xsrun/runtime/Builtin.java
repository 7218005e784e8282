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

    JsonNode call(ObjectNode input, RunContext context);
}
