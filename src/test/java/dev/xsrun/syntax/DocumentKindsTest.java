package dev.xsrun.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xsrun.ast.Document;
import dev.xsrun.ast.DocumentCatalogue;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.Stmt;
import dev.xsrun.diag.Diagnostic;
import dev.xsrun.filters.FilterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every construct of the language is parsed into the tree and checked against the document-kind catalogue. */
class DocumentKindsTest {
    private static final XsParser PARSER = new XsParser(FilterRegistry.standard().catalog());

    private static List<Document> parseClean(String file) throws IOException {
        ParseResult r = PARSER.parse(file, Files.readString(Path.of(file)));
        assertEquals(List.of(), r.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.toList()));
        return r.documents();
    }

    @Test
    void everyKindButTableIsBuiltIntoItsRecord() throws IOException {
        List<Document> docs = new ArrayList<>(parseClean("src/test/resources/documents/orders_api.xs"));
        docs.addAll(parseClean("src/test/resources/documents/assistants.xs"));
        List<String> kinds = new ArrayList<>();
        for (Document d : docs) {
            assertFalse(d instanceof Document.Other, "brace-matched only: " + d);
            kinds.add(d instanceof Document.Stacked ? ((Document.Stacked) d).kind()
                    : d instanceof Document.Settings ? ((Document.Settings) d).kind()
                    : d instanceof Document.WorkflowTest ? "workflow_test" : "function");
        }
        List<String> expected = new ArrayList<>(DocumentCatalogue.names());
        expected.removeAll(List.of("table", "run.job"));
        expected.add("agent");
        assertEquals(expected.stream().sorted().collect(Collectors.toList()), kinds.stream().sorted().collect(Collectors.toList()));
    }

    @Test
    void anAgentsOutputSchemaListsItsFieldsWithTheirTypes() throws IOException {
        Document.Settings grader = parseClean("src/test/resources/documents/assistants.xs").stream()
                .filter(d -> d instanceof Document.Settings && ((Document.Settings) d).name().equals("Grader"))
                .map(d -> (Document.Settings) d).findFirst().orElseThrow();
        Expr.ObjectLiteral llm = (Expr.ObjectLiteral) grader.attributes().get("llm");
        Expr.Entry output = llm.entries().get(llm.entries().size() - 1);
        assertEquals("output", output.key());
        assertEquals("{\"grade\":\"enum\",\"score\":\"int\",\"notes\":\"text\"}",
                ((Expr.Literal) output.value()).value().toString());
    }

    @Test
    void aStreamsMethodsAreStatementsNamedAsWritten() throws IOException {
        Document.Stacked q = (Document.Stacked) parseClean("src/test/resources/documents/live_feed.xs").get(0);
        List<Stmt> stack = q.stack();
        Stmt.Invoke opened = (Stmt.Invoke) stack.get(1);
        assertEquals("$feed.send", opened.name());
        assertEquals(List.of("event", "data"), List.copyOf(opened.attributes().keySet()));
        Stmt.ForEach loop = (Stmt.ForEach) stack.get(2);
        assertEquals("$feed.send", ((Stmt.Invoke) loop.body().get(0)).name());
        Stmt.Invoke close = (Stmt.Invoke) stack.get(3);
        assertEquals("$feed.close", close.name());
        assertTrue(close.attributes().isEmpty());
        assertFalse(dev.xsrun.ast.StatementCatalogue.lookup(close.name()).local());
    }

    @Test
    void aQueryKeepsItsVerbInputsStackResponseAndTests() throws IOException {
        Document.Stacked q = (Document.Stacked) parseClean("src/test/resources/documents/orders_api.xs").get(0);
        assertEquals("query", q.kind());
        assertEquals("shops/{shop_id}/orders", q.name());
        assertEquals("GET", q.verb());
        assertEquals(List.of("shop_id", "page"), q.inputs().stream().map(f -> f.name()).collect(Collectors.toList()));
        assertEquals(2, q.stack().size());
        assertTrue(q.response() instanceof Expr.ObjectLiteral);
        Stmt.Invoke dbQuery = (Stmt.Invoke) q.stack().get(0);
        assertTrue(dbQuery.attributes().containsKey("mock"), "mock stays on the statement");
        Stmt.Invoke call = (Stmt.Invoke) q.stack().get(1);
        assertEquals("GET", ((Expr.Literal) call.attributes().get("verb")).value().asText());

        Document.TestBlock t = q.tests().get(0);
        assertEquals("lists two orders", t.name());
        assertTrue(t.input() instanceof Expr.ObjectLiteral);
        assertEquals("test", ((Expr.Literal) t.datasource()).value().asText());
        assertEquals(List.of("expect.to_equal", "expect.to_be_defined"),
                t.stmts().stream().map(s -> ((Stmt.Invoke) s).name()).collect(Collectors.toList()));
        assertEquals(26, t.stmts().get(0).span().line());
    }

    @Test
    void functionsCarryTheirTestsAndAWorkflowTestItsStack() throws IOException {
        List<Document> docs = parseClean("src/test/resources/documents/assistants.xs");
        Document.FunctionDef f = (Document.FunctionDef) docs.get(docs.size() - 1);
        assertEquals("doubles", f.tests().get(0).name());
        assertNull(f.tests().get(0).datasource());
        Document.WorkflowTest w = (Document.WorkflowTest) docs.get(docs.size() - 2);
        assertEquals("order round trip", w.name());
        assertEquals(3, w.stack().size());
        Document.Stacked task = (Document.Stacked) parseClean("src/test/resources/documents/orders_api.xs").get(2);
        Expr schedule = task.attributes().get("schedule");
        assertTrue(Printer.print(schedule).contains("\"2026-01-01 02:30:00+0000\""), Printer.print(schedule));
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("unknown construct", "querry \"x\" verb=GET {\n}\n", "1:1: unknown construct `querry`; did you mean `query`?"),
                Arguments.of("misspelt query attribute", "query \"x\" verb=GET {\n  api_grup = \"A\"\n  stack {\n  }\n}\n",
                        "2:3: unknown attribute `api_grup` of a query; did you mean `api_group`?"),
                Arguments.of("unknown verb", "query \"x\" verb=GRT {\n  stack {\n  }\n}\n", "1:16: unknown verb `GRT`; did you mean `GET`?"),
                Arguments.of("query without verb", "query \"x\" {\n  stack {\n  }\n}\n",
                        "1:1: warning: query `x` has no verb; write query \"x\" verb=GET { ... } (or POST, PUT, PATCH, DELETE)"),
                Arguments.of("task without stack", "task \"t\" {\n  schedule = []\n}\n", "1:1: task `t` has no `stack { ... }` block"),
                Arguments.of("settings construct with a stack", "api_group \"g\" {\n  canonical = \"g\"\n  stack {\n  }\n}\n",
                        "3:3: unexpected `stack` in a api_group; it holds only attributes (`name = value`)"),
                Arguments.of("missing required attribute", "mcp_server \"m\" {\n  tools = []\n}\n", "1:1: a mcp_server needs `canonical = ...`"),
                Arguments.of("bad exception policy", "middleware \"m\" {\n  exception_policy = \"rethrw\"\n  stack {\n  }\n}\n",
                        "2:22: `exception_policy` is one of critical, rethrow, silent, not \"rethrw\"; did you mean `rethrow`?"),
                Arguments.of("error inside a trigger is placed", "table_trigger \"t\" {\n  table = \"x\"\n  stack {\n    var $a { value = 1 +* 2 }\n  }\n}\n",
                        "4:25: unexpected `*`; expected an expression"),
                Arguments.of("db.insert", "task \"t\" {\n  stack {\n    db.insert user {\n      data = {}\n    }\n  }\n}\n",
                        "3:5: unknown statement `db.insert`; did you mean `db.add`?"),
                Arguments.of("misspelt redis attribute", "function \"f\" {\n  stack {\n    redis.get {\n      kye = \"a\"\n    } as $v\n  }\n}\n",
                        "4:7: unknown attribute `kye` of `redis.get`; did you mean `key`?"),
                Arguments.of("expect without its value", "function \"f\" {\n  stack {\n  }\n  test \"t\" {\n    expect.to_equal ($response)\n  }\n}\n",
                        "5:5: `expect.to_equal` needs `value = ...`"),
                Arguments.of("unknown test attribute", "function \"f\" {\n  stack {\n  }\n  test \"t\" {\n    inputs = {}\n  }\n}\n",
                        "5:5: unknown attribute `inputs` of a test; did you mean `input`?"),
                Arguments.of("test without a name", "function \"f\" {\n  stack {\n  }\n  test {\n  }\n}\n",
                        "4:3: a test needs a name in quotes: test \"name\" { ... }"),
                Arguments.of("verb on another statement", "function \"f\" {\n  stack {\n    function.call \"g\" verb=GET\n  }\n}\n",
                        "3:23: `function.call` takes no `verb=`; only `api.call \"path\" verb=GET` does"),
                Arguments.of("commas between block properties", "function \"f\" {\n  stack {\n    throw { name = \"E\", value = \"m\" }\n  }\n}\n",
                        "3:23: warning: no comma between block properties: put each `name = value` on its own line (commas separate the entries of an object literal `{a: 1, b: 2}`)"),
                Arguments.of("object input without schema", "function \"f\" {\n  input {\n    object data\n  }\n  stack {\n  }\n}\n",
                        "3:5: warning: object input `data` needs a schema: object data { schema { text field } }; use `json data` for any JSON value"),
                Arguments.of("bare input reference", "function \"f\" {\n  input {\n    text name\n  }\n  stack {\n  }\n  response = $name\n}\n",
                        "7:14: warning: `$name` is not the input `name`: write `$input.name` (a bare `$name` is a stack variable, never set here)"),
                Arguments.of("reserved variable", "function \"f\" {\n  stack {\n    var $response { value = 1 }\n  }\n}\n",
                        "3:9: warning: `$response` is a name Xano reserves; choose another, such as `$response_value`"),
                Arguments.of("another language's type", "function \"f\" {\n  input {\n    boolean on\n  }\n  stack {\n  }\n}\n",
                        "3:5: unknown input type `boolean`; did you mean `bool`?"),
                Arguments.of("schema block outside an agent's llm", "function \"f\" {\n  stack {\n    var $o { value = {output {\n      text a\n    }} }\n  }\n}\n",
                        "3:23: `output { ... }` is not an object entry; write `output: ...` (only the `llm` of an agent takes a schema block, `output { ... }`)"),
                Arguments.of("unknown type in an agent's output", "agent \"a\" {\n  llm = {\n    output {\n      string s\n    }\n  }\n}\n",
                        "4:7: unknown input type `string`; did you mean `text`?"),
                Arguments.of("javascript given to an expression filter", "function \"f\" {\n  stack {\n    var $x { value = [1]|map:\"return $this * 2\" }\n  }\n}\n",
                        "3:30: warning: `|map` takes an expression without quotes (`$$ * 2`), not JavaScript; this maps to the text itself. For JavaScript use `|lambda_map`"),
                Arguments.of("expression given to a javascript filter", "function \"f\" {\n  stack {\n    var $x { value = [1]|lambda_map:$$.name }\n  }\n}\n",
                        "3:39: warning: `|lambda_map` takes JavaScript code in quotes (`\"return $this.name\"`); for an expression use `|map`"),
                Arguments.of("javascript without return", "function \"f\" {\n  stack {\n    var $x { value = [1]|lambda_filter:\"$this > 2\" }\n  }\n}\n",
                        "3:40: warning: the JavaScript of `|lambda_filter` has no `return`, so it gives undefined: write `\"return $this > 2\"`"),
                Arguments.of("reduce arguments swapped", "function \"f\" {\n  stack {\n    var $x { value = [1]|reduce:0:$$ + $result }\n  }\n}\n",
                        "3:26: warning: `|reduce` takes the expression first and the initial value last: `|reduce:$$ + $result:0`"),
                Arguments.of("lambda_reduce arguments swapped", "function \"f\" {\n  stack {\n    var $x { value = [1]|lambda_reduce:\"return $result\":0 }\n  }\n}\n",
                        "3:57: warning: `|lambda_reduce` takes the initial value first and the code second: `|lambda_reduce:0:\"return $result + $this\"`"),
                Arguments.of("image input given to storage", "function \"f\" {\n  input {\n    image? photo\n  }\n  stack {\n    storage.create_attachment {\n      value = $input.photo\n      access = \"private\"\n      filename = \"p\"\n    } as $f\n  }\n}\n",
                        "3:12: warning: `image` input `photo` holds the raw upload, which has no `.path`, so `storage.*` fails with \"Missing param: path\"; declare it `file? photo`"),
                Arguments.of("misspelt schema.parse member", "function \"f\" {\n  stack {\n    schema.parse.objet {\n      data = {}\n    } as $v\n  }\n}\n",
                        "3:5: unknown statement `schema.parse.objet`; did you mean `schema.parse.object`?"),
                Arguments.of("misspelt schema.parse attribute", "function \"f\" {\n  stack {\n    schema.parse.array {\n      dta = []\n    } as $v\n  }\n}\n",
                        "4:7: unknown attribute `dta` of `schema.parse.array`; did you mean `data`?"),
                Arguments.of("stack variable read by a test", "query \"q\" verb=GET {\n  stack {\n    var $half { value = 2 }\n    db.query \"t\" {} as $rows\n  }\n  response = $half\n  test \"t\" {\n    var $mine { value = 1 }\n    expect.to_equal ($response) {\n      value = $mine + $half\n    }\n  }\n}\n",
                        "10:23: warning: `$half` is a variable of the stack, which a test does not see (it reads as null); a test sees `$response`: return the value in `response = {...}` and read `$response.half`"),
                Arguments.of("db attribute a local run does not do", "function \"f\" {\n  stack {\n    db.query \"t\" {\n      output = [\"id\"]\n    } as $rows\n  }\n}\n",
                        "4:7: warning: `output` of `db.query` does not run locally yet: a local run stops at this statement"),
                Arguments.of("body instead of params", "function \"f\" {\n  stack {\n    api.request {\n      url = \"u\"\n      body = {}\n    } as $r\n  }\n}\n",
                        "5:7: unknown attribute `body` of `api.request`; api.request sends its body with `params = ...`"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void firstDiagnostic(String name, String source, String expected) {
        ParseResult r = PARSER.parse("case.xs", source);
        assertFalse(r.diagnostics().isEmpty(), "no diagnostic for: " + name);
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(expected, d.span().line() + ":" + d.span().column() + ": " + (d.isError() ? "" : "warning: ") + d.message());
    }
}
