package dev.xsrun.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The JUnit XML report CI systems read: one {@code testsuite}, one {@code testcase} per test
 * ({@code classname} the tested document's name), a {@code failure} with the problems of a failed test.
 */
public final class JUnitReport {
    private JUnitReport() {
    }

    /** Writes the report; {@code mask} hides secrets in every text. */
    public static void write(Path file, List<TestRunner.Outcome> outcomes, UnaryOperator<String> mask) throws IOException {
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        long millis = outcomes.stream().mapToLong(TestRunner.Outcome::millis).sum();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuite name=\"xsrun\" tests=\"").append(outcomes.size()).append("\" failures=\"").append(failed)
                .append("\" errors=\"0\" skipped=\"0\" time=\"").append(seconds(millis)).append("\">\n");
        for (TestRunner.Outcome o : outcomes) {
            x.append("  <testcase name=\"").append(escape(mask.apply(o.test().name())))
                    .append("\" classname=\"").append(escape(mask.apply(o.test().document())))
                    .append("\" file=\"").append(escape(o.test().file()))
                    .append("\" time=\"").append(seconds(o.millis())).append('"');
            if (o.passed()) {
                x.append("/>\n");
                continue;
            }
            TestRunner.Problem first = o.problems().get(0);
            x.append(">\n    <failure message=\"").append(escape(mask.apply(first.message()))).append("\" type=\"")
                    .append(first.expected() == null ? "error" : "assertion").append("\">");
            StringBuilder body = new StringBuilder();
            for (TestRunner.Problem p : o.problems()) {
                body.append(TestReport.describe(p));
            }
            x.append(escape(mask.apply(body.toString()))).append("</failure>\n  </testcase>\n");
        }
        x.append("</testsuite>\n");
        Files.writeString(file, x.toString(), StandardCharsets.UTF_8);
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '"': b.append("&quot;"); break;
                default:
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        b.append('?');
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }
}
