package dev.xsrun.cli;

import picocli.CommandLine;

/** Last line of defence: an unexpected exception becomes one clear sentence and exit 70, never a stack trace. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        boolean verbose = parsed != null && parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--verbose");
        return report(ex, cl.getErr(), verbose);
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
