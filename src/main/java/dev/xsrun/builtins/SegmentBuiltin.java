package dev.xsrun.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.ast.InputField;
import dev.xsrun.http.HttpOptions;
import dev.xsrun.runtime.Builtin;
import dev.xsrun.runtime.RunContext;
import dev.xsrun.segment.BatchLine;
import java.util.List;

/**
 * {@code segment_track_event} as a function a job can call: binds like XanoScript, runs natively; inside a
 * batch run (a {@link BatchLine} among the run's services) its message joins the run's batches.
 */
public final class SegmentBuiltin implements Builtin {
    private final List<InputField> inputs;
    private final SegmentTrackEvent impl;

    public SegmentBuiltin(List<InputField> inputs, SegmentTrackEvent impl) {
        this.inputs = List.copyOf(inputs);
        this.impl = impl;
    }

    @Override
    public String name() {
        return SegmentTrackEvent.NAME;
    }

    @Override
    public List<InputField> inputs() {
        return inputs;
    }

    @Override
    public JsonNode call(ObjectNode input, RunContext context) {
        HttpOptions options = context.service(HttpOptions.class);
        BatchLine line = context.service(BatchLine.class);
        if (line != null) {
            return impl.callBatched(input, context.env()::get, options == null ? HttpOptions.defaults() : options, line);
        }
        return impl.call(input, context.env()::get, options == null ? HttpOptions.defaults() : options);
    }
}
