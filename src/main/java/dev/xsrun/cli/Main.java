package dev.xsrun.cli;

import dev.xsrun.filters.FilterRegistry;
import dev.xsrun.http.JdkTransport;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the xsrun command: picocli wiring, exit codes, and no stack traces for users. */
@Command(name = "xsrun", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Run Xano XanoScript run jobs locally.", ""},
        subcommands = {RunCommand.class, CheckCommand.class, TestCommand.class, FmtCommand.class, DbCommand.class, LspCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0   success", "  2   bad command line", "  65  invalid source or input (syntax, input validation, missing env)",
                "  69  a remote service failed or refused", "  70  the job raised an error", "  75  stopped by --timeout",
                "", "See `xsrun COMMAND --help` for each command's options."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("check") || args[0].equals("test"))) {
            // check and test (whose parser checks every filter name) need every filter family (about a tenth
            // of a second to build): build them on another core while the files are found. A run registers
            // only the families its job needs, as it meets them (see FilterRegistry.standard).
            Thread filters = new Thread(() -> FilterRegistry.standard().complete(), "xsrun-filters");
            filters.setDaemon(true);
            // A failure here is met again, and reported, where the catalogue is used: never a stack trace.
            filters.setUncaughtExceptionHandler((t, e) -> { });
            filters.start();
        }
        // The plain command lines scripts write skip picocli's model (see withoutPicocli); picocli reads the rest.
        Integer exit = CheckCommand.withoutPicocli(args, Main::standardError);
        if (exit == null) {
            exit = RunCommand.withoutPicocli(args, Main::standardOutput, Main::standardError);
        }
        if (exit == null) {
            exit = TestCommand.withoutPicocli(args, Main::standardOutput, Main::standardError);
        }
        if (exit == null) {
            exit = execute(args);
        }
        JdkTransport.releaseForExit();
        System.exit(exit);
    }

    /** The writers picocli would give: a standard stream in its encoding, flushed at each line. */
    static PrintWriter standardOutput() {
        return writer(System.out, "sun.stdout.encoding");
    }

    static PrintWriter standardError() {
        return writer(System.err, "sun.stderr.encoding");
    }

    private static PrintWriter writer(PrintStream stream, String encodingProperty) {
        String encoding = System.getProperty(encodingProperty);
        Charset charset = encoding == null ? Charset.defaultCharset() : Charset.forName(encoding);
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
    }

    /** Runs the command line and returns the exit code (used by tests too). */
    public static int execute(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler((ex, argv) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("xsrun: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
            c.getErr().println("Try `" + c.getCommandSpec().qualifiedName() + " --help` for usage.");
            return ExitCodes.USAGE;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: run or check");
    }
}
