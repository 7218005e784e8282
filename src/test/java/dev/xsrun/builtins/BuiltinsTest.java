package dev.xsrun.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xsrun.ast.InputField;
import dev.xsrun.filters.FilterRegistry;
import dev.xsrun.http.HttpOptions;
import dev.xsrun.syntax.XsParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the installed built-ins declare to the command line. */
class BuiltinsTest {
    private final XsParser parser = new XsParser(FilterRegistry.standard().catalog());
    private final List<String> parsed = new ArrayList<>();

    private List<NativeBuiltin> install(HttpOptions http) {
        return Builtins.all(new Builtins.Installation((name, block) -> {
            parsed.add(name);
            return parser.parseInputBlock(name, block);
        }, http));
    }

    @Test
    void segmentDeclaresItsNameInputsEnvironmentAndHooks() {
        List<NativeBuiltin> all = install(HttpOptions.defaults());
        assertEquals(List.of("segment_track_event"), all.stream().map(NativeBuiltin::name).toList());
        NativeBuiltin segment = all.get(0);
        assertEquals(List.of("segment_write_key", "segment_endpoint"), segment.envNames());
        assertTrue(parsed.isEmpty(), "the input block is read when first needed, not at installation");
        List<InputField> inputs = segment.inputs();
        assertEquals(List.of("user_id", "event", "properties", "context", "timestamp"), inputs.stream().map(InputField::name).toList());
        assertSame(inputs, segment.inputs());
        assertEquals(List.of("segment_track_event"), parsed, "read once");
        assertNotNull(segment.batchHook());
        assertTrue(segment.batchHook().answerLaterWindow() > 0);
        assertNotNull(segment.warmUp(name -> null));
    }

    @Test
    void nothingToWarmUpUnderDryRun() {
        assertNull(install(HttpOptions.defaults().withDryRun(true)).get(0).warmUp(name -> null));
    }
}
