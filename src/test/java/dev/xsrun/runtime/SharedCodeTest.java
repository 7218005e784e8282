package dev.xsrun.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Document;
import dev.xsrun.ast.Stmt;
import dev.xsrun.filters.FilterRegistry;
import dev.xsrun.syntax.ParseResult;
import dev.xsrun.syntax.XsParser;
import dev.xsrun.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Code shared by the runs of one program (the unit tests of a job): a function compiled once serves
 * every run, each with its own values; a function whose code depends on the run (a statement of a
 * family plugged into the run, a mock, or a call to such a function) is compiled by each run.
 */
class SharedCodeTest {
    private static final String SOURCE = String.join("\n",
            "function \"collect\" {",
            "  input {",
            "    int n",
            "  }",
            "  stack {",
            "    var $list {",
            "      value = []",
            "    }",
            "    for ($input.n) {",
            "      each as $k {",
            "        array.push $list {",
            "          value = $k",
            "        }",
            "      }",
            "    }",
            "  }",
            "  response = $list",
            "}",
            "---",
            "function \"counted\" {",
            "  input {",
            "  }",
            "  stack {",
            "    conditional {",
            "      if (true) {",
            "        redis.incr { key = \"n\" } as $n",
            "      }",
            "    }",
            "  }",
            "  response = $n",
            "}",
            "---",
            "function \"calls_counted\" {",
            "  input {",
            "  }",
            "  stack {",
            "    function.run \"counted\" as $n",
            "  }",
            "  response = $n",
            "}",
            "---",
            "function \"mocked\" {",
            "  input {",
            "  }",
            "  stack {",
            "    api.request {",
            "      url = \"https://example.com/x\"",
            "      mock = {\"a\": \"A\", \"b\": \"B\"}",
            "    } as $r",
            "  }",
            "  response = $r",
            "}");

    /** A family that keeps a counter per run, as a fresh database would keep its rows. */
    private static final class Counter implements StatementFamily {
        private int count;

        @Override
        public boolean owns(String name) {
            return name.startsWith("redis.");
        }

        @Override
        public Action compile(Stmt.Invoke s, StatementCompiler c) {
            return run -> run.setResult(Values.of(++count));
        }
    }

    private final Map<String, Document.FunctionDef> functions = new LinkedHashMap<>();
    private final Program program;

    SharedCodeTest() {
        ParseResult parsed = new XsParser(FilterRegistry.standard().catalog()).parse("shared.xs", SOURCE);
        assertFalse(parsed.hasErrors(), parsed.diagnostics().toString());
        for (Document d : parsed.documents()) {
            functions.put(((Document.FunctionDef) d).name(), (Document.FunctionDef) d);
        }
        program = new Program(null, functions);
    }

    private RunContext run(String test) {
        return RunContext.builder(program).testName(test).statements(new Counter()).build();
    }

    @Test
    void aFunctionThatCompilesTheSameForEveryRunIsCompiledOnceAndEachRunHasItsOwnValues() {
        SharedCode shared = new SharedCode(run(null));
        List<StatementFamily> families = run("a").statements();
        Compiler.Function once = shared.code(functions.get("collect"), families);
        assertNotNull(once);
        assertSame(once, shared.code(functions.get("collect"), families));
        List<JsonNode> results = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            results.add(new Interpreter(run("t" + n), shared).call("collect", Values.object().put("n", n), null));
        }
        // the list literal is each run's own: nothing pushed by one run is seen by the next
        assertEquals("[[0],[0,1],[0,1,2]]", results.toString().replace(" ", ""));
    }

    @Test
    void codeThatDependsOnTheRunIsCompiledByEachRun() {
        SharedCode shared = new SharedCode(run(null));
        List<StatementFamily> families = run("a").statements();
        assertNull(shared.code(functions.get("counted"), families), "a statement of the run's own family");
        assertNull(shared.code(functions.get("calls_counted"), families), "a call of such a function");
        assertNull(shared.code(functions.get("mocked"), families), "a mock, answered by the running test's name");
        // so each run counts with its own family, and each test gets its own mock
        for (String test : List.of("a", "b")) {
            assertEquals(1, new Interpreter(run(test), shared).call("calls_counted", Values.object(), null).intValue());
            assertEquals(test.toUpperCase(), new Interpreter(run(test), shared).call("mocked", Values.object(), null).textValue());
        }
    }
}
