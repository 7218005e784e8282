package dev.xsrun.cli;

/** Entry point of the xsrun command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
