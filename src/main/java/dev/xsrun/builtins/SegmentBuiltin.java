package dev.xsrun.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.ast.InputField;
import dev.xsrun.http.HttpOptions;
import dev.xsrun.http.JdkTransport;
import dev.xsrun.http.Route;
import dev.xsrun.runtime.Builtin;
import dev.xsrun.runtime.RunContext;
import dev.xsrun.segment.SegmentClient;
import java.util.List;
import java.util.function.Function;

/**
 * {@code segment_track_event} as a function a job can call: binds like XanoScript, runs natively; in
 * batch mode ({@link SegmentBatchHook}) its messages join the batch run's shared batches.
 */
public final class SegmentBuiltin implements NativeBuiltin {
    private final Builtins.Installation installation;
    private final SegmentTrackEvent impl;
    private volatile List<InputField> inputs;

    public SegmentBuiltin(Builtins.Installation installation, SegmentTrackEvent impl) {
        this.installation = installation;
        this.impl = impl;
    }

    @Override
    public String name() {
        return SegmentTrackEvent.NAME;
    }

    @Override
    public List<InputField> inputs() {
        List<InputField> in = inputs;
        if (in == null) {
            // read on first use: a run that never calls the built-in does not parse its block
            in = List.copyOf(installation.inputBlocks().apply(SegmentTrackEvent.NAME, SegmentTrackEvent.INPUT_DECLARATION));
            inputs = in;
        }
        return in;
    }

    @Override
    public List<String> envNames() {
        return List.of(SegmentTrackEvent.WRITE_KEY_ENV, SegmentTrackEvent.ENDPOINT_ENV);
    }

    @Override
    public JsonNode call(ObjectNode input, RunContext context) {
        return impl.call(input, context.env()::get, installation.http(), context.secrets());
    }

    /** Builds the client for the (routed) endpoint, which for https reads the trust store. */
    @Override
    public Runnable warmUp(Function<String, String> env) {
        HttpOptions http = installation.http();
        if (http.dryRun()) {
            return null;
        }
        String endpoint = env.apply(SegmentTrackEvent.ENDPOINT_ENV);
        String url = Route.first(http.routes(), endpoint == null ? SegmentClient.US_BASE : endpoint);
        return () -> JdkTransport.shared().prepare(url, http.defaultTimeout());
    }

    @Override
    public BatchHook batchHook() {
        return new SegmentBatchHook(this, installation.http());
    }

    /** The built-in as one batch thread's runs call it: its messages go to the line's batcher. */
    Builtin boundTo(BatchLine line) {
        SegmentBuiltin outer = this;
        return new Builtin() {
            @Override
            public String name() {
                return outer.name();
            }

            @Override
            public List<InputField> inputs() {
                return outer.inputs();
            }

            @Override
            public List<String> envNames() {
                return outer.envNames();
            }

            @Override
            public JsonNode call(ObjectNode input, RunContext context) {
                return impl.callBatched(input, context.env()::get, line);
            }
        };
    }
}
