package dev.xsrun.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.xsrun.ast.Expr;
import dev.xsrun.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The canonical text of expressions and statements: which parentheses stay, how literals are written. */
class PrinterTest {

    @ParameterizedTest(name = "{0}  =>  {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '\u00a7', textBlock = """
            # source                              => canonical
            1 + 2 * 3                             => 1 + 2 * 3
            (1 + 2) * 3                           => (1 + 2) * 3
            (10 - 4) - 3                          => 10 - 4 - 3
            10 - (4 - 3)                          => 10 - (4 - 3)
            "n=" ~ ($a + 1)                       => "n=" ~ $a + 1
            ($a ~ "x") + 1                        => ($a ~ "x") + 1
            $a ?? ($b ?? $c)                      => $a ?? $b ?? $c
            ($a ?? $b) ?? $c                      => ($a ?? $b) ?? $c
            $a ?: ($b ?: $c)                      => $a ?: $b ?: $c
            ($a ? 1 : 2) ?: 3                     => ($a ? 1 : 2) ?: 3
            $a ?: ($b ? 1 : 2)                    => $a ?: $b ? 1 : 2
            $a ? ($b ? 1 : 2) : ($c ? 3 : 4)      => $a ? $b ? 1 : 2 : $c ? 3 : 4
            ($a ? 1 : 2) ? 3 : 4                  => ($a ? 1 : 2) ? 3 : 4
            $a ==? $b                             => $a ==? $b
            !($a && $b)                           => !($a && $b)
            (!$a) && $b                           => !$a && $b
            -(5)                                  => -(5)
            -5|abs                                => -5|abs
            -(5|abs)                              => -(5|abs)
            -($x|abs)                             => -$x|abs
            (-$x)|abs                             => (-$x)|abs
            3 - -2                                => 3 - -2
            3 - (-$x)                             => 3 - -$x
            !(true[0])                            => !(true[0])
            $x|get:"a" ~ "b"                      => $x|get:"a" ~ "b"
            ($x|get:"a") ~ "b"                    => ($x|get:"a") ~ "b"
            "Hi " ~ $x|to_upper                   => "Hi " ~ $x|to_upper
            ("Hi " ~ $x)|to_upper                 => ("Hi " ~ $x)|to_upper
            ($x|count) > 0                        => ($x|count) > 0
            !$x|is_empty                          => !$x|is_empty
            !($x|is_empty) || $y                  => !($x|is_empty) || $y
            $x|get:($a|first)                     => $x|get:($a|first)
            $x|get:($c ? 1 : 2)                   => $x|get:($c ? 1 : 2)
            $x|get:$a + 1 ?? 0                    => $x|get:$a + 1 ?? 0
            $c ? ($x|trim) : 2                    => $c ? ($x|trim) : 2
            $c ? 1 : $x|trim                      => $c ? 1 : $x|trim
            ($c|trim) ? 1 : 2                     => ($c|trim) ? 1 : 2
            ($x|first).id                         => ($x|first).id
            ($x|split:",")[2]                     => ($x|split:",")[2]
            $x|!trim|to_lower                     => $x|!trim|to_lower
            $x|get:"a":                           => $x|get:"a":null
            |to_text                              => null|to_text
            $x.items.0.name                       => $x.items[0].name
            $x."a b"                              => $x."a b"
            $x.$k                                 => $x[$k]
            ($x.filters) == 1                     => ($x.filters) == 1
            `$a % 2`                              => $a % 2
            2.50                                  => 2.5
            100.0                                 => 100.0
            0.000001                              => 0.000001
            12345678901234567890                  => 12345678901234567000.0
            -9223372036854775807                  => -9223372036854775807
            "tab\\t \\x01 \\/ \\$"                => "tab\\t \\x01 / $"
            'it\\'s \\n'                          => "it's \\\\n"
            {"a": 1, "b c": 2, 3: 4}              => {a: 1, "b c": 2, "3": 4}
            {$k: 1, ...$base}                     => {$k: 1, ...$base}
            [1, ...$more, -1]                     => [1, ...$more, -1]
            $$.a + now                            => $$.a + now
            !int "42"                             => 42
            !json "[1, 2]"                        => !json "[1,2]"
            """)
    void expressionsKeepOnlyTheParenthesesTheyNeed(String source, String canonical) {
        Expr tree = parse(source);
        String printed = Printer.print(tree);
        assertEquals(canonical, printed);
        Expr again = parse(printed);
        assertNull(TreeDiff.diff(tree, again), () -> "tree changed: " + TreeDiff.diff(tree, again));
    }

    @Test
    void statementsFollowTheCanonicalLayout() {
        String source = "function \"f\" {\n"
                + "  input { text name?=\"x\" filters=trim { description = \"who\" } int[1:] ids }\n"
                + "  stack {\n"
                + "    var $a {\n      value = 1\n    }\n"
                + "    conditional { if ($a) { return { value = 1 } } else {} }\n"
                + "    switch ($a) { case (1) { debug.log { value = 1 } } break\n    default { } }\n"
                + "    foreach ($input.ids) { each as $id { !continue } }\n"
                + "    array.find ($input.ids) if ($$ > 1) as $hit\n"
                + "    api.request { url = \"u\"\n method = \"GET\" } as $r\n"
                + "  }\n"
                + "  response = {a: $a}\n"
                + "}\n";
        String expected = "function \"f\" {\n"
                + "  input {\n"
                + "    text name?=\"x\" filters=trim { description = \"who\" }\n"
                + "    int[1:] ids\n"
                + "  }\n"
                + "  stack {\n"
                + "    var $a { value = 1 }\n"
                + "    conditional {\n"
                + "      if ($a) {\n"
                + "        return { value = 1 }\n"
                + "      }\n"
                + "      else {}\n"
                + "    }\n"
                + "    switch ($a) {\n"
                + "      case (1) {\n"
                + "        debug.log { value = 1 }\n"
                + "      } break\n"
                + "      default {}\n"
                + "    }\n"
                + "    foreach ($input.ids) {\n"
                + "      each as $id {\n"
                + "        !continue\n"
                + "      }\n"
                + "    }\n"
                + "    array.find ($input.ids) if ($$ > 1) as $hit\n"
                + "    api.request {\n"
                + "      url = \"u\"\n"
                + "      method = \"GET\"\n"
                + "    } as $r\n"
                + "  }\n"
                + "  response = {a: $a}\n"
                + "}\n";
        ParseResult r = RoundTripTest.PARSER.parse("f.xs", source);
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        assertEquals(expected, Printer.print(r.documents()));
    }

    @Test
    void decimalsAreWrittenWithoutExponents() {
        assertEquals("10000000000000000000000000.0", Printer.decimal(1e25));
        assertEquals("0.00000000123", Printer.decimal(1.23e-9));
        assertEquals("-0.0", Printer.decimal(-0.0));
        assertEquals(1e25, Double.parseDouble(Printer.decimal(1e25)));
        assertEquals(0.1 + 0.2, Double.parseDouble(Printer.decimal(0.1 + 0.2)));
    }

    @Test
    void otherConstructsCannotBePrinted() {
        ParseResult r = RoundTripTest.PARSER.parse("t.xs", "table \"user\" {\n  schema {\n    int id\n  }\n}\n");
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        assertThrows(UnsupportedOperationException.class, () -> Printer.print(r.documents().get(0)));
    }

    private static Expr parse(String text) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Expr e = RoundTripTest.PARSER.parseExpression("expr", text, diagnostics);
        assertNotNull(e, () -> text + ": " + diagnostics);
        return e;
    }
}
