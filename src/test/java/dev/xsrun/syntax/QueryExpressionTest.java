package dev.xsrun.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.xsrun.ast.Document;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.Stmt;
import dev.xsrun.diag.Diagnostic;
import dev.xsrun.filters.FilterRegistry;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The where language of queries, bare words, call forms, escapes and expression mistakes: shapes and messages. */
class QueryExpressionTest {
    private static final XsParser PARSER = new XsParser(FilterRegistry.standard().catalog());

    /** A function whose stack holds the given lines, which start on line 4. */
    private static String fn(String... stackLines) {
        return "function \"f\" {\n  input {}\n  stack {\n" + String.join("\n", stackLines) + "\n  }\n  response = null\n}\n";
    }

    private static String query(String where) {
        return fn("    db.query \"p\" {", "      where = " + where, "    } as $r");
    }

    private static Expr where(String where) {
        ParseResult r = PARSER.parse("q.xs", query(where));
        assertEquals(List.of(), r.diagnostics());
        Stmt.Invoke q = (Stmt.Invoke) ((Document.FunctionDef) r.documents().get(0)).stack().get(0);
        return q.attributes().get("where");
    }

    private static String messages(String source) {
        return PARSER.parse("t.xs", source).diagnostics().stream()
                .map(d -> d.span().line() + ":" + d.span().column() + ": " + (d.severity() == Diagnostic.Severity.WARNING ? "warning: " : "") + d.message())
                .collect(Collectors.joining("\n"));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(query("$db.p.tags containz \"a\""), "5:26: unknown operator `containz`; did you mean `contains`?"),
                Arguments.of(query("$db.p.tags nott in [1]"), "5:26: unexpected word `nott` before `in`; did you mean `not`?"),
                Arguments.of(query("$db.p.price between 5"), "5:27: `between` takes a range: `$db.p.price between low:high`"),
                Arguments.of(query("$db.p.price in 1:5"), "5:27: `in` does not take a range `low:high`; only `between` does"),
                Arguments.of(query("$db.p.v|cosine_distanse:$input.v"), "5:23: unknown filter `cosine_distanse`; did you mean `cosine_distance`?"),
                Arguments.of(fn("    var $x { value = $input.a in [1, 2] }"),
                        "4:31: `in` is an operator of database queries (the `where`, `join` and `eval` of `db.*` statements); outside a query write `([1, 2]|contains:$input.a)`"),
                Arguments.of(fn("    var $x { value = $input.t not contains \"a\" }"),
                        "4:31: `not contains` is an operator of database queries (the `where`, `join` and `eval` of `db.*` statements); outside a query write `!($input.t|contains:\"a\")`"),
                Arguments.of(fn("    var $x { value = $input.m @> {a: 1} }"),
                        "4:31: `@>` is an operator of database queries (the `where`, `join` and `eval` of `db.*` statements); it has no equivalent outside one"),
                Arguments.of(fn("    var $x { value = $input.s !~ \"^a\" }"),
                        "4:31: `!~` is an operator of database queries (the `where`, `join` and `eval` of `db.*` statements); outside a query write `!(\"^a\"|regex_matches:$input.s)`"),
                Arguments.of(fn("    var $x { value = math.ad(1, 2) }"), "4:22: unknown function `math.ad(...)`; did you mean `math.add`?"),
                Arguments.of(fn("    var $x { value = math.add(1) }"), "4:22: `math.add` takes 2 arguments (a, b), found 1"),
                Arguments.of(fn("    var $x { value = \"\\d+\" }"),
                        "4:23: warning: unknown escape `\\d` in text: it reads as `d` (the backslash is dropped); for a backslash write `\\\\d`"),
                Arguments.of(fn("    var $x { value = \"a\\n\\\\d \\$ \\x41\" }"), ""),
                Arguments.of(fn("    var $x { value = $input.a|count > 0 }"),
                        "4:37: Xano reads `count > ...` as the filter's argument and rejects it (\"Invalid syntax. Please wrap your filter with parentheses.\"); write `($input.a|count) > 0`"),
                Arguments.of(fn("    var $x { value = $input.v|to_text ~ \" items\" }"),
                        "4:39: Xano reads `to_text ~ ...` as the filter's argument and rejects it (\"Invalid syntax. Please wrap your filter with parentheses.\"); write `($input.v|to_text) ~ \" items\"`"),
                Arguments.of(fn("    var $x { value = ($input.a|count) > 0 && $input.b|is_empty }"), ""),
                Arguments.of(fn("    var $x { value = `$input.a|count > 0` }"), ""),
                Arguments.of(fn("    var $x { value = $input.a|default:\"x\" }"),
                        "4:31: there is no `default` filter; use `??` (`$x ?? \"fallback\"`) or `|first_notnull:\"fallback\"`"),
                Arguments.of(fn("    var $x { value = hello }"), "4:22: unexpected word `hello`; variables start with `$` and text needs quotes"),
                Arguments.of(fn("    var $x { value = [1]|index_by:g|pick:[a, b] }"), ""),
                Arguments.of(fn("    var $x { value = [{field: created_at, direction: desc}] }"), ""),
                Arguments.of(fn("    var $x { value = dbAddonAttr(\"rank\", {id: 1}) }"),
                        "4:22: `dbAddonAttr(...)` is only valid in a database query (the `eval` of `db.query`)"),
                Arguments.of(query("$db.p.id == dbAddonAttr(\"rank\")"),
                        "5:27: `dbAddonAttr` takes 2 arguments (addon name, input object), found 1"),
                Arguments.of(fn("    var $x { value = dbAddonAtr(1, 2) }"),
                        "4:22: unknown function `dbAddonAtr(...)`; did you mean `dbAddonAttr`?"),
                Arguments.of(fn("    var $x { value = {a: [b]} ~ c }"), "4:33: unexpected word `c`; variables start with `$` and text needs quotes"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void diagnostics(String source, String expected) {
        assertEquals(expected, messages(source));
    }

    @Test
    void wordOperatorsBuildQueryNodes() {
        Expr.Binary and = assertInstanceOf(Expr.Binary.class, where("$db.p.status not in [\"a\"] && $db.p.name includes? $input.q"));
        Expr.DbCompare notIn = assertInstanceOf(Expr.DbCompare.class, and.left());
        assertEquals(Expr.DbOp.IN, notIn.op());
        assertEquals(true, notIn.negated());
        assertEquals(false, notIn.nullSafe());
        Expr.DbCompare includes = assertInstanceOf(Expr.DbCompare.class, and.right());
        assertEquals(Expr.DbOp.INCLUDES, includes.op());
        assertEquals(true, includes.nullSafe());
        assertEquals("q", assertInstanceOf(Expr.Field.class, includes.right()).name());
    }

    @Test
    void symbolsAndRegexBuildQueryNodes() {
        assertEquals(Expr.DbOp.JSON_CONTAINS, assertInstanceOf(Expr.DbCompare.class, where("$db.p.meta @> {a: 1}")).op());
        Expr.DbCompare regex = assertInstanceOf(Expr.DbCompare.class, where("$db.p.sku ~ \"^A\""));
        assertEquals(Expr.DbOp.REGEX, regex.op());
        assertEquals(false, regex.negated());
        assertEquals(true, assertInstanceOf(Expr.DbCompare.class, where("$db.p.sku !~ \"^A\"")).negated());
        // `~` on values that read no table field stays a concatenation
        assertEquals(Expr.BinaryOp.CONCAT, assertInstanceOf(Expr.Binary.class,
                assertInstanceOf(Expr.Binary.class, where("$db.p.name == $input.a ~ \"x\"")).right()).op());
    }

    @Test
    void betweenAndQueryFilters() {
        Expr.DbBetween b = assertInstanceOf(Expr.DbBetween.class, where("$db.p.price not between $input.min:100"));
        assertEquals(true, b.negated());
        assertEquals(100L, assertInstanceOf(Expr.Literal.class, b.high()).value().longValue());
        Expr.DbFilterCall within = assertInstanceOf(Expr.DbFilterCall.class, where("$db.p.geo|within:$input.point:1000"));
        assertEquals("within", within.name());
        assertEquals(2, within.args().size());
        Expr.DbFilterCall year = assertInstanceOf(Expr.DbFilterCall.class,
                assertInstanceOf(Expr.Binary.class, where("($db.p.created_at|timestamp_year) == 2024")).left());
        assertEquals("timestamp_year", year.name());
        // a filter on a value that reads no table field is computed before the query
        assertInstanceOf(Expr.FilterApp.class, assertInstanceOf(Expr.Binary.class, where("$db.p.name == ($input.q|trim)")).right());
    }

    @Test
    void anAddonPerRowIsAQueryNodeAndPrintsBackAsACall() {
        ParseResult r = PARSER.parse("q.xs", fn("    db.query \"p\" {", "      eval = {score: dbAddonAttr(\"rank\", {pid: $db.p.id})}", "    } as $r"));
        assertEquals(List.of(), r.diagnostics());
        Stmt.Invoke q = (Stmt.Invoke) ((Document.FunctionDef) r.documents().get(0)).stack().get(0);
        Expr score = ((Expr.ObjectLiteral) q.attributes().get("eval")).entries().get(0).value();
        Expr.DbFilterCall addon = assertInstanceOf(Expr.DbFilterCall.class, score);
        assertEquals("rank", assertInstanceOf(Expr.Literal.class, addon.input()).value().textValue());
        assertEquals("dbAddonAttr(\"rank\", {pid: $db.p.id})", Printer.print(addon));
    }

    @Test
    void callFormsBareWordsAndDottedKeysBuildOrdinaryNodes() {
        List<Diagnostic> problems = new java.util.ArrayList<>();
        Expr.FilterApp add = assertInstanceOf(Expr.FilterApp.class, PARSER.parseExpression("e", "math.sub(10, 4)", problems));
        assertEquals("subtract", add.name());
        assertEquals(10L, assertInstanceOf(Expr.Literal.class, add.input()).value().longValue());
        assertEquals(4L, assertInstanceOf(Expr.Literal.class, add.args().get(0)).value().longValue());
        Expr.FilterApp hmac = assertInstanceOf(Expr.FilterApp.class, PARSER.parseExpression("e", "\"a\"|hmac_sha256:MY_KEY", problems));
        assertEquals("MY_KEY", assertInstanceOf(Expr.Literal.class, hmac.args().get(0)).value().textValue());
        Expr.ObjectLiteral sort = assertInstanceOf(Expr.ObjectLiteral.class, PARSER.parseExpression("e", "{jokes.id: \"rand\"}", problems));
        assertEquals("jokes.id", sort.entries().get(0).key());
        assertEquals(List.of(), problems);
    }
}
