package dev.xsrun.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Document;
import dev.xsrun.filters.FilterRegistry;
import dev.xsrun.syntax.ParseResult;
import dev.xsrun.syntax.XsParser;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hot loops and function bodies made classes ({@link Tier}) give what the nodes give: each program
 * runs once with nothing made a class and once with every loop and statement list made one at its
 * first run, and the results, errors (message and place), and statement counts must be equal.
 * The expected values are also checked, so that the two cannot agree on a wrong answer.
 */
class TierTest {
    private static final String SOURCE = String.join("\n",
            "function \"loops\" {",
            "  input {",
            "    int n",
            "  }",
            "  stack {",
            "    var $out { value = [] }",
            "    var $i { value = 0 }",
            "    while ($i < $input.n) {",
            "      each {",
            "        var $i { value = $i + 1 }",
            "        conditional {",
            "          if ($i % 3 == 0) {",
            "            continue",
            "          }",
            "          elseif ($i > 10) {",
            "            break",
            "          }",
            "        }",
            "        array.push $out { value = $i }",
            "      }",
            "    }",
            "    var $sum { value = 0 }",
            "    for (5) {",
            "      each as $k {",
            "        for ($k) {",
            "          each as $m {",
            "            var $sum { value = $sum + $k * $m }",
            "          }",
            "        }",
            "      }",
            "    }",
            "  }",
            "  response = {out: $out, sum: $sum, i: $i}",
            "}",
            "---",
            "function \"find\" {",
            "  input {",
            "    int target",
            "  }",
            "  stack {",
            "    var $i { value = 0 }",
            "    while (true) {",
            "      each {",
            "        for (4) {",
            "          each as $j {",
            "            conditional {",
            "              if ($i * 4 + $j == $input.target) {",
            "                return { value = {i: $i, j: $j} }",
            "              }",
            "            }",
            "          }",
            "        }",
            "        var $i { value = $i + 1 }",
            "      }",
            "    }",
            "  }",
            "  response = null",
            "}",
            "---",
            "function \"values\" {",
            "  input {",
            "  }",
            "  stack {",
            "    var $big { value = 9223372036854775806 }",
            "    var $list { value = [1, 2, 3] }",
            "    var $obj { value = {a: 1} }",
            "    var $text { value = \"\" }",
            "    var $mixed { value = [] }",
            "    for (3) {",
            "      each as $k {",
            "        var $big { value = $big + 1 }",
            "        var.update $list[$k] { value = $list[$k - 1] * 10 }",
            "        var.update $obj[\"k\" ~ $k] { value = $k / 2 }",
            "        var $text { value = $text ~ $k }",
            "        array.push $mixed { value = $list[-1 - $k] }",
            "        array.push $mixed { value = $k < 1.5 && !($k == 0) }",
            "        array.push $mixed { value = \"b\" > \"a\" || $k }",
            "      }",
            "    }",
            "  }",
            "  response = {big: $big, list: $list, obj: $obj, text: $text, mixed: $mixed}",
            "}",
            "---",
            "function \"fail\" {",
            "  input {",
            "  }",
            "  stack {",
            "    var $i { value = 0 }",
            "    var $caught { value = null }",
            "    try_catch {",
            "      try {",
            "        while ($i < 10) {",
            "          each {",
            "            var $i { value = $i + 1 }",
            "            conditional {",
            "              if ($i == 7) {",
            "                throw {",
            "                  name = \"seven\"",
            "                  value = \"reached \" ~ $i",
            "                }",
            "              }",
            "            }",
            "          }",
            "        }",
            "      }",
            "      catch {",
            "        var $caught { value = $error.message }",
            "      }",
            "    }",
            "    for (3) {",
            "      each as $k {",
            "        var $x { value = 10 / ($k - 2) }",
            "      }",
            "    }",
            "  }",
            "  response = $caught",
            "}",
            "---",
            "function \"fib\" {",
            "  input {",
            "    int n",
            "  }",
            "  stack {",
            "    conditional {",
            "      if ($input.n < 2) {",
            "        return { value = $input.n }",
            "      }",
            "    }",
            "    function.run \"fib\" { input = { n: $input.n - 1 } } as $a",
            "    function.run \"fib\" { input = { n: $input.n - 2 } } as $b",
            "  }",
            "  response = $a + $b",
            "}",
            "---",
            "function \"down\" {",
            "  input {",
            "    int n",
            "  }",
            "  stack {",
            "    conditional {",
            "      if ($input.n == 0) {",
            "        throw {",
            "          name = \"bottom\"",
            "          value = \"reached the bottom\"",
            "        }",
            "      }",
            "    }",
            "    function.run \"down\" { input = { n: $input.n - 1 } } as $r",
            "  }",
            "  response = $r",
            "}",
            "---",
            "function \"caught\" {",
            "  input {",
            "    int times",
            "  }",
            "  stack {",
            "    var $count { value = 0 }",
            "    for ($input.times) {",
            "      each {",
            "        try_catch {",
            "          try {",
            "            function.run \"down\" { input = { n: 3 } } as $x",
            "          }",
            "          catch {",
            "            var $count { value = $count + $error.message|strlen }",
            "          }",
            "        }",
            "      }",
            "    }",
            "  }",
            "  response = $count",
            "}",
            "---",
            "function \"below\" {",
            "  input {",
            "    int n filters=min:0|max:50",
            "    int step",
            "  }",
            "  stack {",
            "    function.run \"below\" { input = { n: $input.n + $input.step, step: $input.step } } as $r",
            "  }",
            "  response = $r",
            "}");

    /** A function whose loop body is 600 statements long: too much code for one class the JVM would compile. */
    private static final String LONG = "function \"long\" {\n  input {\n  }\n  stack {\n    var $v { value = 0 }\n    for (3) {\n      each {\n"
            + "        var $v { value = $v + 1 }\n".repeat(600) + "      }\n    }\n  }\n  response = $v\n}\n";

    private static Program program;

    /** The functions above, parsed once (the tree is immutable; each run compiles its own nodes). */
    private static synchronized Program program() {
        if (program == null) {
            program = parse();
        }
        return program;
    }

    private static Program parse() {
        XsParser parser = new XsParser(FilterRegistry.standard().catalog());
        ParseResult parsed = parser.parse("tier.xs", SOURCE + "\n---\n" + LONG);
        assertFalse(parsed.hasErrors(), parsed.diagnostics().toString());
        Map<String, Document.FunctionDef> functions = new LinkedHashMap<>();
        for (Document d : parsed.documents()) {
            Document.FunctionDef fn = (Document.FunctionDef) d;
            functions.put(fn.name(), fn);
        }
        return new Program(null, functions);
    }

    /** What a call gave: its result or its error (message and place), and how many statements ran. */
    private static String outcome(int hot, String function, JsonNode input, long maxIterations, int maxDepth) {
        Tier.configure(hot, true);
        RunContext.Builder builder = RunContext.builder(program());
        if (maxIterations > 0 || maxDepth > 0) {
            builder.limits(new Limits(maxIterations > 0 ? maxIterations : Limits.DEFAULT_LOOP_ITERATIONS,
                    maxDepth > 0 ? maxDepth : Limits.DEFAULT_CALL_DEPTH, Limits.DEFAULT_VALUE_BYTES, Long.MAX_VALUE));
        }
        Interpreter in = new Interpreter(builder.build());
        String result;
        try {
            result = in.call(function, input, null).toString();
        } catch (XsError e) {
            result = "error " + e.span() + ": " + e.getMessage();
        }
        return result + " / statements " + in.statementsExecuted();
    }

    /** The outcome on the nodes alone, checked equal to the outcome with everything made a class at once. */
    private static String same(String function, JsonNode input) {
        return same(function, input, 0);
    }

    private static String same(String function, JsonNode input, long maxIterations) {
        return same(function, input, maxIterations, 0);
    }

    private static String same(String function, JsonNode input, long maxIterations, int maxDepth) {
        long before = Tier.MADE.get();
        String nodes = outcome(-1, function, input, maxIterations, maxDepth);
        assertEquals(before, Tier.MADE.get(), "no class is made when the threshold is -1");
        String classes = outcome(0, function, input, maxIterations, maxDepth);
        assertTrue(Tier.MADE.get() > before, "classes were made");
        assertEquals(nodes, classes, function + ": the nodes and the classes disagree");
        String later = outcome(2, function, input, maxIterations, maxDepth);
        assertEquals(nodes, later, function + ": entering a loop at an iteration other than the first disagrees");
        return nodes;
    }

    /** The result part of an outcome, without its statement count. */
    private static String result(String outcome) {
        return outcome.substring(0, outcome.indexOf(" / "));
    }

    @AfterEach
    void restore() {
        Tier.configure(Tier.DEFAULT_HOT, false);
    }

    @Test
    void loopsWithBreakContinueAndNestedCounts() {
        String out = same("loops", Values.object().put("n", 100));
        assertEquals("{\"out\":[1,2,4,5,7,8,10],\"sum\":35,\"i\":11}", result(out));
    }

    @Test
    void returnFromInsideNestedLoops() {
        String out = same("find", Values.object().put("target", 4000));
        assertEquals("{\"i\":1000,\"j\":0}", result(out));
    }

    @Test
    void overflowDecimalsTextAndListsTakeTheGeneralPath() {
        String out = same("values", Values.object());
        assertEquals("{\"big\":9.223372036854776E18,\"list\":[30,300,3000],\"obj\":{\"a\":1,\"k0\":0,\"k1\":0.5,\"k2\":1},"
                + "\"text\":\"012\",\"mixed\":[3,false,true,300,true,true,30,false,true]}", result(out));
    }

    @Test
    void errorsAreCaughtAndReportedAtTheSamePlace() {
        String out = same("fail", Values.object());
        assertEquals(true, out.startsWith("error tier.xs:"), out);
    }

    @Test
    void theIterationCapStopsTheSameLoop() {
        String out = same("loops", Values.object().put("n", 100), 4);
        assertEquals(true, out.contains("more than 4 iterations"), out);
    }

    @Test
    void recursionThroughFunctionRun() {
        String out = same("fib", Values.object().put("n", 15));
        assertEquals("610", result(out));
    }

    @Test
    void anErrorDeepInARecursionIsReportedWhereItWasRaised() {
        String out = same("down", Values.object().put("n", 40));
        assertTrue(out.startsWith("error tier.xs:"), out);
        assertTrue(out.contains("reached the bottom"), out);
    }

    @Test
    void recursionPastTheDepthLimitStopsAtTheSameCall() {
        String out = same("down", Values.object().put("n", 40), 0, 12);
        assertTrue(out.contains("functions nested deeper than 12 calls"), out);
    }

    @Test
    void aCallThatFailedLeavesTheDepthAsItWas() {
        // five levels deep at most (caught, then down 3, 2, 1, 0): a depth not given back by a failed call would reach 6
        String out = same("caught", Values.object().put("times", 200), 0, 5);
        assertEquals(String.valueOf(200 * "reached the bottom".length()), result(out));
    }

    @Test
    void anInputOutOfItsBoundsIsRefusedAtTheCall() {
        String tooSmall = same("below", Values.object().put("n", 30).put("step", -1));
        assertTrue(tooSmall.startsWith("error tier.xs:"), tooSmall);
        String tooBig = same("below", Values.object().put("n", 30).put("step", 1));
        assertTrue(tooBig.startsWith("error tier.xs:"), tooBig);
        assertFalse(tooSmall.equals(tooBig), "the two bounds are reported apart");
    }

    @Test
    void aListTooLongForOneCompiledMethodStaysOnTheNodes() {
        Tier.configure(0, true);
        long before = Tier.MADE.get();
        String out = outcome(0, "long", Values.object(), 0, 0);
        assertEquals("1800 / statements " + (2 + 3 * 600), out);
        assertEquals(before, Tier.MADE.get(), "no class is made for a list or loop past the JVM's compile limit");
        assertEquals(out, outcome(-1, "long", Values.object(), 0, 0));
    }

    @Test
    void anotherRunOfTheSameCodeUsesTheClassesDefinedBefore() {
        String first = outcome(0, "loops", Values.object().put("n", 100), 0, 0);
        long made = Tier.MADE.get();
        int defined = Tier.defined();
        String second = outcome(0, "loops", Values.object().put("n", 100), 0, 0);
        assertEquals(first, second);
        assertTrue(Tier.MADE.get() > made, "the second run made its lists and loops classes too");
        assertEquals(defined, Tier.defined(), "with the classes the first run defined");
    }
}
