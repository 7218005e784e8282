package dev.xsrun.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is a terminal, so that a progress bar there is seen rather than logged. */
final class Terminal {
    private Terminal() {
    }

    /**
     * True when file descriptor 2 is a terminal. Java has no isatty; on Linux /proc says where fd 2
     * points, elsewhere a console (standard input and output both terminals) is the best guess.
     */
    static boolean stderrIsTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd2)) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // fall through to the guess
        }
        return System.console() != null;
    }
}
