package dev.xsrun.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.ast.InputField;
import dev.xsrun.value.Secrets;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder's defaults, and that a context derived with toBuilder keeps every service it does not change. */
class RunContextTest {
    private static final Program EMPTY = new Program(null, Map.of());

    private static Builtin named(String name) {
        return new Builtin() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<InputField> inputs() {
                return List.of();
            }

            @Override
            public JsonNode call(ObjectNode input, RunContext context) {
                return Values.of(name);
            }
        };
    }

    @Test
    void defaultsAreQuietAndSendNothing() {
        RunContext ctx = RunContext.builder(EMPTY).build();
        assertTrue(ctx.builtins().isEmpty());
        assertTrue(ctx.env().values().isEmpty());
        assertEquals(Limits.defaults(), ctx.limits());
        XsError e = assertThrows(XsError.class, () -> ctx.http().request(Values.object()));
        assertTrue(e.getMessage().startsWith("api.request: "), e.getMessage());
        assertThrows(XsError.class, () -> ctx.expressionParser().apply("1 + 1"));
        ctx.debugLog().accept("dropped");
        assertEquals("a-secret-value", ctx.secrets().mask("a-secret-value"));
    }

    @Test
    void toBuilderKeepsWhatItDoesNotChange() {
        Secrets secrets = new Secrets();
        List<String> logged = new ArrayList<>();
        Builtin a = named("alpha");
        RunContext first = RunContext.builder(EMPTY).builtin(a).secrets(secrets).debugLog(logged::add)
                .limits(new Limits(5, 6, 7, Long.MAX_VALUE)).build();
        Builtin b = named("alpha");
        RunContext second = first.toBuilder().builtin(b).builtin(named("beta")).build();
        assertSame(a, first.builtins().get("alpha"));
        assertSame(b, second.builtins().get("alpha"), "a built-in of the same name replaces the first");
        assertEquals(2, second.builtins().size());
        assertSame(secrets, second.secrets());
        assertSame(first.debugLog(), second.debugLog());
        assertSame(first.limits(), second.limits());
        assertSame(first.env(), second.env());
        assertSame(first.http(), second.http());
        assertSame(first.filters(), second.filters());
        assertSame(first.clock(), second.clock());
        assertSame(first.expressionParser(), second.expressionParser());
        assertSame(first.warnings(), second.warnings());
        assertSame(first.program(), second.program());
    }
}
