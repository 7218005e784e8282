package dev.xsrun.builtins;

import dev.xsrun.ast.InputField;
import dev.xsrun.http.HttpOptions;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/** The built-ins xsrun installs, each behind {@link NativeBuiltin}. */
public final class Builtins {
    private Builtins() {
    }

    /**
     * What built-ins are given when installed.
     *
     * @param inputBlocks reads a built-in's input block, written in XanoScript, into declarations
     *                    (name, block text); called at most once per built-in, when first needed
     * @param http        how the run sends HTTP
     */
    public record Installation(BiFunction<String, String, List<InputField>> inputBlocks, HttpOptions http) {
        public Installation {
            Objects.requireNonNull(inputBlocks, "inputBlocks");
            Objects.requireNonNull(http, "http");
        }
    }

    /** Every installed built-in, in a fixed order. */
    public static List<NativeBuiltin> all(Installation installation) {
        return List.of(new SegmentBuiltin(installation, new SegmentTrackEvent()));
    }
}
