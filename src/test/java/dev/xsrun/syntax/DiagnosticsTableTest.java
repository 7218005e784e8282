package dev.xsrun.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.xsrun.diag.Diagnostic;
import dev.xsrun.diag.DiagnosticRenderer;
import dev.xsrun.filters.FilterRegistry;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Source text in, exact {@code line:col: message} out: the parser's diagnostics as a table. */
class DiagnosticsTableTest {
    private static final XsParser PARSER = new XsParser(FilterRegistry.standard().catalog());

    /** Wraps statements in a function so each case is a few lines; statements start on line 4. */
    private static String fn(String... stackLines) {
        return "function \"f\" {\n  input {}\n  stack {\n" + String.join("\n", stackLines) + "\n  }\n  response = null\n}\n";
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("missing closing brace of a statement",
                        "function \"f\" {\n  input {}\n  stack {\n    var $x {\n      value = 1\n    var $y { value = 2 }\n  }\n  response = $x\n}\n",
                        "4:12: this `{` is never closed: the file ends before its `}`"),
                Arguments.of("missing closing brace at the end", "function \"f\" {\n  input {}\n  stack {\n  }\n",
                        "1:14: this `{` is never closed: the file ends before its `}`"),
                Arguments.of("unknown statement", fn("    var.updat $x { value = 1 }"),
                        "4:5: unknown statement `var.updat`; did you mean `var.update`?"),
                Arguments.of("unknown statement far from any", fn("    frobnicate $x { value = 1 }"),
                        "4:5: unknown statement `frobnicate`"),
                Arguments.of("unknown filter", fn("    var $x { value = \"a\"|to_uper }"),
                        "4:26: unknown filter `to_uper`; did you mean `to_upper`?"),
                Arguments.of("filter only valid in a query", fn("    var $x { value = 5|cosine_distance:2 }"),
                        "4:24: filter `cosine_distance` is only valid in a database query"),
                Arguments.of("too many filter arguments", fn("    var $x { value = \"a\"|to_upper:1 }"),
                        "4:26: warning: filter `to_upper` takes no arguments, got 1 (the extra one is ignored); usage: |to_upper"),
                Arguments.of("missing filter argument", fn("    var $x { value = \"a,b\"|split }"),
                        "4:28: warning: filter `split` needs argument `separator` (text); usage: |split:separator"),
                Arguments.of("unknown input type", "function \"f\" {\n  input {\n    string name\n  }\n  stack {\n  }\n}\n",
                        "3:5: unknown input type `string`; did you mean `text`?"),
                Arguments.of("input filter not allowed for the type", "function \"f\" {\n  input {\n    int n filters=trim\n  }\n  stack {\n  }\n}\n",
                        "3:19: input filter `trim` cannot be used on a `int` input; allowed: max, min"),
                Arguments.of("attribute without =", fn("    var $x {", "      value 5", "    }"),
                        "5:7: attribute `value` needs `=`: write `value = ...`"),
                Arguments.of("attribute without = before text", fn("    api.request {", "      url \"https://x.test\"", "    } as $r"),
                        "5:7: attribute `url` needs `=`: write `url = ...`"),
                Arguments.of("unclosed ( before a block", fn("    conditional {", "      if (($x > 1) {", "      }", "    }"),
                        "5:20: expected `)` to close the `(` at 5:10, found `{`"),
                Arguments.of("unclosed ( inside a value", fn("    var $y { value = ($x + 1 }"),
                        "4:30: expected `)` to close the `(` at 4:22, found `}`"),
                Arguments.of("hash comment", "function \"f\" {\n  # note\n  input {}\n  stack {\n  }\n}\n",
                        "2:3: unexpected `#`; comments start with `//`"),
                Arguments.of("unterminated text", fn("    var $y { value = \"abc }"),
                        "4:22: unterminated text: the \" opened here has no closing \""),
                Arguments.of("operator without right operand", fn("    var $y { value = 1 + }"),
                        "4:26: unexpected `}`; expected an expression"),
                Arguments.of("unknown attribute", fn("    api.request {", "      url = \"https://x.test\"", "      payload = {}", "    } as $r"),
                        "6:7: unknown attribute `payload` of `api.request`; it accepts async, ca_certificate, certificate, certificate_pass, follow_location, headers, method, params, private_key, private_key_pass, timeout, url, verify_host, verify_peer"),
                Arguments.of("misspelt attribute", fn("    api.request {", "      url = \"https://x.test\"", "      metod = \"GET\"", "    } as $r"),
                        "6:7: unknown attribute `metod` of `api.request`; did you mean `method`?"),
                Arguments.of("missing required attribute", fn("    debug.log {", "      description = \"x\"", "    }"),
                        "4:5: `debug.log` needs `value = ...`"),
                Arguments.of("if outside conditional", fn("    if ($x) {", "    }"),
                        "4:5: `if` must be inside a `conditional { ... }` block"),
                Arguments.of("else if written as two words", fn("    conditional {", "      if (true) {", "      }", "      else if (false) {", "      }", "    }"),
                        "7:12: `else if` is not valid; write `elseif`"),
                Arguments.of("break outside a loop", fn("    break"),
                        "4:5: `break` outside a loop"),
                Arguments.of("assigning to $input", fn("    var.update $input.x { value = 1 }"),
                        "4:16: `$input` is read-only; it cannot be assigned"),
                Arguments.of("var with a path", fn("    var $x.y { value = 1 }"),
                        "4:9: `var` declares a whole variable; use `var.update` to write into `$x.y`"),
                Arguments.of("bare word", fn("    var $x { value = hello }"),
                        "4:22: unexpected word `hello`; variables start with `$` and text needs quotes"),
                Arguments.of("run job without main", "run.job \"J\" {\n  env = []\n}\n",
                        "1:1: run job `J` has no `main = { name: \"function\", input: {...} }`"),
                Arguments.of("run job input not constant", "run.job \"J\" {\n  main = {name: \"f\", input: {a: $x}}\n}\n",
                        "2:33: `main.input` must be a constant (literals only, no variables or filters)"),
                Arguments.of("function without stack", "function \"f\" {\n  input {}\n}\n",
                        "1:1: function `f` has no `stack { ... }` block"),
                Arguments.of("stray closing brace in a table", "table \"t\" {\n  schema {\n    int id\n  }\n}\n}\n",
                        "6:1: unexpected `}`: it closes nothing"),
                Arguments.of("unknown method of a stream", fn("    api.stream { format = \"sse\" } as $s", "    $s.sendd { data = 1 }"),
                        "5:8: unknown method `sendd` of `$s`; did you mean `send`? (a stream of `api.stream ... as $s` has close and send)"),
                Arguments.of("unknown attribute of a stream method", fn("    $s.send { dat = 1 }"),
                        "4:15: unknown attribute `dat` of `$s.send`; did you mean `data`?"),
                Arguments.of("empty file", "// nothing here\n",
                        "1:1: the file holds no construct; expected `function \"name\" { ... }` or `run.job \"Name\" { ... }`"),
                Arguments.of("multidoc of comments only", "// one\n---\n// two\n---\n\n",
                        "1:1: the file holds no construct; expected `function \"name\" { ... }` or `run.job \"Name\" { ... }`"),
                Arguments.of("deep nesting", fn("    var $x { value = " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + " }"),
                        "4:219: nesting is deeper than 200 levels"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firstDiagnostic(String name, String source, String expected) {
        ParseResult r = PARSER.parse("case.xs", source);
        List<Diagnostic> all = r.diagnostics();
        assertEquals(1, Math.min(1, all.size()), "no diagnostic for: " + name);
        Diagnostic d = all.get(0);
        assertEquals(expected, d.span().line() + ":" + d.span().column() + ": " + (d.isError() ? "" : "warning: ") + d.message());
    }

    @Test
    void everyProblemOfAValidlyParsedFileIsReported() {
        ParseResult r = PARSER.parse("case.xs", fn("    var $x { value = \"a\"|to_uper }", "    frobnicate $y", "    var $z { value = 1|abss }"));
        List<String> lines = r.diagnostics().stream().map(d -> d.span().line() + ":" + d.span().column()).collect(Collectors.toList());
        assertEquals(List.of("4:26", "5:5", "6:24"), lines);
    }

    @Test
    void rendersTheSourceLineWithAMarkerAsLongAsTheSpan() {
        ParseResult r = PARSER.parse("jobs/x/f.xs", fn("    var $x { value = \"a\"|to_uper }"));
        String out = new DiagnosticRenderer(Map.of("jobs/x/f.xs", r.source())).render(r.diagnostics().get(0));
        assertEquals("jobs/x/f.xs:4:26: unknown filter `to_uper`; did you mean `to_upper`?\n"
                + "      var $x { value = \"a\"|to_uper }\n"
                + "                           ^~~~~~~\n", out);
    }

    @Test
    void otherTopLevelKindsAreRecognisedAndSkipped() {
        ParseResult r = PARSER.parse("t.xs", "table \"user\" {\n  schema {\n    int id\n    text name filters=trim\n  }\n  index = [{type: \"primary\", field: [{name: \"id\"}]}]\n}\n");
        assertEquals(List.of(), r.diagnostics());
        dev.xsrun.ast.Document.Table t = (dev.xsrun.ast.Document.Table) r.documents().get(0);
        assertEquals("user", t.name());
        assertEquals(List.of("id", "name"), t.schema().stream().map(dev.xsrun.ast.InputField::name).toList());
        assertEquals("primary", t.indexes().get(0).type());
    }

    @Test
    void aMultidocPartOfOnlyCommentsIsAHeadingNotAnError() {
        ParseResult r = PARSER.parse("m.xs", "// Helpers of the orders API\n---\nfunction \"f\" {\n  input {}\n  stack {\n  }\n}\n---\n// the end\n");
        assertEquals(List.of(), r.diagnostics());
        assertEquals(1, r.documents().size());
    }

    @Test
    void multidocFilesKeepTheirLineNumbers() {
        ParseResult r = PARSER.parse("m.xs", "run.job \"J\" {\n  main = {name: \"f\", input: {}}\n}\n---\nfunction \"f\" {\n  input {}\n  stack {\n    var $x { value = 1|abss }\n  }\n}\n");
        assertEquals("8:24", r.diagnostics().get(0).span().line() + ":" + r.diagnostics().get(0).span().column());
    }
}
