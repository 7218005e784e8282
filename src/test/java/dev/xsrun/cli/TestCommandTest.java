package dev.xsrun.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code xsrun test} through the command line: test folders of its own, the examples, JUnit XML, mocks. */
class TestCommandTest {
    private static final String TESTING = "src/test/resources/testing/";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static String masked(String out) {
        return out.replaceAll("\\) \\d+ ms\\n", ") <time> ms\n");
    }

    @Test
    void everyAssertionPassesWhereItShould() {
        Cli r = Cli.run("test", TESTING + "passing");
        assertEquals(0, r.exit, r.toString());
        assertEquals(String.join("\n",
                "PASS adds two numbers (" + TESTING + "passing/function/add.xs) <time> ms",
                "PASS handles negative numbers (" + TESTING + "passing/function/add.xs) <time> ms",
                "PASS describes a profile (" + TESTING + "passing/function/profile.xs) <time> ms",
                "PASS accepts an age (" + TESTING + "passing/function/validate_age.xs) <time> ms",
                "PASS rejects a negative age (" + TESTING + "passing/function/validate_age.xs) <time> ms",
                "PASS rejects a negative age with its message (" + TESTING + "passing/function/validate_age.xs) <time> ms",
                "PASS adds then validates (" + TESTING + "passing/workflow_test/arithmetic.xs) <time> ms",
                "7 passed, 0 failed", ""), masked(r.out));
    }

    @Test
    void failingTestsShowPositionExpectedAndActualAndTheRestStillRun() throws Exception {
        Cli r = Cli.run("test", TESTING + "failing", "--timeout", "1s");
        assertEquals(1, r.exit, r.toString());
        assertEquals(Files.readString(Path.of(TESTING + "failing.expected")), masked(r.out));
        assertFalse(r.all().contains("\tat "), "no stack trace: " + r);
    }

    @Test
    void filterRunsOnlyTheMatchingTests() {
        Cli r = Cli.run("test", TESTING + "failing", "--filter", "total.xs:passes");
        assertEquals(0, r.exit, r.toString());
        assertEquals("PASS passes (" + TESTING + "failing/function/total.xs) <time> ms\n1 passed, 0 failed\n", masked(r.out));
    }

    @Test
    void junitReportHasOneTestcasePerTestWithTheFailures(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.xml");
        Cli r = Cli.run("test", TESTING + "failing", "--timeout", "1s", "--junit", report.toString());
        assertEquals(1, r.exit, r.toString());
        org.w3c.dom.Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        Element suite = xml.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("8", suite.getAttribute("tests"));
        assertEquals("7", suite.getAttribute("failures"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(8, cases.getLength());
        assertEquals("workflow_test", ((Element) cases.item(7)).getAttribute("classname"));
        Element passes = (Element) cases.item(1);
        assertEquals("passes", passes.getAttribute("name"));
        assertEquals("total", passes.getAttribute("classname"));
        assertEquals(0, passes.getElementsByTagName("failure").getLength());
        Element wrong = (Element) cases.item(2);
        assertEquals("wrong total and label", wrong.getAttribute("name"));
        Element failure = (Element) wrong.getElementsByTagName("failure").item(0);
        assertEquals("expect.to_equal failed", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("total.xs:31:5: expect.to_start_with failed\n  expected: a value starting with \"sum\""),
                failure.getTextContent());
        Element never = (Element) cases.item(0);
        assertEquals("forever", never.getAttribute("classname"));
        assertTrue(((Element) never.getElementsByTagName("failure").item(0)).getAttribute("message").contains("stopped by --timeout after 1s"));
    }

    @Test
    void junitReportsValidateAgainstTheJUnitSchema(@TempDir Path dir) throws Exception {
        javax.xml.validation.Validator validator = javax.xml.validation.SchemaFactory
                .newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of(TESTING + "junit.xsd").toFile()).newValidator();
        Path failing = dir.resolve("failing.xml");
        assertEquals(1, Cli.run("test", TESTING + "failing", "--timeout", "1s", "--junit", failing.toString()).exit);
        validator.validate(new javax.xml.transform.stream.StreamSource(failing.toFile()));
        Path passing = dir.resolve("passing.xml");
        assertEquals(0, Cli.run("test", TESTING + "passing", "--junit", passing.toString()).exit);
        validator.validate(new javax.xml.transform.stream.StreamSource(passing.toFile()));

        // the schema is not a rubber stamp: a testcase without its classname is refused
        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, Files.readString(passing).replaceFirst(" classname=\"[^\"]*\"", ""));
        org.xml.sax.SAXException refused = org.junit.jupiter.api.Assertions.assertThrows(org.xml.sax.SAXException.class,
                () -> validator.validate(new javax.xml.transform.stream.StreamSource(broken.toFile())));
        assertTrue(refused.getMessage().contains("classname"), refused.getMessage());
    }

    @Test
    void aMockedRequestSendsNothingAndAnUnmockedOneReachesTheService() {
        api.stubFor(get(urlPathEqualTo("/current")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"weather\":\"snowy\",\"temp\":-3}")));
        String route = "https://weather.example.com=http://127.0.0.1:" + api.getPort();
        Cli mocked = Cli.run("test", TESTING + "mocks", "--route", route, "--filter", "for ");
        assertEquals(0, mocked.exit, mocked.toString());
        assertTrue(masked(mocked.out).endsWith("2 passed, 0 failed\n"), mocked.out);
        assertEquals(0, api.findAll(anyRequestedFor(anyUrl())).size(), "a mocked api.request sends nothing");

        Cli all = Cli.run("test", TESTING + "mocks", "--route", route);
        assertEquals(0, all.exit, all.toString());
        assertTrue(all.out.contains("PASS greets by name (" + TESTING + "mocks/endpoint.xs)"), all.out);
        assertTrue(all.out.endsWith("4 passed, 0 failed\n"), all.out);
        List<LoggedRequest> sent = api.findAll(getRequestedFor(urlPathEqualTo("/current")));
        assertEquals(1, sent.size(), "only the test without a mock asked the service");
        assertEquals("Oslo", sent.get(0).queryParameter("city").firstValue());
    }

    @Test
    void testsAreIsolatedFromEachOther() {
        // the same construct's tests: each gets its own list literal, its own fresh database and its own mock
        Cli r = Cli.run("test", TESTING + "isolation");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.endsWith("3 passed, 0 failed\n"), r.out);
    }

    @Test
    void mocksOnVarAndFunctionRunAnswerUnderTheirTestOnly() {
        String dir = TESTING + "mock-statements/function/";
        Cli r = Cli.run("test", TESTING + "mock-statements");
        assertEquals(0, r.exit, r.toString());
        assertEquals(String.join("\n",
                "PASS custom greeting (" + dir + "greeting.xs) <time> ms",
                "PASS plain greeting (" + dir + "greeting.xs) <time> ms",
                "PASS mocked update (" + dir + "greeting.xs) <time> ms",
                "PASS converts with a fixed rate (" + dir + "price_in.xs) <time> ms",
                "PASS keeps the mocked object apart (" + dir + "price_in.xs) <time> ms",
                "PASS an unmocked call reaches the function (" + dir + "price_in.xs) <time> ms",
                "6 passed, 0 failed", ""), masked(r.out));
    }

    @Test
    void workflowTestsCallTheFoldersQueriesTasksAndMiddlewareAndSayWhenATargetCannotRun() {
        String dir = TESTING + "workflow-calls/workflow_test/";
        Cli r = Cli.run("test", TESTING + "workflow-calls");
        assertEquals(1, r.exit, r.toString());
        assertEquals(String.join("\n",
                "PASS calls a query, a task and a middleware of the folder (" + dir + "calls.xs) <time> ms",
                "FAIL a call whose target is not in the folder (" + dir + "missing_target.xs) <time> ms",
                "  " + dir + "missing_target.xs:3:5: unexpected error ERROR_FATAL: tool.call \"lookup_weather\" cannot run locally:"
                        + " the tested folder has no such tool (xsrun calls only the constructs of the folder it tests)",
                "PASS a mocked api.call does not run the query (" + dir + "mocked_call.xs) <time> ms",
                "2 passed, 1 failed", ""), masked(r.out));
    }

    @Test
    void eachTestHasItsOwnDatabaseAndOnlyALiveDatasourceStartsFromTheJobsDataWithoutWritingIt(@TempDir Path job) throws Exception {
        Files.createDirectories(job.resolve("table"));
        Files.createDirectories(job.resolve("workflow_test"));
        Files.writeString(job.resolve("run.xs"), "run.job \"Notes\" {\n  main = { name: \"count_notes\", input: {} }\n}\n");
        Files.writeString(job.resolve("table/note.xs"), String.join("\n",
                "table \"note\" {", "  auth = false", "  schema {", "    int id", "    text body", "  }",
                "  index = [{ type: \"primary\", field: [{ name: \"id\" }] }]", "}", ""));
        String count = "    db.query \"note\" {\n      return = { type: \"count\" }\n    } as $n\n";
        Files.writeString(job.resolve("workflow_test/live.xs"), String.join("\n",
                "workflow_test \"sees the job's notes and deletes them\" {", "  datasource = \"live\"", "  stack {", count
                        + "    expect.to_equal ($n) { value = 2 }",
                "    db.query \"note\" as $all",
                "    foreach ($all) {", "      each as $note {",
                "        db.del \"note\" { field_name = \"id\" field_value = $note.id }", "      }", "    }",
                count + "    expect.to_equal ($n) { value = 0 }", "  }", "}", ""));
        Files.writeString(job.resolve("workflow_test/fresh.xs"), String.join("\n",
                "workflow_test \"starts from empty tables\" {", "  stack {", count
                        + "    expect.to_equal ($n) { value = 0 }",
                "    db.add \"note\" { data = { body: \"scratch\" } }", count + "    expect.to_equal ($n) { value = 1 }", "  }", "}", ""));
        Path seed = job.resolve("notes.jsonl");
        Files.writeString(seed, "{\"body\": \"first\"}\n{\"body\": \"second\"}\n");
        Cli imported = Cli.run("db", "import", "note", seed.toString(), "--job", job.toString());
        assertEquals(0, imported.exit, imported.toString());

        for (int round = 0; round < 2; round++) {
            Cli r = Cli.run("test", job.toString());
            assertEquals(0, r.exit, r.toString());
            assertTrue(r.out.endsWith("2 passed, 0 failed\n"), r.out);
        }
        Cli exported = Cli.run("db", "export", "note", "--job", job.toString());
        assertEquals(0, exported.exit, exported.toString());
        assertEquals(2, exported.out.lines().count(), "the live test deleted its copy's rows, not the job's: " + exported.out);
    }

    @Test
    void checkReportsUnknownAssertionsMockKeysOfNoTestAndTestsWithoutAssertions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("f.xs");
        Files.writeString(file, String.join("\n",
                "function \"double\" {",
                "  input {",
                "    int a",
                "  }",
                "  stack {",
                "    var $x {",
                "      value = $input.a * 2",
                "      mock = { \"doubles\": 4, \"dobules twice\": 8 }",
                "    }",
                "  }",
                "  response = $x",
                "  test \"doubles\" {",
                "    input = { a: 2 }",
                "    expect.to_equal ($response) { value = 4 }",
                "  }",
                "  test \"doubles twice\" {",
                "    input = { a: 4 }",
                "  }",
                "}",
                "---",
                "workflow_test \"flow\" {",
                "  stack {",
                "    function.call \"double\" {",
                "      input = { a: 1 }",
                "      mock = { \"flow\": 2, \"other\": 3 }",
                "    } as $d",
                "    expect.to_be_greter_than ($d) { value = 1 }",
                "  }",
                "}", ""));
        Cli r = Cli.run("check", file.toString());
        assertEquals(65, r.exit, r.toString());
        String f = file.toString();
        assertTrue(r.err.contains(f + ":27:5: unknown statement `expect.to_be_greter_than`; did you mean `expect.to_be_greater_than`?"), r.err);
        assertTrue(r.err.contains(f + ":16:3: warning: test `doubles twice` has no assertion (expect.*)"), r.err);
        assertTrue(r.err.contains(f + ":8:47: warning: mock key `dobules twice` names no test of function `double`; did you mean `doubles twice`?"), r.err);
        assertTrue(r.err.contains(f + ":25:36: warning: mock key `other` names no test of workflow_test `flow`; its tests are `flow`"), r.err);
        assertFalse(r.err.contains("warning: test `doubles` "), r.err);
        assertFalse(r.err.contains("mock key `doubles`"), r.err);
        assertFalse(r.err.contains("mock key `flow`"), r.err);
    }

    @Test
    void casesAfterXanosUnitTestingDocsPass() {
        Cli r = Cli.run("test", TESTING + "docs-cases");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("PASS a missing book is null (" + TESTING + "docs-cases/query/book.xs)"), r.out);
        assertTrue(r.out.contains("PASS a blank required label never reaches the stack (" + TESTING + "docs-cases/function/rename.xs)"), r.out);
        assertTrue(r.out.endsWith("5 passed, 0 failed\n"), r.out);
    }

    @Test
    void theExamplesPassTheirOwnTests() {
        Cli r = Cli.run("test", "jobs/", "examples/");
        assertEquals(0, r.exit, r.toString());
        assertTrue(r.out.contains("PASS tracks one event per signup (Segment call mocked) (jobs/segment-track-event/"), r.out);
        assertTrue(r.out.contains("PASS a message over 32 KB is refused before sending (jobs/segment-track-event/"), r.out);
        assertTrue(r.out.contains("PASS reports a refused write key (examples/segment-track-event/functions/segment_track_event.xs)"), r.out);
        assertTrue(r.out.contains("PASS merges contacts that share an e-mail address (examples/contact-dedupe/workflow_test/"), r.out);
        assertTrue(r.out.contains("PASS distinct addresses are all kept (examples/contact-dedupe/function/dedupe_contacts.xs)"), r.out);
        assertTrue(r.out.contains("PASS applies the spring coupon (examples/order-summary/function/summarise_order.xs)"), r.out);
        assertTrue(r.out.contains("PASS an empty table has nothing to merge (examples/contact-dedupe/"), r.out);
        assertTrue(r.out.contains("PASS reports a breezy day (examples/weather-report/function/weather_report.xs)"), r.out);
        assertTrue(r.out.endsWith("18 passed, 0 failed\n"), r.out);
    }

    @Test
    void badCommandLinesAndSourcesHaveTheirExitCodes(@TempDir Path dir) throws Exception {
        assertEquals(2, Cli.run("test", dir.resolve("missing").toString()).exit);
        assertEquals(2, Cli.run("test", TESTING + "passing", "--timeout", "soon").exit);
        Files.writeString(dir.resolve("broken.xs"), "function \"f\" {\n  stack {\n    var $x {\n  }\n");
        Cli r = Cli.run("test", dir.toString());
        assertEquals(65, r.exit, r.toString());
        assertTrue(r.err.contains("broken.xs:"), r.err);
        assertFalse(r.all().contains("\tat "), r.toString());
    }
}
