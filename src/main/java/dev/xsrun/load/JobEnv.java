package dev.xsrun.load;

import dev.xsrun.value.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds the environment a run gets: {@code --env} values, then an {@code --env-file}, then a
 * {@code .env} file in the job folder, then the process environment (for the names the job declares
 * and those the built-ins it calls read). Every value found is registered as a secret.
 */
public final class JobEnv {

    /** Where values come from besides the files: {@code --env} and the process. */
    public record Sources(Map<String, String> explicit, Path envFile, Function<String, String> process) {
    }

    /**
     * The values found, and the declared names that have none (in declaration order).
     *
     * @param values  every value, by name; a missing name is absent
     * @param missing names the job declares that no source gives
     */
    public record Resolved(Map<String, String> values, List<String> missing) {
        public Resolved {
            values = new LinkedHashMap<>(values);
            missing = List.copyOf(missing);
        }

        /** The placeholder {@code --dry-run} gives a missing name. */
        public static String placeholder(String name) {
            return "dry-run-" + name;
        }

        /** These values with a {@link #placeholder} for each missing name. */
        public Map<String, String> withPlaceholders() {
            Map<String, String> all = new LinkedHashMap<>(values);
            missing.forEach(name -> all.put(name, placeholder(name)));
            return all;
        }
    }

    /** {@code --env-file} names no file. */
    public static final class NoSuchEnvFile extends Exception {
        public NoSuchEnvFile(Path file) {
            super("--env-file: no such file: " + file);
        }
    }

    private JobEnv() {
    }

    /**
     * Resolves the environment of a job.
     *
     * @param jobFolder    the job's folder (its {@code .env} is read), or null for a file or standard input
     * @param declared     the job's {@code env = [...]}
     * @param builtinNames names read by the built-ins the job calls; taken from the process when set there
     * @param secrets      every value found joins them
     */
    public static Resolved resolve(Path jobFolder, Sources sources, List<String> declared, Collection<String> builtinNames,
                                   Secrets secrets) throws IOException, EnvFiles.BadLine, NoSuchEnvFile {
        Map<String, String> fileEnv = new LinkedHashMap<>();
        if (jobFolder != null && Files.isRegularFile(jobFolder.resolve(".env"))) {
            fileEnv.putAll(EnvFiles.read(jobFolder.resolve(".env")));
        }
        if (sources.envFile() != null) {
            if (!Files.isRegularFile(sources.envFile())) {
                throw new NoSuchEnvFile(sources.envFile());
            }
            fileEnv.putAll(EnvFiles.read(sources.envFile()));
        }
        sources.explicit().values().forEach(secrets::add);
        fileEnv.values().forEach(secrets::add);
        Map<String, String> values = new LinkedHashMap<>(fileEnv);
        values.putAll(sources.explicit());
        List<String> missing = new ArrayList<>();
        for (String name : declared) {
            if (!values.containsKey(name)) {
                String fromProcess = sources.process().apply(name);
                if (fromProcess != null) {
                    values.put(name, fromProcess);
                    secrets.add(fromProcess);
                } else {
                    missing.add(name);
                }
            }
        }
        for (String name : builtinNames) {
            String fromProcess = values.containsKey(name) ? null : sources.process().apply(name);
            if (fromProcess != null) {
                values.put(name, fromProcess);
                secrets.add(fromProcess);
            }
        }
        return new Resolved(values, missing);
    }
}
