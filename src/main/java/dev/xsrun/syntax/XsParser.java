package dev.xsrun.syntax;

import dev.xsrun.ast.Document;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.FilterCatalog;
import dev.xsrun.diag.Diagnostic;
import dev.xsrun.value.SourceSpan;
import dev.xsrun.diag.SourceText;
import dev.xsrun.syntax.gen.XanoScriptParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The public entry to parsing: source text in, syntax tree and diagnostics out. A file may hold several
 * documents separated by lines of {@code ---}. Every construct is parsed into the tree except
 * {@code table}, which is only checked for balanced braces and recorded as {@link Document.Other}.
 */
public final class XsParser {
    /**
     * Syntax errors reported per document. After the first, the parser is resynchronising and what it
     * reports is mostly an echo of the first problem, so only the first is shown.
     */
    private static final int MAX_SYNTAX_ERRORS = 1;
    /** Deeper nesting than this is refused before parsing, so recursion cannot overflow the stack. */
    static final int MAX_NESTING = 200;

    private final FilterCatalog filters;

    public XsParser(FilterCatalog filters) {
        this.filters = filters;
    }

    public ParseResult parse(String path, String rawText) {
        try {
            return parseHere(path, rawText);
        } catch (StackOverflowError tooDeepForThisThread) {
            return parseWithBigStack(path, rawText);
        }
    }

    /**
     * Very long operator or filter chains nest deeply in the parse tree. They are rare, so instead of
     * giving every thread a huge stack, such a file is parsed again on a thread that has one.
     */
    private ParseResult parseWithBigStack(String path, String rawText) {
        ParseResult[] out = new ParseResult[1];
        Thread t = new Thread(null, () -> {
            try {
                out[0] = parseHere(path, rawText);
            } catch (StackOverflowError stillTooDeep) {
                out[0] = new ParseResult(new SourceText(path, rawText), List.of(), List.of(Diagnostic.error(
                        new SourceSpan(path, 1, 1, 1), "the file nests expressions too deeply to parse")));
            }
        }, "xsrun-parse-deep", 1L << 30);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out[0];
    }

    private ParseResult parseHere(String path, String rawText) {
        SourceText source = new SourceText(path, rawText);
        String text = source.text();
        List<Document> documents = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (text.indexOf("---") < 0) {
            if (!parseDocument(path, text, 1, documents, diagnostics)) {
                diagnostics.add(noConstruct(path));
            }
            return new ParseResult(source, documents, diagnostics);
        }
        // a part that holds only comments (a heading above the next construct) is allowed; a file of nothing but is not
        boolean content = false;
        int line = 1;
        int start = 0;
        int partStartLine = 1;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                String lineText = text.substring(start, i);
                if (lineText.strip().equals("---")) {
                    content |= parseDocument(path, text.substring(startOfPart(text, partStartLine), start), partStartLine, documents, diagnostics);
                    partStartLine = line + 1;
                }
                start = i + 1;
                line++;
            }
        }
        content |= parseDocument(path, text.substring(startOfPart(text, partStartLine)), partStartLine, documents, diagnostics);
        if (!content) {
            diagnostics.add(noConstruct(path));
        }
        return new ParseResult(source, documents, diagnostics);
    }

    private static int startOfPart(String text, int lineNumber) {
        int offset = 0;
        for (int l = 1; l < lineNumber && offset < text.length(); l++) {
            int nl = text.indexOf('\n', offset);
            offset = nl < 0 ? text.length() : nl + 1;
        }
        return offset;
    }

    private static Diagnostic noConstruct(String path) {
        return Diagnostic.error(new SourceSpan(path, 1, 1, 1), "the file holds no construct; expected `function \"name\" { ... }` or `run.job \"Name\" { ... }`");
    }

    /** Parses one document into {@code documents}; false when the text holds nothing but blank lines and comments. */
    private boolean parseDocument(String path, String text, int firstLine, List<Document> documents, List<Diagnostic> diagnostics) {
        String kind = leadingKind(text);
        if (kind == null && (text.isBlank() || onlyComments(text))) {
            return false;
        }
        if ("table".equals(kind)) {
            Document.Table table = new TableBuilder(path, diagnostics, (t, line) -> functionText(path, t, line, diagnostics),
                    (t, line, column) -> subExpression(path, t, line, column, diagnostics)).build(text, firstLine);
            if (table != null) {
                documents.add(table);
            }
            return true;
        }
        int errorsBefore = diagnostics.size();
        XsLexer lexer = new XsLexer(text, path);
        // the lexer counted the brackets while reading the text; the exact scan only when there are many
        SourceSpan tooDeep = lexer.openingBrackets() <= MAX_NESTING ? null : BraceScanner.tooDeep(path, text, firstLine, MAX_NESTING);
        if (tooDeep != null) {
            diagnostics.add(Diagnostic.error(tooDeep, "nesting is deeper than " + MAX_NESTING + " levels"));
            return true;
        }
        XanoScriptParser parser = parser(lexer, firstLine, 0);
        XanoScriptParser.DocumentContext tree = parseTwoStage(parser, path, diagnostics);
        if (diagnostics.size() > errorsBefore) {
            return true;
        }
        AstBuilder builder = new AstBuilder(path, filters, diagnostics, (inner, l, c) -> subExpression(path, inner, l, c, diagnostics));
        documents.add(builder.document(tree));
        return true;
    }

    /** A function document's text parsed on its own (a table's schema block), or null when it has errors. */
    private Document.FunctionDef functionText(String path, String text, int firstLine, List<Diagnostic> diagnostics) {
        List<Document> out = new ArrayList<>();
        int before = diagnostics.size();
        parseDocument(path, text, firstLine, out, diagnostics);
        return diagnostics.size() > before || out.isEmpty() ? null : (Document.FunctionDef) out.get(0);
    }

    private static boolean onlyComments(String text) {
        for (String l : text.split("\n")) {
            String s = l.strip();
            if (!s.isEmpty() && !s.startsWith("//")) {
                return false;
            }
        }
        return true;
    }

    /** The dotted word a document starts with, after blank lines and comments. */
    public static String leadingKind(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '.')) {
            i++;
        }
        return i > start ? text.substring(start, i) : null;
    }

    private XanoScriptParser parser(XsLexer lexer, int line, int column) {
        lexer.setLine(line);
        lexer.setCharPositionInLine(column);
        CommonTokenStream tokens = new AllTokens(lexer);
        XanoScriptParser parser = new XanoScriptParser(tokens);
        parser.removeErrorListeners();
        return parser;
    }

    /** Fast SLL parse that bails on the first problem; only a failing document is parsed again, fully, for messages. */
    private XanoScriptParser.DocumentContext parseTwoStage(XanoScriptParser parser, String path, List<Diagnostic> diagnostics) {
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.document();
        } catch (ParseCancellationException sllFailed) {
            if (System.getenv("XSRUN_DEBUG") != null) {
                System.err.println("LL fallback: " + path);
            }
            CommonTokenStream tokens = (CommonTokenStream) parser.getTokenStream();
            tokens.seek(0);
            parser.reset();
            SyntaxErrors listener = new SyntaxErrors(path, diagnostics, MAX_SYNTAX_ERRORS);
            parser.addErrorListener(listener);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return parser.document();
        }
    }

    /** Parses the inside of a backtick expression, placed where it stands in the file. */
    private Expr subExpression(String path, String text, int line, int column, List<Diagnostic> diagnostics) {
        XanoScriptParser parser = parser(new XsLexer(text, path), line, column);
        SyntaxErrors listener = new SyntaxErrors(path, diagnostics, MAX_SYNTAX_ERRORS);
        parser.addErrorListener(listener);
        XanoScriptParser.ExprContext e = parser.expr();
        if (parser.getCurrentToken().getType() != Token.EOF && listener.count() == 0) {
            Token t = parser.getCurrentToken();
            diagnostics.add(Diagnostic.error(new SourceSpan(path, t.getLine(), t.getCharPositionInLine() + 1, t.getText().length()),
                    "unexpected `" + t.getText() + "` after the expression"));
        }
        if (listener.count() > 0 || parser.getNumberOfSyntaxErrors() > 0) {
            return new Expr.Literal(dev.xsrun.value.Values.NULL, new SourceSpan(path, line, column + 1, 1));
        }
        AstBuilder builder = new AstBuilder(path, filters, diagnostics, (inner, l, c) -> subExpression(path, inner, l, c, diagnostics));
        // inside backticks Xano accepts an operator after an argument-less filter (spec 5.5 rule 4)
        builder.lenientFilterOperators = column >= 0;
        return builder.expr(e);
    }

    /**
     * Parses a text as one expression (for {@code to_expr} and tests). Problems are returned in
     * {@code diagnostics}; the result is null when there were any.
     */
    public Expr parseExpression(String path, String text, List<Diagnostic> diagnostics) {
        int before = diagnostics.size();
        SourceSpan tooDeep = BraceScanner.tooDeep(path, text, 1, MAX_NESTING);
        if (tooDeep != null) {
            diagnostics.add(Diagnostic.error(tooDeep, "nesting is deeper than " + MAX_NESTING + " levels"));
            return null;
        }
        Expr e = subExpression(path, "(" + text + ")", 1, -1, diagnostics);
        return diagnostics.size() > before ? null : e;
    }

    /**
     * Parses an {@code input { ... }} block on its own (the declarations of a built-in function).
     * The text is trusted source shipped with xsrun, so a problem is a bug: it throws.
     */
    public List<dev.xsrun.ast.InputField> parseInputBlock(String name, String block) {
        ParseResult r = parse("<builtin " + name + ">", "function \"" + name + "\" {\n" + block + "\nstack {\n}\n}\n");
        if (r.hasErrors() || r.documents().isEmpty()) {
            throw new IllegalStateException("built-in input block of " + name + " does not parse: " + r.diagnostics());
        }
        return ((Document.FunctionDef) r.documents().get(0)).inputs();
    }

    /** The first rule context in the parser's stack of the given type, for error messages. */
    static <T extends ParserRuleContext> T enclosing(Parser p, Class<T> type) {
        ParserRuleContext c = p.getContext();
        while (c != null) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            c = c.getParent();
        }
        return null;
    }
}
