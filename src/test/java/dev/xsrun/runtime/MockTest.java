package dev.xsrun.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Document;
import dev.xsrun.filters.FilterRegistry;
import dev.xsrun.syntax.ParseResult;
import dev.xsrun.syntax.XsParser;
import dev.xsrun.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code mock = {"test name": value}}: the value answers under that test only; the statement does not run. */
class MockTest {
    private static final String SOURCE = String.join("\n",
            "function \"fetch\" {",
            "  input {",
            "  }",
            "  stack {",
            "    api.request {",
            "      url = \"https://example.com/x\"",
            "      method = \"GET\"",
            "      mock = {\"mocked\": {response: {result: \"from mock\"}}}",
            "    } as $r",
            "  }",
            "  response = $r.response.result",
            "}");

    private final List<JsonNode> sent = new ArrayList<>();

    private JsonNode run(String testName) {
        XsParser parser = new XsParser(FilterRegistry.standard().catalog());
        ParseResult parsed = parser.parse("mock.xs", SOURCE);
        assertFalse(parsed.hasErrors(), parsed.diagnostics().toString());
        Map<String, Document.FunctionDef> functions = new LinkedHashMap<>();
        functions.put("fetch", (Document.FunctionDef) parsed.documents().get(0));
        RunContext ctx = RunContext.builder(new Program(null, functions)).testName(testName).http(attributes -> {
            sent.add(attributes);
            com.fasterxml.jackson.databind.node.ObjectNode reply = Values.object();
            reply.set("response", Values.object().put("result", "from the service"));
            return reply;
        }).build();
        return new Interpreter(ctx).call("fetch", Values.object(), null);
    }

    @Test
    void theMockOfTheRunningTestAnswersAndNothingIsSent() throws Exception {
        assertEquals("from mock", run("mocked").textValue());
        assertEquals(0, sent.size());
    }

    @Test
    void anotherTestOrAPlainRunSendsTheRequest() throws Exception {
        assertEquals("from the service", run("another").textValue());
        assertEquals("from the service", run(null).textValue());
        assertEquals(2, sent.size());
    }
}
