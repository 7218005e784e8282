package dev.xsrun.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code xsrun run PATH}: runs a job. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a job.")
public final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return ExitCodes.SOFTWARE;
    }
}
