package dev.xsrun.runtime;

import dev.xsrun.value.Values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The environment a job sees as {@code $env}: the values supplied for it, read as text. A name read
 * with different letter case than supplied falls back to a case-insensitive match, with a warning.
 */
public final class Env {
    private final Map<String, String> values;
    private final List<String> declared;
    private final Consumer<String> warnings;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public Env(Map<String, String> values, List<String> declared, Consumer<String> warnings) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.declared = List.copyOf(declared);
        this.warnings = warnings;
    }

    public static Env empty() {
        return new Env(Map.of(), List.of(), w -> { });
    }

    /** The value of a name as {@code $env.NAME} reads it, or null. */
    public String get(String name) {
        String v = values.get(name);
        if (v != null) {
            if (!declared.contains(name) && warned.add("undeclared:" + name)) {
                warnings.accept("$env." + name + " is used but not declared in the job's env = [...]");
            }
            return v;
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                if (warned.add("case:" + name)) {
                    warnings.accept("$env." + name + " matched `" + e.getKey() + "` only by ignoring letter case");
                }
                return e.getValue();
            }
        }
        return null;
    }

    /** The system names a job can read ($env.$branch ...): all null in a local run but these. */
    public static JsonNode system(String name) {
        switch (name) {
            case "datasource":
                return Values.of("live");
            case "branch":
                return Values.of("v1");
            case "debugger":
                return Values.FALSE;
            default:
                return Values.NULL;
        }
    }

    public JsonNode value(String name) {
        String v = get(name);
        return v == null ? Values.NULL : Values.of(v);
    }

    /** Every supplied value, as {@code util.get_env} returns them. */
    public ObjectNode asObject() {
        ObjectNode o = Values.object();
        values.forEach(o::put);
        return o;
    }

    public Map<String, String> values() {
        return values;
    }

    public List<String> declared() {
        return declared;
    }
}
