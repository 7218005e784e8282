package dev.xsrun.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Finds the .xs files under files and folders: recursive, sorted, hidden folders skipped; and reads
 * (parses) many of them on every core.
 */
public final class SourceFiles {
    private SourceFiles() {
    }

    /** What is done with one file (reading and parsing it). */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Path file) throws IOException;
    }

    /**
     * {@code work} applied to every file, on every core when there are enough files to pay for the
     * threads (eight a thread); the results keep the files' order, and the first failure, in that
     * order, is thrown as it was.
     */
    public static <T> List<T> each(List<Path> files, Work<T> work) throws IOException {
        int threads = Math.max(1, Math.min(files.size() / 8, Runtime.getRuntime().availableProcessors()));
        List<T> out = new ArrayList<>();
        if (threads <= 1) {
            for (Path f : files) {
                out.add(work.apply(f));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "xsrun-read");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> work.apply(f)));
            }
            for (Future<T> fu : futures) {
                out.add(fu.get());
            }
            return out;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the files", e);
        } finally {
            pool.shutdownNow();
        }
    }

    public static List<Path> under(Path root) {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".xs"))
                    .filter(p -> !isHidden(root.relativize(p)))
                    .sorted()
                    .forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            String s = part.toString();
            if (s.startsWith(".") && !s.equals(".") && !s.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** A path as users wrote it, for messages: relative to the working folder when below it. */
    public static String display(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : p.toString();
    }
}
