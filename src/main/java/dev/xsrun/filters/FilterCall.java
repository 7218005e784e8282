package dev.xsrun.filters;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.Operators;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;

/**
 * One application of a filter: the input, the bound arguments (defaults filled, types converted),
 * lazily evaluated expression arguments, and helpers that read the input with uniform messages.
 */
public final class FilterCall {
    private final String name;
    private final JsonNode input;
    private final JsonNode[] args;
    private final int provided;
    private final Lambda[] lambdas;
    private final FilterRuntime runtime;

    public FilterCall(String name, JsonNode input, JsonNode[] args, int provided, Lambda[] lambdas, FilterRuntime runtime) {
        this.name = name;
        this.input = Values.orNull(input);
        this.args = args;
        this.provided = provided;
        this.lambdas = lambdas;
        this.runtime = runtime == null ? FilterRuntime.NONE : runtime;
    }

    /** A call with already evaluated arguments and no expression arguments (tests, internal use). */
    public static FilterCall of(String name, JsonNode input, JsonNode... args) {
        return new FilterCall(name, input, args, args.length, new Lambda[args.length], FilterRuntime.NONE);
    }

    public String name() {
        return name;
    }

    public JsonNode input() {
        return input;
    }

    public FilterRuntime runtime() {
        return runtime;
    }

    /** How many arguments the program wrote. */
    public int provided() {
        return provided;
    }

    public boolean has(int i) {
        return i < provided;
    }

    /** The bound argument i (its default when not written); Values.NULL past the end. */
    public JsonNode arg(int i) {
        return i < args.length && args[i] != null ? args[i] : Values.NULL;
    }

    public String text(int i) {
        return Values.toText(arg(i));
    }

    public long integer(int i) {
        return Values.toLong(arg(i));
    }

    public double number(int i) {
        return Values.toDouble(arg(i));
    }

    public boolean bool(int i) {
        return Operators.truthy(arg(i));
    }

    /** Argument i as an unevaluated expression. */
    public Lambda lambda(int i) {
        if (i >= lambdas.length || lambdas[i] == null) {
            JsonNode constant = arg(i);
            return (self, index, parent, result) -> constant;
        }
        return lambdas[i];
    }

    /** True when argument i was written as an expression that can be evaluated per element. */
    public boolean hasLambda(int i) {
        return i < lambdas.length && lambdas[i] != null;
    }

    // ---- the input, read as a given kind ----------------------------------------------------

    /** The input as text: scalars convert, null is "", arrays and objects are an error. */
    public String inputText() {
        if (input.isContainerNode()) {
            throw unsupported();
        }
        return Values.toText(input);
    }

    /** The input as an array: null is empty, anything else but an array is an error. */
    public JsonNode inputList() {
        if (input.isNull()) {
            return Values.list();
        }
        if (!input.isArray()) {
            throw unsupported();
        }
        return input;
    }

    /** The input as an object: null is empty, anything else but an object is an error. */
    public JsonNode inputObject() {
        if (input.isNull()) {
            return Values.object();
        }
        if (!input.isObject()) {
            throw unsupported();
        }
        return input;
    }

    /** The input as a number: null is 0, numeric text converts, arrays and objects are an error. */
    public JsonNode inputNumber() {
        JsonNode n = Values.toNumber(input);
        if (n == null) {
            throw unsupported();
        }
        return n;
    }

    public XsError unsupported() {
        return error("unsupported value type " + Values.typeName(input));
    }

    /** An error whose message starts with the filter's name. */
    public XsError error(String message) {
        return XsError.fatal(name + ": " + message);
    }
}
