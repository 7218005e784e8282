package dev.xsrun.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.ast.Document;
import dev.xsrun.filters.FilterRuntime;
import dev.xsrun.value.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * One function call: its variables (the frame is their {@link Scope}, so compiled code reaches a
 * variable with one load less), its bound input, the element bindings of the higher-order context
 * being evaluated, and the machine running it. Statements of a {@link StatementFamily} see it as
 * their {@link StatementRun}; filters as their {@link FilterRuntime}.
 */
final class Frame extends Scope implements StatementRun, FilterRuntime {
    final Interpreter in;
    /** The running function: its name and declared inputs. */
    private final Document.FunctionDef fn;
    /** The bound $input, or null until first read when the call was bound to slots. */
    private JsonNode input;
    /** The bound values of the declared inputs (Java null: not given) when the call was bound to slots, else null. */
    private final JsonNode[] slots;
    /** util.post_process stacks, run when the function has its result. */
    List<Step.Block> postProcess;
    /** Where {@link Code#evalInt} leaves a value that is not an int. */
    JsonNode other;
    /** The value of the {@code return} that ended the stack ({@link Step#RETURN}). */
    JsonNode returned;
    /** The {@code as $var} slot of the statement-family statement running now, or -1. */
    int resultSlot = -1;
    /** $$, $index, $parent, $result of the innermost higher-order context, or null outside one. */
    Element element;

    /** The element bindings of a higher-order filter or array statement: $$, $index, $parent, $result. */
    static final class Element {
        final JsonNode self;
        final JsonNode index;
        final JsonNode parent;
        final JsonNode result;

        Element(JsonNode self, JsonNode index, JsonNode parent, JsonNode result) {
            this.self = self;
            this.index = index;
            this.parent = parent;
            this.result = result;
        }
    }

    /** A call whose input was bound by name. */
    Frame(Interpreter in, Document.FunctionDef fn, Compiler.Function code, JsonNode input) {
        super(code.names(), code.listsVariables());
        this.in = in;
        this.fn = fn;
        this.input = input;
        this.slots = null;
    }

    /** A call whose input was bound to slots, one per declared input ({@link InputBinder.Slots#bindSlots}). */
    Frame(Interpreter in, Document.FunctionDef fn, Compiler.Function code, JsonNode[] slots) {
        super(code.names(), code.listsVariables());
        this.in = in;
        this.fn = fn;
        this.slots = slots;
    }

    /** {@code $input.name} of the k-th declared input. */
    JsonNode inputField(int k, String name) {
        if (slots != null) {
            JsonNode v = slots[k];
            return v == null ? Values.NULL : v;
        }
        return Values.field(input, name);
    }

    /** Evaluates with $$/$this, $index, $parent and $result bound (Java null leaves one unbound). */
    JsonNode withElement(JsonNode self, JsonNode index, JsonNode parent, JsonNode result, Code body) {
        Element saved = element;
        element = new Element(self == null ? Values.NULL : self, index, parent, result);
        try {
            return body.eval(this);
        } finally {
            element = saved;
        }
    }

    /** Every variable, as {@code $var} and util.get_vars show them. */
    ObjectNode snapshotVariables() {
        ObjectNode o = Values.object();
        forEach(o::set);
        return o;
    }

    // ---- FilterRuntime -------------------------------------------------------------------------

    @Override
    public JsonNode evaluateSource(String expression) {
        return in.compileSource(expression, names).eval(this);
    }

    // ---- StatementRun --------------------------------------------------------------------------

    /** {@code $input}; made from the slots on first read when the call was bound to them. */
    @Override
    public JsonNode input() {
        JsonNode i = input;
        if (i == null) {
            i = InputBinder.object(fn.inputs(), slots);
            input = i;
        }
        return i;
    }

    @Override
    public String function() {
        return fn.name();
    }

    @Override
    public JsonNode call(dev.xsrun.ast.Document.FunctionDef construct, JsonNode input, dev.xsrun.value.SourceSpan at) {
        return in.call(construct, input, at);
    }

    @Override
    public RunContext context() {
        return in.context();
    }

    @Override
    public void setResult(JsonNode value) {
        if (resultSlot >= 0) {
            put(resultSlot, value);
        }
    }

    @Override
    public void run(StatementFamily.Body body) {
        int status = body.block.run(this);
        if (status != Step.NEXT) {
            throw new Step.Unwind(status);
        }
    }

    @Override
    public void checkDeadline() {
        in.checkDeadline(null);
    }

    void addPostProcess(Step.Block body) {
        if (postProcess == null) {
            postProcess = new ArrayList<>();
        }
        postProcess.add(body);
    }
}
