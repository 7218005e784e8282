package dev.xsrun.builtins;

import dev.xsrun.runtime.Builtin;
import java.util.function.Function;

/**
 * A built-in as the command line sees it: the function a job calls ({@link Builtin}), the environment
 * names it reads, and, optionally, work to start early and a part in batch mode. The command line
 * talks to built-ins only through this interface; {@link Builtins#all} lists the installed ones.
 */
public interface NativeBuiltin extends Builtin {

    /**
     * Work worth starting on another thread while a batch's job loads (building an HTTPS client, which
     * reads the trust store), or null. A failure there is met again, with its message, when the work is
     * needed.
     *
     * @param env the values given on the command line so far ({@code --env}), null for a missing name
     */
    default Runnable warmUp(Function<String, String> env) {
        return null;
    }

    /** How this built-in takes part in batch mode, or null when its calls run as in a single run. */
    default BatchHook batchHook() {
        return null;
    }
}
