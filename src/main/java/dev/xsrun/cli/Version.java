package dev.xsrun.cli;

import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version from the build, for --version, User-Agent headers and Segment's context.library. */
public final class Version implements CommandLine.IVersionProvider {
    private static final String VERSION = load();

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/xsrun/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (Exception e) {
            return "dev";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[]{"xsrun " + VERSION};
    }
}
