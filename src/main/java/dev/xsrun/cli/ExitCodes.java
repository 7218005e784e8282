package dev.xsrun.cli;

/** The documented exit codes (sysexits style). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int USAGE = 2;
    public static final int DATA = 65;
    public static final int UNAVAILABLE = 69;
    public static final int SOFTWARE = 70;
    public static final int TIMEOUT = 75;

    private ExitCodes() {
    }
}
