package dev.xsrun.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xsrun.syntax.gen.XanoScriptLexer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.junit.jupiter.api.Test;

/**
 * The hand-written {@link XsLexer} gives exactly the tokens of the generated lexer of
 * grammar/XanoScriptLexer.g4: type, text, offsets, line and column, over the project's programs, over
 * seeded mutations of them that stress the corner cases (unclosed quotes, `filters=`, carriage returns,
 * characters outside the basic plane), and over hand-picked snippets. Set -Dlexer.corpus=FOLDER to
 * compare every .xs file below a folder as well.
 */
class LexerEquivalenceTest {
    private static final String[] PIECES = {"\"", "'", "`", "\"\"\"", "'''", "```", "\\", "\r", "\n", " ", "\t", "filters=",
            "filters =", "filters==", " filters=trim|min:1 ", "{", "}", "(", ")", "[", "]", "|", ":", "=", "==", "===", "!==",
            "$", "$$", "$x", ".", "..", "...", "1.", "1.5", "//", "/", "&", "&&", "?", "??", "?:", "\u00a0", "\ufeff", "\u000b",
            "\ud83d\ude00", "\ud83d", "\u00e9", "#", "as", "if", "input", "schema", "int x?", "text name filters=trim", "\"a\\\"b\""};

    private static final List<String> SNIPPETS = List.of("", "\n", "\"abc", "'''x''''", "\"\"\"\"\"", "```a`b```c", "`a\\`b`",
            "input {\n  text name filters=trim|lower:\"a b\"\n  int n?=1 filters=min:0\r\n}\n", "text x filters=\"unclosed\n  y",
            "text x filters=a\rb:c{d}e\n", "x = $a\n  |f:1\n  // c\n  |g", "f(a\n, b)\n", "$$ $ $_a.b.c 1..2 1.5.6 ...x",
            "a 😀 b 😀\n😀c", "filters = 1", "input filters=x", "]filters=y", "x.filters=1");

    @Test
    void theProjectsProgramsAndTheirMutations() throws IOException {
        List<String> texts = new ArrayList<>(SNIPPETS);
        for (String root : List.of("jobs", "examples", "bench", "src/test/resources")) {
            texts.addAll(xsFilesBelow(Path.of(root)));
        }
        assertTrue(texts.size() > 40);
        Random r = new Random(20261126L);
        int originals = texts.size();
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < originals; i++) {
                texts.add(mutate(texts.get(i), r));
            }
        }
        for (String text : texts) {
            assertSameTokens(text);
        }
    }

    @Test
    void aCorpusGivenOnTheCommandLine() throws IOException {
        String folder = System.getProperty("lexer.corpus");
        if (folder != null) {
            for (String text : xsFilesBelow(Path.of(folder))) {
                assertSameTokens(text);
            }
        }
    }

    @Test
    void startsAtAGivenLineAndColumn() {
        XanoScriptLexer generated = new XanoScriptLexer(CharStreams.fromString("a\n b", "f.xs"));
        generated.setLine(7);
        generated.setCharPositionInLine(3);
        XsLexer hand = new XsLexer("a\n b", "f.xs");
        hand.setLine(7);
        hand.setCharPositionInLine(3);
        assertEquals(describe(generated), describe(hand));
    }

    private static List<String> xsFilesBelow(Path root) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(x -> x.toString().endsWith(".xs")).sorted().collect(Collectors.toList())) {
                texts.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    private static String mutate(String text, Random r) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + r.nextInt(6);
        for (int k = 0; k < edits; k++) {
            int at = sb.length() == 0 ? 0 : r.nextInt(sb.length() + 1);
            if (r.nextInt(3) == 0 && at < sb.length()) {
                sb.deleteCharAt(at);
            } else {
                sb.insert(at, PIECES[r.nextInt(PIECES.length)]);
            }
        }
        return sb.toString();
    }

    private static void assertSameTokens(String text) {
        XanoScriptLexer generated = new XanoScriptLexer(CharStreams.fromString(text, "f.xs"));
        generated.removeErrorListeners();
        assertEquals(describe(generated), describe(new XsLexer(text, "f.xs")), () -> "tokens differ for:\n" + text);
    }

    private static String describe(TokenSource lexer) {
        StringBuilder sb = new StringBuilder();
        while (true) {
            Token t = lexer.nextToken();
            sb.append(t.getType()).append(' ').append(t.getChannel()).append(' ').append(t.getStartIndex()).append('-').append(t.getStopIndex())
                    .append(' ').append(t.getLine()).append(':').append(t.getCharPositionInLine()).append(" [").append(t.getText()).append("]\n");
            if (t.getType() == Token.EOF) {
                return sb.append("end at ").append(lexer.getLine()).append(':').append(lexer.getCharPositionInLine()).toString();
            }
        }
    }
}
