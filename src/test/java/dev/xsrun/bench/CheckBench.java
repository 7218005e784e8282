package dev.xsrun.bench;

import dev.xsrun.filters.FilterRegistry;
import dev.xsrun.syntax.ParseResult;
import dev.xsrun.syntax.XsParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Files per second of `check` (parse and validate, one thread) over the project's own .xs files:
 * jobs/, examples/, bench/ and the test programs. Set -Dbench.check.dir to measure another folder.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CheckBench {
    private final XsParser parser = new XsParser(FilterRegistry.standard().catalog());
    private final List<String[]> files = new ArrayList<>();

    @Setup
    public void read() throws IOException {
        String dir = System.getProperty("bench.check.dir");
        List<Path> roots = dir == null ? List.of(Path.of("jobs"), Path.of("examples"), Path.of("bench"), Path.of("src/test/resources"))
                : List.of(Path.of(dir));
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : (Iterable<Path>) walk.filter(x -> x.toString().endsWith(".xs"))::iterator) {
                    files.add(new String[]{p.toString(), new String(Files.readAllBytes(p), StandardCharsets.UTF_8)});
                }
            }
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no .xs files found; run from the project root");
        }
        System.out.println("checking " + files.size() + " files per operation");
    }

    private int next;

    /** One operation checks one file, taking the files in turn: the score is files per second. */
    @Benchmark
    public ParseResult checkFile() {
        String[] f = files.get(next);
        next = next + 1 == files.size() ? 0 : next + 1;
        return parser.parse(f[0], f[1]);
    }
}
