package dev.xsrun.filters;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.Values;
import java.util.ArrayList;
import java.util.List;

/** A filter's declared signature: its name and parameters, read by the one binder that checks calls. */
public record FilterSpec(String name, List<Param> params, boolean variadic) {

    /** One parameter; an optional one has a default (Values.NULL when none is documented). */
    public record Param(String name, ArgType type, boolean required, JsonNode defaultValue) {
    }

    public FilterSpec {
        params = List.copyOf(params);
    }

    public int requiredCount() {
        int n = 0;
        for (Param p : params) {
            if (p.required()) {
                n++;
            }
        }
        return n;
    }

    public int maxCount() {
        return variadic ? Integer.MAX_VALUE : params.size();
    }

    public static Builder filter(String name) {
        return new Builder(name);
    }

    /** Fluent declaration: {@code filter("split").arg("separator", TEXT)}. */
    public static final class Builder {
        private final String name;
        private final List<Param> params = new ArrayList<>();
        private boolean variadic;

        private Builder(String name) {
            this.name = name;
        }

        /** A required parameter. */
        public Builder arg(String param, ArgType type) {
            params.add(new Param(param, type, true, null));
            return this;
        }

        /** An optional parameter with its default. */
        public Builder opt(String param, ArgType type, JsonNode defaultValue) {
            params.add(new Param(param, type, false, defaultValue == null ? Values.NULL : defaultValue));
            return this;
        }

        /** The last parameter may repeat (sprintf). */
        public Builder variadic() {
            this.variadic = true;
            return this;
        }

        public FilterSpec build() {
            return new FilterSpec(name, params, variadic);
        }
    }
}
