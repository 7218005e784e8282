package dev.xsrun.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Document;
import dev.xsrun.ast.Stmt;
import dev.xsrun.filters.FilterRegistry;
import dev.xsrun.syntax.ParseResult;
import dev.xsrun.syntax.XsParser;
import dev.xsrun.value.Json;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A statement family plugged in through the library API: compiled once, run with its own per-run service. */
class StatementFamilyTest {
    /** A per-run key-value store behind {@code redis.set}, {@code redis.get}, {@code redis.incr}. */
    static final class Store implements StatementFamily {
        final Map<String, JsonNode> data = new HashMap<>();
        int compiled;

        @Override
        public boolean owns(String name) {
            return name.startsWith("redis.");
        }

        @Override
        public Action compile(Stmt.Invoke s, StatementCompiler c) {
            compiled++;
            Expression key = c.attribute("key", Values.of(""));
            switch (s.name()) {
                case "redis.set": {
                    Expression value = c.attribute("data", Values.NULL);
                    return run -> data.put(Values.toText(key.eval(run)), value.eval(run));
                }
                case "redis.get":
                    return run -> run.setResult(data.getOrDefault(Values.toText(key.eval(run)), Values.NULL));
                case "redis.incr":
                    return run -> {
                        String k = Values.toText(key.eval(run));
                        JsonNode now = dev.xsrun.value.Operators.add(data.getOrDefault(k, Values.of(0)), Values.of(1));
                        if (Values.toLong(now) > 3) {
                            throw XsError.fatal("counter " + k + " is full");
                        }
                        data.put(k, now);
                        run.setResult(now);
                    };
                default:
                    throw c.error(s.name() + " is not in this store");
            }
        }
    }

    private static final String JOB = String.join("\n",
            "run.job \"kv\" {",
            "  main = { name: \"main\", input: {} }",
            "}",
            "---",
            "function \"main\" {",
            "  input {",
            "    text who",
            "  }",
            "  stack {",
            "    redis.set { key = \"greeting\" data = \"hi \" ~ $input.who }",
            "    var $count { value = 0 }",
            "    for (2) {",
            "      each as $i {",
            "        redis.incr { key = \"n\" } as $count",
            "      }",
            "    }",
            "    redis.get { key = \"greeting\" } as $greeting",
            "    try_catch {",
            "      try {",
            "        redis.incr { key = \"n\" }",
            "        redis.incr { key = \"n\" }",
            "      }",
            "      catch {",
            "        var $caught { value = $error.message }",
            "      }",
            "    }",
            "    conditional {",
            "      if ($input.who == \"never\") {",
            "        redis.keys { search = \"x\" }",
            "      }",
            "    }",
            "  }",
            "  response = {greeting: $greeting, count: $count, caught: $caught}",
            "}");

    private static RunContext context(String source) {
        XsParser parser = new XsParser(FilterRegistry.standard().catalog());
        ParseResult parsed = parser.parse("kv.xs", source);
        assertFalse(parsed.hasErrors(), parsed.diagnostics().toString());
        Document.RunJob job = null;
        Map<String, Document.FunctionDef> functions = new LinkedHashMap<>();
        for (Document d : parsed.documents()) {
            if (d instanceof Document.RunJob) {
                job = (Document.RunJob) d;
            } else if (d instanceof Document.FunctionDef) {
                functions.put(((Document.FunctionDef) d).name(), (Document.FunctionDef) d);
            }
        }
        List<String> warnings = new ArrayList<>();
        return RunContext.builder(new Program(job, functions)).http(attributes -> Values.NULL)
                .warnings(warnings::add).clock(() -> 0L)
                .expressionParser(text -> parser.parseExpression("to_expr", text, new ArrayList<>())).build();
    }

    @Test
    void aFamilyRunsItsStatementsWithCompiledAttributesAndItsOwnService() throws Exception {
        Store store = new Store();
        Interpreter in = new Interpreter(context(JOB).withStatements(store));
        JsonNode out = in.runJob(Json.parse("{\"who\":\"ann\"}"));
        assertEquals("{\"greeting\":\"hi ann\",\"count\":2,\"caught\":\"counter n is full\"}", Json.encode(out));
        assertEquals(Values.of(3), store.data.get("n"), "the statement before the failing one ran");
        assertEquals(6, store.compiled, "each statement compiled once, the untaken one included");
    }

    @Test
    void eachRunHasItsOwnFamilyAndCompilesAgain() throws Exception {
        RunContext base = context(JOB);
        Store first = new Store();
        Store second = new Store();
        new Interpreter(base.withStatements(first)).runJob(Json.parse("{\"who\":\"a\"}"));
        new Interpreter(base.withStatements(second)).runJob(Json.parse("{\"who\":\"b\"}"));
        assertEquals("hi a", first.data.get("greeting").textValue());
        assertEquals("hi b", second.data.get("greeting").textValue());
    }

    @Test
    void anErrorFromCompileIsReportedAtTheStatementWhenItRuns() throws Exception {
        Interpreter in = new Interpreter(context(JOB).withStatements(new Store()));
        XsError e = assertThrows(XsError.class, () -> in.runJob(Json.parse("{\"who\":\"never\"}")));
        assertEquals("redis.keys is not in this store", e.getMessage());
        assertEquals(29, e.span().line());
    }

    @Test
    void withoutTheFamilyTheStatementIsUnsupportedAsBefore() throws Exception {
        Interpreter in = new Interpreter(context(JOB));
        XsError e = assertThrows(XsError.class, () -> in.runJob(Json.parse("{\"who\":\"ann\"}")));
        assertTrue(e.getMessage().startsWith("Unsupported statement: redis.set"), e.getMessage());
    }
}
