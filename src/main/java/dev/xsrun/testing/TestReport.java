package dev.xsrun.testing;

import java.util.List;

/** The text report: one line per test, its problems below it, and the closing count. */
public final class TestReport {
    private TestReport() {
    }

    /** {@code PASS name (file) 3 ms}, or FAIL and the problems, one per indented block. */
    public static String line(TestRunner.Outcome o) {
        StringBuilder b = new StringBuilder(o.passed() ? "PASS " : "FAIL ").append(o.test().name())
                .append(" (").append(o.test().file()).append(") ").append(o.millis()).append(" ms\n");
        for (TestRunner.Problem p : o.problems()) {
            b.append(describe(p).indent(2));
        }
        return b.toString();
    }

    /** A problem: {@code file:line:col: message}, then the expected and the actual value when it is an assertion. */
    static String describe(TestRunner.Problem p) {
        StringBuilder b = new StringBuilder().append(p.at()).append(": ").append(p.message()).append('\n');
        if (p.expected() != null) {
            b.append("  expected: ").append(p.expected()).append('\n');
            b.append("  actual:   ").append(p.actual()).append('\n');
        }
        return b.toString();
    }

    /** {@code N passed, N failed}. */
    public static String summary(List<TestRunner.Outcome> outcomes) {
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        return (outcomes.size() - failed) + " passed, " + failed + " failed";
    }
}
