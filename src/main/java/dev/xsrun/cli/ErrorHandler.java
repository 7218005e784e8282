package dev.xsrun.cli;

import picocli.CommandLine;

/** Last line of defence: an unexpected exception becomes one clear sentence and exit 70, never a stack trace. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        boolean verbose = parsed != null && parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--verbose");
        return report(ex, cl.getErr(), verbose);
    }

    /** A command run without picocli: its writers flushed at the end, an unexpected exception reported as picocli would. */
    static int withoutPicocli(java.util.function.Supplier<java.io.PrintWriter> out, java.util.function.Supplier<java.io.PrintWriter> err,
                              boolean verbose, Command command) {
        java.io.PrintWriter o = out.get();
        java.io.PrintWriter e = err.get();
        try {
            return command.call(o, e);
        } catch (Exception ex) {
            return report(ex, e, verbose);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /** A command's body given its standard output and error. */
    @FunctionalInterface
    interface Command {
        int call(java.io.PrintWriter out, java.io.PrintWriter err) throws Exception;
    }

    static int report(Exception ex, java.io.PrintWriter err, boolean verbose) {
        err.println("xsrun: internal error: " + ex);
        if (verbose) {
            ex.printStackTrace(err);
        } else {
            err.println("(run again with --verbose for details)");
        }
        return ExitCodes.SOFTWARE;
    }
}
