package dev.xsrun.syntax;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.ast.Document;
import dev.xsrun.ast.ErrorTypes;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.FilterCatalog;
import dev.xsrun.ast.InputField;
import dev.xsrun.ast.LValue;
import dev.xsrun.ast.StatementCatalogue;
import dev.xsrun.ast.Stmt;
import dev.xsrun.diag.Diagnostic;
import dev.xsrun.value.SourceSpan;
import dev.xsrun.diag.Suggestions;
import dev.xsrun.value.Operators;
import dev.xsrun.value.Values;
import dev.xsrun.syntax.gen.XanoScriptParser;
import dev.xsrun.syntax.gen.XanoScriptParser.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns ANTLR's parse tree into the immutable syntax tree, checking names against the statement and
 * filter catalogues on the way. Problems become diagnostics; building goes on so that every problem
 * of a file is reported at once.
 */
final class AstBuilder {
    static final Set<String> INPUT_TYPES = Set.of("text", "int", "decimal", "bool", "email", "password", "uuid",
            "timestamp", "date", "json", "object", "enum", "vector", "file", "image", "video", "audio", "attachment",
            "geo_point", "geo_multipoint", "geo_linestring", "geo_multilinestring", "geo_polygon", "geo_multipolygon",
            "dblink");
    private static final Set<String> TEXT_INPUT_FILTERS = Set.of("trim", "min", "max", "startsWith", "prevent", "lower",
            "upper", "alphaOk", "digitOk", "ok", "pattern");
    private static final Set<String> UPLOAD_INPUT_FILTERS = Set.of("max_size");
    private static final Map<String, Set<String>> INPUT_FILTERS_BY_TYPE = Map.ofEntries(
            Map.entry("text", TEXT_INPUT_FILTERS),
            Map.entry("int", Set.of("min", "max")),
            Map.entry("decimal", Set.of("min", "max")),
            Map.entry("email", Set.of("trim", "lower")),
            Map.entry("password", Set.of("min", "max", "minAlpha", "minLowerAlpha", "minUpperAlpha", "minDigit", "minSymbol")),
            Map.entry("uuid", Set.of("trim", "lower")),
            Map.entry("date", Set.of("trim")),
            Map.entry("file", UPLOAD_INPUT_FILTERS),
            Map.entry("image", UPLOAD_INPUT_FILTERS),
            Map.entry("video", UPLOAD_INPUT_FILTERS),
            Map.entry("audio", UPLOAD_INPUT_FILTERS),
            Map.entry("attachment", UPLOAD_INPUT_FILTERS));
    private static final Set<String> META_ATTRIBUTES = Set.of("description", "sensitive", "table", "values", "visibility",
            "size", "override", "example");
    private static final Set<String> FUNCTION_ATTRIBUTES = Set.of("description", "response", "tags", "docs", "guid",
            "history", "cache", "middleware");
    private static final Set<String> RUN_JOB_ATTRIBUTES = Set.of("description", "main", "pre", "post", "env", "guid", "tags");
    /**
     * The attribute key under which {@code api.call "path" verb=GET} keeps its verb ({@code verb} is no
     * block attribute of any statement, so it cannot clash).
     */
    static final String STATEMENT_VERB = "verb";
    /** Type names of other languages, with the XanoScript type meant. */
    private static final Map<String, String> OTHER_LANGUAGES_TYPES = Map.of("string", "text", "boolean", "bool",
            "integer", "int", "float", "decimal", "number", "decimal", "array", "json", "list", "json", "dict", "json");
    /** Variables Xano sets itself; a `var` of that name is refused. */
    private static final Set<String> RESERVED_VARIABLES = Set.of("response", "output", "this");
    private static final Set<String> HARD_ROOTS = Set.of("input", "env", "auth", "db", "error");

    private final String file;
    private final FilterCatalog filters;
    private final List<Diagnostic> diagnostics;
    private final SubParser subParser;
    private int loopDepth;

    /** Parses the inside of a backtick expression (given with its position) into an expression tree. */
    interface SubParser {
        Expr parse(String text, int line, int column);
    }

    AstBuilder(String file, FilterCatalog filters, List<Diagnostic> diagnostics, SubParser subParser) {
        this.file = file;
        this.filters = filters;
        this.diagnostics = diagnostics;
        this.subParser = subParser;
    }

    // ---- spans and messages --------------------------------------------------------------------

    SourceSpan span(Token t) {
        int length;
        int type = t.getType();
        if (type == Token.EOF) {
            length = 1;
        } else if (type == XanoScriptParser.STRING || type == XanoScriptParser.SQ_STRING
                || type == XanoScriptParser.TRIPLE_STRING || type == XanoScriptParser.BACKTICK) {
            // only these can span lines; the marker stops at the end of the first
            String text = t.getText();
            int nl = text.indexOf('\n');
            length = nl >= 0 ? nl : text.length();
        } else {
            length = t.getStopIndex() - t.getStartIndex() + 1;
        }
        return new SourceSpan(file, t.getLine(), t.getCharPositionInLine() + 1, Math.max(1, length));
    }

    SourceSpan span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        SourceSpan s = span(start);
        if (stop != null && stop.getLine() == start.getLine() && stop.getStopIndex() >= start.getStartIndex()) {
            return new SourceSpan(file, s.line(), s.column(), stop.getCharPositionInLine() + stop.getText().length() - start.getCharPositionInLine());
        }
        return s;
    }

    void error(SourceSpan at, String message) {
        diagnostics.add(Diagnostic.error(at, message));
    }

    void warn(SourceSpan at, String message) {
        diagnostics.add(Diagnostic.warning(at, message));
    }

    // ---- documents ---------------------------------------------------------------------------

    Document document(DocumentContext doc) {
        ConstructContext c = (ConstructContext) doc.topLevel();
        String kind = c.kind.getText();
        SourceSpan at = span(c.kind);
        String name = c.docName() == null ? null : docName(c.docName());
        switch (kind) {
            case "function":
                return function(c, name, at);
            case "run.job":
                return runJob(c, name, at);
            default:
                return new DocumentBuilder(this).document(c, kind, name, at);
        }
    }

    String docName(DocNameContext n) {
        if (n.STRING() != null) {
            return Strings.unquoteDouble(n.STRING().getText());
        }
        if (n.SQ_STRING() != null) {
            return Strings.unquoteSingle(n.SQ_STRING().getText());
        }
        return n.getText();
    }

    private Document function(ConstructContext c, String name, SourceSpan at) {
        if (name == null) {
            error(at, "a function needs a name: function \"name\" { ... }");
            name = "";
        }
        if (c.block() == null) {
            error(at, "function `" + name + "` needs a body: function \"" + name + "\" { input { ... } stack { ... } }");
            return new Document.FunctionDef(name, null, List.of(), List.of(), null, at);
        }
        if (c.verbAttr() != null) {
            error(span(c.verbAttr()), "a function takes no `verb`; only a `query` does");
        }
        List<Document.TestBlock> tests = new ArrayList<>();
        String description = null;
        List<InputField> inputs = null;
        List<Stmt> stack = null;
        Expr response = null;
        noCommas(c.block());
        for (ItemContext item : c.block().item()) {
            if (item instanceof InputItemContext) {
                InputBlockContext ib = ((InputItemContext) item).inputBlock();
                if (!ib.kind.getText().equals("input")) {
                    error(span(ib.kind), "`" + ib.kind.getText() + "` is not a clause of a function; expected `input`, `stack` or `response`");
                    continue;
                }
                if (inputs != null) {
                    error(span(ib.kind), "a function has only one `input` block");
                }
                inputs = inputDecls(ib);
            } else if (item instanceof AttributeContext) {
                AttributeContext a = (AttributeContext) item;
                String key = a.word().getText();
                if (!FUNCTION_ATTRIBUTES.contains(key)) {
                    error(span(a.word()), "unknown attribute `" + key + "` of a function" + Suggestions.hint(key, FUNCTION_ATTRIBUTES));
                    continue;
                }
                Expr value = expr(a.expr());
                if (key.equals("response")) {
                    response = value;
                } else if (key.equals("description") && value instanceof Expr.Literal) {
                    description = Values.toText(((Expr.Literal) value).value());
                }
            } else {
                StatementContext s = ((StatementItemContext) item).statement();
                String word = s.name.getText();
                if (word.equals("stack") && s.target() == null && s.block() != null) {
                    if (stack != null) {
                        error(span(s.name), "a function has only one `stack` block");
                    }
                    stack = statements(s.block(), "stack");
                } else if (word.equals("test")) {
                    Document.TestBlock t = new DocumentBuilder(this).testBlock(s);
                    if (t != null) {
                        tests.add(t);
                    }
                } else if (s.block() == null && FUNCTION_ATTRIBUTES.contains(word)) {
                    error(span(s.name), "attribute `" + word + "` needs `=`: write `" + word + " = ...`");
                } else {
                    error(span(s.name), "unexpected `" + word + "` in a function; expected `input`, `stack` or `response`"
                            + Suggestions.hint(word, List.of("input", "stack", "response", "description")));
                }
            }
        }
        if (inputs == null) {
            inputs = List.of();
        }
        if (stack == null) {
            error(at, "function `" + name + "` has no `stack { ... }` block");
            stack = List.of();
        }
        bodyMistakes(c.block(), inputs);
        TestChecks.check(this, "function `" + name + "`", stack, tests.stream().map(Document.TestBlock::name).toList(), tests);
        return new Document.FunctionDef(name, description, inputs, stack, response, tests, at);
    }

    private Document runJob(ConstructContext c, String name, SourceSpan at) {
        if (name == null) {
            error(at, "a run job needs a name: run.job \"Name\" { ... }");
            name = "";
        }
        if (c.block() == null) {
            error(at, "run.job `" + name + "` needs a body: run.job \"" + name + "\" { main = {name: \"f\"} }");
            return new Document.RunJob(name, null, null, null, null, List.of(), at);
        }
        String description = null;
        Document.FunctionRef main = null;
        Document.FunctionRef pre = null;
        Document.FunctionRef post = null;
        List<String> env = new ArrayList<>();
        noCommas(c.block());
        for (ItemContext item : c.block().item()) {
            if (!(item instanceof AttributeContext)) {
                ParserRuleContext bad = item instanceof StatementItemContext ? ((StatementItemContext) item).statement().name
                        : ((InputItemContext) item).inputBlock();
                String word = bad.getText();
                if (RUN_JOB_ATTRIBUTES.contains(word)) {
                    error(span(bad), "attribute `" + word + "` needs `=`: write `" + word + " = ...`");
                } else {
                    error(span(bad), "unexpected `" + word + "` in a run job; expected `main = {...}` or `env = [...]`");
                }
                continue;
            }
            AttributeContext a = (AttributeContext) item;
            String key = a.word().getText();
            SourceSpan keyAt = span(a.word());
            Expr value = expr(a.expr());
            switch (key) {
                case "main":
                    main = functionRef(value, keyAt, true);
                    break;
                case "pre":
                    pre = functionRef(value, keyAt, false);
                    break;
                case "post":
                    post = functionRef(value, keyAt, false);
                    break;
                case "env": {
                    JsonNode list = constant(value, "env");
                    if (list != null && !list.isArray()) {
                        error(value.span(), "`env` must be a list of names: env = [\"api_key\"]");
                    } else if (list != null) {
                        for (JsonNode n : list) {
                            if (!n.isTextual()) {
                                error(value.span(), "`env` must be a list of names (text), found " + Values.typeName(n));
                            } else {
                                env.add(n.textValue());
                            }
                        }
                    }
                    break;
                }
                case "description":
                    if (value instanceof Expr.Literal) {
                        description = Values.toText(((Expr.Literal) value).value());
                    }
                    break;
                case "guid":
                case "tags":
                    break;
                default:
                    error(keyAt, "unknown attribute `" + key + "` of a run job" + Suggestions.hint(key, RUN_JOB_ATTRIBUTES));
            }
        }
        if (main == null) {
            error(at, "run job `" + name + "` has no `main = { name: \"function\", input: {...} }`");
        }
        return new Document.RunJob(name, description, main, pre, post, env, at);
    }

    private Document.FunctionRef functionRef(Expr value, SourceSpan keyAt, boolean withInput) {
        if (!(value instanceof Expr.ObjectLiteral)) {
            error(value.span(), "`" + (withInput ? "main" : "pre/post") + "` must be an object: { name: \"function\", input: {...} }");
            return null;
        }
        String name = null;
        JsonNode input = Values.object();
        SourceSpan nameAt = value.span();
        for (Expr.Entry e : ((Expr.ObjectLiteral) value).entries()) {
            if (e.spread() || e.computedKey() != null) {
                error(e.value().span(), "`...` and computed keys are not allowed here");
                continue;
            }
            switch (e.key()) {
                case "name": {
                    JsonNode n = constant(e.value(), "main.name");
                    if (n != null && n.isTextual()) {
                        name = n.textValue();
                        nameAt = e.value().span();
                    } else if (n != null) {
                        error(e.value().span(), "`name` must be the function's name as text");
                    }
                    break;
                }
                case "input": {
                    JsonNode in = constant(e.value(), "main.input");
                    if (in != null && !in.isObject()) {
                        error(e.value().span(), "`input` must be an object");
                    } else if (in != null) {
                        input = in;
                    }
                    break;
                }
                case "as":
                    break;
                default:
                    error(e.value().span(), "unknown field `" + e.key() + "`; expected `name`, `input` or `as`");
            }
        }
        if (name == null) {
            error(keyAt, "`" + (withInput ? "main" : "pre/post") + "` needs `name: \"function\"`");
            return null;
        }
        return new Document.FunctionRef(name, input, nameAt);
    }

    /** The value of a constant expression (literals only), or null with a diagnostic. */
    private JsonNode constant(Expr e, String what) {
        return constant(e, what, this::error);
    }

    /** The value of a constant expression (literals only), or null after telling {@code error} why not. */
    static JsonNode constant(Expr e, String what, java.util.function.BiConsumer<SourceSpan, String> error) {
        if (e instanceof Expr.Literal) {
            return ((Expr.Literal) e).value();
        }
        if (e instanceof Expr.Unary && ((Expr.Unary) e).op() == Expr.UnaryOp.NEGATE
                && ((Expr.Unary) e).operand() instanceof Expr.Literal) {
            JsonNode v = ((Expr.Literal) ((Expr.Unary) e).operand()).value();
            if (v.isNumber()) {
                return Operators.negate(v);
            }
        }
        if (e instanceof Expr.ArrayLiteral) {
            ArrayNode out = Values.list();
            for (Expr.Element el : ((Expr.ArrayLiteral) e).elements()) {
                if (el.spread()) {
                    error.accept(el.value().span(), "`" + what + "` must be a constant; `...` is not allowed");
                    return null;
                }
                JsonNode v = constant(el.value(), what, error);
                if (v == null) {
                    return null;
                }
                out.add(v);
            }
            return out;
        }
        if (e instanceof Expr.ObjectLiteral) {
            ObjectNode out = Values.object();
            for (Expr.Entry en : ((Expr.ObjectLiteral) e).entries()) {
                if (en.spread() || en.computedKey() != null) {
                    error.accept(en.value().span(), "`" + what + "` must be a constant; `...` and computed keys are not allowed");
                    return null;
                }
                JsonNode v = constant(en.value(), what, error);
                if (v == null) {
                    return null;
                }
                out.set(en.key(), v);
            }
            return out;
        }
        error.accept(e.span(), "`" + what + "` must be a constant (literals only, no variables or filters)");
        return null;
    }

    // ---- inputs --------------------------------------------------------------------------------

    List<InputField> inputDecls(InputBlockContext block) {
        return inputDecls(block.inputDecl());
    }

    private List<InputField> inputDecls(List<InputDeclContext> decls) {
        List<InputField> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (InputDeclContext d : decls) {
            InputField f = inputDecl(d);
            if (f != null) {
                if (!seen.add(f.name())) {
                    error(f.span(), "input `" + f.name() + "` is declared twice");
                }
                out.add(f);
            }
        }
        return out;
    }

    private InputField inputDecl(InputDeclContext d) {
        String type = d.type.getText();
        SourceSpan typeAt = span(d.type);
        if (!INPUT_TYPES.contains(type)) {
            String usual = OTHER_LANGUAGES_TYPES.get(type);
            error(typeAt, "unknown input type `" + type + "`" + (usual != null ? "; did you mean `" + usual + "`?"
                    : Suggestions.hint(type, INPUT_TYPES)));
        }
        if (d.name == null) {
            return new InputField(type, type, false, -1, -1, false, true, null, List.of(), null, false, List.of(), List.of(), typeAt);
        }
        String name = d.name.getText();
        SourceSpan at = span(d.name);
        boolean list = d.arraySpec() != null;
        int min = -1;
        int max = -1;
        if (list) {
            ArraySpecContext a = d.arraySpec();
            if (a.min != null) {
                min = Integer.parseInt(a.min.getText());
            }
            if (a.max != null) {
                max = Integer.parseInt(a.max.getText());
            }
        }
        JsonNode defaultValue = d.inputDefault() == null ? null : inputDefault(d.inputDefault());
        List<InputField.InputFilter> filterList = new ArrayList<>();
        if (d.inputFilters() != null) {
            for (InputFilterContext f : d.inputFilters().inputFilter()) {
                List<TerminalNode> words = f.IF_WORD();
                String fname = words.get(0).getText();
                List<String> args = new ArrayList<>();
                boolean afterColon = false;
                for (int i = 1; i < f.getChildCount(); i++) {
                    ParseTree ch = f.getChild(i);
                    if (ch instanceof TerminalNode && ((TerminalNode) ch).getSymbol().getType() == XanoScriptParser.IF_COLON) {
                        if (afterColon) {
                            args.add("");
                        }
                        afterColon = true;
                    } else {
                        String raw = ch.getText();
                        if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
                            raw = Strings.unquoteDouble(raw);
                        }
                        args.add(raw);
                        afterColon = false;
                    }
                }
                if (afterColon) {
                    args.add("");
                }
                SourceSpan fat = span(words.get(0).getSymbol());
                Set<String> allowed = INPUT_FILTERS_BY_TYPE.getOrDefault(type, Set.of());
                if (!allowed.contains(fname)) {
                    Set<String> any = new LinkedHashSet<>();
                    INPUT_FILTERS_BY_TYPE.values().forEach(any::addAll);
                    if (any.contains(fname)) {
                        error(fat, "input filter `" + fname + "` cannot be used on a `" + type + "` input"
                                + (allowed.isEmpty() ? "" : "; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed))));
                    } else {
                        error(fat, "unknown input filter `" + fname + "`" + Suggestions.hint(fname, any));
                    }
                }
                filterList.add(new InputField.InputFilter(fname, args, fat));
            }
        }
        String description = null;
        boolean sensitive = false;
        List<String> values = new ArrayList<>();
        List<InputField> schema = new ArrayList<>();
        if (d.metaBlock() != null) {
            noCommas(d.metaBlock());
            for (MetaItemContext m : d.metaBlock().metaItem()) {
                if (m.inputBlock() != null) {
                    InputBlockContext ib = m.inputBlock();
                    if (!ib.kind.getText().equals("schema")) {
                        error(span(ib.kind), "expected `schema { ... }` here");
                        continue;
                    }
                    schema.addAll(inputDecls(ib));
                    continue;
                }
                String key = m.word().getText();
                Expr value = expr(m.expr());
                if (!META_ATTRIBUTES.contains(key)) {
                    error(span(m.word()), "unknown attribute `" + key + "` of an input" + Suggestions.hint(key, META_ATTRIBUTES));
                    continue;
                }
                JsonNode v = value instanceof Expr.Literal || value instanceof Expr.ArrayLiteral || value instanceof Expr.ObjectLiteral
                        ? constant(value, key) : null;
                if (key.equals("description") && v != null) {
                    description = Values.toText(v);
                } else if (key.equals("sensitive") && v != null) {
                    sensitive = Operators.truthy(v);
                } else if (key.equals("values") && v != null && v.isArray()) {
                    for (JsonNode e : v) {
                        values.add(Values.toText(e));
                    }
                }
            }
        }
        if (type.equals("object") && schema.isEmpty()) {
            warn(typeAt, "object input `" + name + "` needs a schema: object " + name + " { schema { text field } }; use `json "
                    + name + "` for any JSON value");
        }
        if (type.equals("enum") && values.isEmpty()) {
            error(typeAt, "enum input `" + name + "` needs `values = [...]`");
        }
        boolean optional = d.optional != null || defaultValue != null;
        return new InputField(type, name, list, min, max, d.nullable != null, optional, defaultValue, filterList,
                description, sensitive, values, schema, at);
    }

    private JsonNode inputDefault(InputDefaultContext c) {
        if (c.NUMBER() != null) {
            JsonNode n = Strings.number(c.NUMBER().getText());
            return c.MINUS() != null ? Operators.negate(n) : n;
        }
        if (c.STRING() != null) {
            return Values.of(Strings.unquoteDouble(c.STRING().getText()));
        }
        if (c.SQ_STRING() != null) {
            return Values.of(Strings.unquoteSingle(c.SQ_STRING().getText()));
        }
        if (c.TRIPLE_STRING() != null) {
            return Values.of(Strings.triple(c.TRIPLE_STRING().getText(), c.TRIPLE_STRING().getSymbol().getCharPositionInLine()));
        }
        if (c.LBRACK() != null) {
            return Values.list();
        }
        if (c.LBRACE() != null) {
            return Values.object();
        }
        String w = c.word().getText();
        switch (w) {
            case "true":
                return Values.TRUE;
            case "false":
                return Values.FALSE;
            case "null":
                return Values.NULL;
            default:
                return Values.of(w);
        }
    }

    // ---- statements ----------------------------------------------------------------------------

    /** A block's content, split by kind, in source order. */
    private static final class Parts {
        final Map<String, AttributeContext> attributes = new LinkedHashMap<>();
        final List<StatementContext> statements = new ArrayList<>();
        final List<ItemContext> others = new ArrayList<>();
    }

    /** The mistakes about a construct's inputs and tests that show only with its whole body. */
    void bodyMistakes(BlockContext body, List<InputField> inputs) {
        bareInputReferences(body, inputs);
        uploadsForStorage(body, inputs);
        stackVariablesInTests(body);
    }

    /** What a test block may read besides its own variables. */
    private static final Set<String> TEST_SCOPE = Set.of("response", "input", "env", "auth");

    /**
     * A test that reads a variable of the construct's stack: tests see only {@code $response} (the
     * construct's declared response), so the variable is null there and the assertion fails
     * (unit-testing.md). Warns at the first such use per name and test.
     */
    private void stackVariablesInTests(BlockContext body) {
        if (body == null) {
            return;
        }
        Set<String> stackVariables = new java.util.HashSet<>();
        List<StatementContext> tests = new ArrayList<>();
        for (ItemContext item : body.item()) {
            if (!(item instanceof StatementItemContext)) {
                continue;
            }
            StatementContext s = ((StatementItemContext) item).statement();
            if (s.block() != null && s.name.getText().equals("stack")) {
                collectVariables(s.block(), new ArrayList<>(), stackVariables);
            } else if (s.block() != null && s.name.getText().equals("test")) {
                tests.add(s);
            }
        }
        for (StatementContext test : tests) {
            List<Token> uses = new ArrayList<>();
            Set<String> own = new java.util.HashSet<>();
            collectVariables(test.block(), uses, own);
            Set<String> warned = new java.util.HashSet<>();
            for (Token t : uses) {
                String v = t.getText().substring(1);
                if (stackVariables.contains(v) && !own.contains(v) && !TEST_SCOPE.contains(v) && warned.add(v)) {
                    warn(span(t), "`$" + v + "` is a variable of the stack, which a test does not see (it reads as null); a test sees"
                            + " `$response`: return the value in `response = {...}` and read `$response." + v + "`");
                }
            }
        }
    }

    /** The input types that pass Xano's raw upload object (it has {@code tmp_name} but no {@code .path}). */
    private static final Set<String> RAW_UPLOAD_TYPES = Set.of("image", "video", "audio", "attachment");

    /**
     * An {@code image?} (or {@code video}, {@code audio}, {@code attachment}) input in a construct that stores
     * files: Xano hands such an input over as the raw upload, without {@code .path}, so every
     * {@code storage.*} statement given it fails with "Missing param: path" (file-uploads.md); only a
     * {@code file} input gets {@code .path}. Xano's validator accepts it, so this is a warning.
     */
    private void uploadsForStorage(ParserRuleContext body, List<InputField> inputs) {
        if (body == null || inputs.stream().noneMatch(f -> RAW_UPLOAD_TYPES.contains(f.type())) || !storesFiles(body)) {
            return;
        }
        for (InputField f : inputs) {
            if (RAW_UPLOAD_TYPES.contains(f.type())) {
                warn(f.span(), "`" + f.type() + "` input `" + f.name() + "` holds the raw upload, which has no `.path`, so `storage.*`"
                        + " fails with \"Missing param: path\"; declare it `file" + (f.nullable() ? "?" : "") + " " + f.name() + "`");
            }
        }
    }

    private static boolean storesFiles(ParseTree node) {
        if (node instanceof StatementContext && ((StatementContext) node).name.getText().startsWith("storage.")) {
            return true;
        }
        for (int i = 0, n = node.getChildCount(); i < n; i++) {
            if (storesFiles(node.getChild(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code $name} where {@code $input.name} is meant: Xano reads a bare {@code $name} as a stack
     * variable, which is null unless the stack declared it. Warns at the first such use per name.
     */
    private void bareInputReferences(ParserRuleContext body, List<InputField> inputs) {
        if (body == null || inputs.isEmpty()) {
            return;
        }
        Set<String> names = new java.util.HashSet<>();
        for (InputField f : inputs) {
            names.add(f.name());
        }
        List<Token> variables = new ArrayList<>();
        Set<String> declared = new java.util.HashSet<>();
        collectVariables(body, variables, declared);
        Set<String> warned = new java.util.HashSet<>();
        for (Token t : variables) {
            String v = t.getText().substring(1);
            if (names.contains(v) && !declared.contains(v) && warned.add(v)) {
                warn(span(t), "`$" + v + "` is not the input `" + v + "`: write `$input." + v + "` (a bare `$" + v
                        + "` is a stack variable, never set here)");
            }
        }
    }

    private static void collectVariables(ParseTree node, List<Token> uses, Set<String> declared) {
        for (int i = 0, n = node.getChildCount(); i < n; i++) {
            ParseTree ch = node.getChild(i);
            if (ch instanceof TerminalNode) {
                Token t = ((TerminalNode) ch).getSymbol();
                if (t.getType() == XanoScriptParser.VARIABLE) {
                    uses.add(t);
                }
            } else if (ch instanceof StatementContext && ((StatementContext) ch).target() instanceof VarTargetContext
                    && ((StatementContext) ch).name.getText().equals("var")) {
                declared.add(((VarTargetContext) ((StatementContext) ch).target()).varRef().VARIABLE().getText().substring(1));
                collectVariables(ch, uses, declared);
            } else if (ch instanceof AsClauseContext) {
                declared.add(((AsClauseContext) ch).varRef().VARIABLE().getText().substring(1));
            } else {
                collectVariables(ch, uses, declared);
            }
        }
    }

    /**
     * Block properties go on their own lines: Xano refuses {@code throw { name = "E", value = "m" }}
     * (commas belong to object literals). Reports the first comma between a block's items.
     */
    void noCommas(ParserRuleContext block) {
        if (block == null) {
            return;
        }
        for (int i = 0, n = block.getChildCount(); i < n; i++) {
            ParseTree ch = block.getChild(i);
            if ((ch instanceof ItemSepContext && ((ItemSepContext) ch).COMMA() != null)
                    || (ch instanceof SepContext && ((SepContext) ch).COMMA() != null)) {
                Token comma = ((ParserRuleContext) ch).getStart();
                warn(span(comma), "no comma between block properties: put each `name = value` on its own line"
                        + " (commas separate the entries of an object literal `{a: 1, b: 2}`)");
                return;
            }
        }
    }

    private Parts parts(BlockContext block, String owner) {
        Parts p = new Parts();
        if (block == null) {
            return p;
        }
        noCommas(block);
        for (ItemContext item : block.item()) {
            if (item instanceof AttributeContext) {
                AttributeContext a = (AttributeContext) item;
                String key = a.word().getText();
                if (p.attributes.containsKey(key)) {
                    error(span(a.word()), "attribute `" + key + "` is set twice in `" + owner + "`");
                }
                p.attributes.put(key, a);
            } else if (item instanceof StatementItemContext) {
                p.statements.add(((StatementItemContext) item).statement());
            } else {
                p.others.add(item);
            }
        }
        return p;
    }

    /** The statements of a stack-like block ({@code stack}, {@code if}, {@code each}, {@code try}, ...). */
    List<Stmt> statements(BlockContext block, String owner) {
        List<Stmt> out = new ArrayList<>();
        if (block == null) {
            return out;
        }
        noCommas(block);
        for (ItemContext item : block.item()) {
            if (item instanceof StatementItemContext) {
                Stmt s = statement(((StatementItemContext) item).statement());
                if (s != null) {
                    out.add(s);
                }
            } else if (item instanceof AttributeContext) {
                AttributeContext a = (AttributeContext) item;
                String key = a.word().getText();
                if (!StatementCatalogue.COMMON.contains(key)) {
                    error(span(a.word()), "expected a statement in `" + owner + "`, found attribute `" + key + " =`");
                }
            } else {
                InputBlockContext ib = ((InputItemContext) item).inputBlock();
                error(span(ib.kind), "`" + ib.kind.getText() + " { ... }` is not a statement");
            }
        }
        return out;
    }

    Stmt statement(StatementContext s) {
        if (s.receiver != null) {
            return method(s);
        }
        String name = s.name.getText();
        SourceSpan at = span(s.name);
        if (s.verbAttr() != null && !name.equals("api.call")) {
            error(span(s.verbAttr()), "`" + name + "` takes no `" + s.verbAttr().word(0).getText()
                    + "=`; only `api.call \"path\" verb=GET` does");
        }
        Stmt built = buildStatement(s, name, at);
        if (built == null) {
            return null;
        }
        boolean disabled = s.BANG() != null;
        if (s.block() != null) {
            for (ItemContext item : s.block().item()) {
                if (item instanceof AttributeContext && ((AttributeContext) item).word().getText().equals("disabled")) {
                    Expr v = expr(((AttributeContext) item).expr());
                    if (v instanceof Expr.Literal && Operators.truthy(((Expr.Literal) v).value())) {
                        disabled = true;
                    }
                }
            }
        }
        return disabled ? new Stmt.Disabled(built, at) : built;
    }

    /** {@code $stream.send { ... }}, {@code $stream.close}: an {@link Stmt.Invoke} named as written, checked as its method. */
    private Stmt method(StatementContext s) {
        String method = s.name.getText();
        String name = s.receiver.getText() + "." + method;
        SourceSpan at = span(s.receiver);
        if (StatementCatalogue.method(method) == null) {
            error(span(s.name), "unknown method `" + method + "` of `" + s.receiver.getText() + "`"
                    + Suggestions.hint(method, StatementCatalogue.methodNames())
                    + " (a stream of `api.stream ... as " + s.receiver.getText() + "` has " + String.join(" and ", StatementCatalogue.methodNames()) + ")");
            return null;
        }
        if (s.BANG() != null || s.verbAttr() != null) {
            error(at, "`" + name + "` takes no `!` or `verb=`");
        }
        return invoke(s, name, at);
    }

    private Stmt buildStatement(StatementContext s, String name, SourceSpan at) {
        switch (name) {
            case "var":
            case "var.update":
                return var(s, name, at);
            case "conditional":
                return conditional(s, at);
            case "switch":
                return switchStatement(s, at);
            case "foreach":
            case "for":
            case "while":
                return loop(s, name, at);
            case "break":
            case "continue":
            case "remove":
                return jump(s, name, at);
            case "return": {
                Parts p = checked(s, name, at);
                AttributeContext v = p.attributes.get("value");
                return new Stmt.Return(v == null ? new Expr.Literal(Values.NULL, at) : expr(v.expr()), at);
            }
            case "precondition":
                return precondition(s, at);
            case "throw": {
                Parts p = checked(s, name, at);
                return new Stmt.Throw(attr(p, "name", at), attr(p, "value", at), at);
            }
            case "try_catch":
                return tryCatch(s, at);
            case "group":
                return group(s, at);
            case "function.run":
            case "function.call":
                return functionRun(s, name, at);
            case "if":
            case "elseif":
            case "else":
                error(at, "`" + name + "` must be inside a `conditional { ... }` block");
                return null;
            case "each":
                error(at, "`each` must be inside `foreach`, `for` or `while`");
                return null;
            case "case":
            case "default":
                error(at, "`" + name + "` must be inside a `switch` block");
                return null;
            case "try":
            case "catch":
            case "finally":
                error(at, "`" + name + "` must be inside a `try_catch` block");
                return null;
            default:
                return invoke(s, name, at);
        }
    }

    private Expr attr(Parts p, String key, SourceSpan fallback) {
        AttributeContext a = p.attributes.get(key);
        return a == null ? new Expr.Literal(Values.NULL, fallback) : expr(a.expr());
    }

    /**
     * Checks a statement against its catalogue shape: target, condition, attributes (known, required),
     * nested statements, {@code as}. Returns the block's parts.
     */
    private Parts checked(StatementContext s, String name, SourceSpan at) {
        StatementCatalogue.Shape shape = StatementCatalogue.lookup(name);
        Parts p = parts(s.block(), name);
        if (shape == null) {
            return p;
        }
        if (shape.target() == StatementCatalogue.Target.NONE && s.target() != null) {
            error(span(s.target()), "`" + name + "` takes no target here");
        } else if (shape.required() && s.target() == null && shape.target() != StatementCatalogue.Target.ANY) {
            String what = shape.target() == StatementCatalogue.Target.VARIABLE ? "a variable such as `$name`"
                    : shape.target() == StatementCatalogue.Target.NAME ? "a function name in quotes" : "an expression in parentheses";
            error(at, "`" + name + "` needs " + what);
        }
        if (s.condition() != null && !shape.condition()) {
            error(span(s.condition()), "`" + name + "` takes no `if (...)` condition");
        } else if (s.condition() == null && shape.condition() && shape.local()) {
            error(at, "`" + name + "` needs a condition: " + name + " ($list) if ($$ > 0) as $x");
        }
        if (!s.asClause().isEmpty() && !shape.as()) {
            error(span(s.asClause(0)), "`" + name + "` gives no result to store with `as`");
        }
        if (s.asClause().size() > 1) {
            error(span(s.asClause(1)), "`as` is given twice");
        }
        if (shape.attributes() != null) {
            for (Map.Entry<String, AttributeContext> e : p.attributes.entrySet()) {
                if (!shape.acceptsAttribute(e.getKey())) {
                    Set<String> known = new java.util.TreeSet<>(shape.attributes());
                    String hint = name.equals("api.request") && e.getKey().equals("body")
                            ? "; api.request sends its body with `params = ...`" : Suggestions.hint(e.getKey(), known);
                    error(span(e.getValue().word()), "unknown attribute `" + e.getKey() + "` of `" + name + "`"
                            + (!hint.isEmpty() ? hint : known.isEmpty() ? "; it takes none" : "; it accepts " + String.join(", ", known)));
                } else if (StatementCatalogue.notRunLocally(name).contains(e.getKey())) {
                    warn(span(e.getValue().word()), "`" + e.getKey() + "` of `" + name
                            + "` does not run locally yet: a local run stops at this statement");
                }
            }
        }
        Set<String> misplacedWords = new LinkedHashSet<>();
        if (shape.clauses() != null) {
            for (StatementContext nested : p.statements) {
                String word = nested.name.getText();
                if (shape.clauses().contains(word)) {
                    continue;
                }
                misplacedWords.add(word);
                misplaced(nested, word, shape, name);
            }
        }
        if (shape.attributes() != null) {
            for (String required : shape.requiredAttributes()) {
                if (!p.attributes.containsKey(required) && !misplacedWords.contains(required)) {
                    error(at, "`" + name + "` needs `" + required + " = ...`");
                }
            }
        }
        return p;
    }

    /** A statement-like item where an attribute was expected: most often `name value` without `=`. */
    private void misplaced(StatementContext nested, String word, StatementCatalogue.Shape shape, String owner) {
        SourceSpan where = span(nested.name);
        boolean looksLikeAttribute = nested.block() == null && nested.asClause().isEmpty()
                && (shape.attributes() == null || shape.acceptsAttribute(word) || StatementCatalogue.lookup(word) == null);
        if (looksLikeAttribute && shape.attributes() != null && !shape.acceptsAttribute(word)) {
            error(where, "unknown attribute `" + word + "` of `" + owner + "`" + Suggestions.hint(word, shape.attributes()));
        } else if (looksLikeAttribute) {
            error(where, "attribute `" + word + "` needs `=`: write `" + word + " = ...`");
        } else {
            error(where, "`" + word + "` cannot appear inside `" + owner + "`");
        }
    }

    private Stmt var(StatementContext s, String name, SourceSpan at) {
        Parts p = checked(s, name, at);
        LValue target = lvalue(s, name);
        if (target == null) {
            return null;
        }
        if (name.equals("var") && !target.isPlain()) {
            error(target.span(), "`var` declares a whole variable; use `var.update` to write into `" + s.target().getText() + "`");
        }
        Expr value = attr(p, "value", at);
        AttributeContext mock = p.attributes.get("mock");
        return new Stmt.Var(target, value, name.equals("var.update"), mock == null ? null : expr(mock.expr()), at);
    }

    private LValue lvalue(StatementContext s, String owner) {
        TargetContext t = s.target();
        if (!(t instanceof VarTargetContext)) {
            if (t != null) {
                error(span(t), "`" + owner + "` needs a variable such as `$name`, found `" + t.getText() + "`");
            }
            return null;
        }
        return lvalue(((VarTargetContext) t).varRef());
    }

    private LValue lvalue(VarRefContext v) {
        String raw = v.VARIABLE().getText().substring(1);
        SourceSpan at = span(v.VARIABLE().getSymbol());
        List<Expr> path = new ArrayList<>();
        for (AccessorContext a : v.accessor()) {
            accessorKeys(a, path);
        }
        if (raw.equals("var") && !path.isEmpty() && path.get(0) instanceof Expr.Literal) {
            raw = Values.toText(((Expr.Literal) path.get(0)).value());
            path.remove(0);
        } else if (HARD_ROOTS.contains(raw)) {
            error(at, "`$" + raw + "` is read-only; it cannot be assigned");
        } else if (RESERVED_VARIABLES.contains(raw) && path.isEmpty()) {
            warn(at, "`$" + raw + "` is a name Xano reserves; choose another, such as `$" + raw + "_value`");
        }
        // interned, like every variable name: the interpreter's scope lookups then hit by identity
        return new LValue(raw.intern(), path, at);
    }

    private void accessorKeys(AccessorContext a, List<Expr> into) {
        SourceSpan at = span(a);
        if (a instanceof FieldAccessContext) {
            into.add(new Expr.Literal(Values.of(((FieldAccessContext) a).word().getText()), at));
        } else if (a instanceof NumberAccessContext) {
            for (String part : ((NumberAccessContext) a).NUMBER().getText().split("\\.")) {
                into.add(new Expr.Literal(Values.of(Long.parseLong(part)), at));
            }
        } else if (a instanceof QuotedAccessContext) {
            QuotedAccessContext q = (QuotedAccessContext) a;
            String text = q.STRING() != null ? Strings.unquoteDouble(q.STRING().getText()) : Strings.unquoteSingle(q.SQ_STRING().getText());
            into.add(new Expr.Literal(Values.of(text), at));
        } else if (a instanceof DynamicAccessContext) {
            into.add(variable(((DynamicAccessContext) a).VARIABLE().getSymbol()));
        } else {
            into.add(expr(((IndexAccessContext) a).expr()));
        }
    }

    private Stmt conditional(StatementContext s, SourceSpan at) {
        Parts p = checked(s, "conditional", at);
        List<Stmt.Branch> branches = new ArrayList<>();
        List<Stmt> elseBody = null;
        for (StatementContext c : p.statements) {
            String word = c.name.getText();
            SourceSpan wat = span(c.name);
            switch (word) {
                case "if":
                case "elseif": {
                    if (word.equals("if") && !branches.isEmpty()) {
                        error(wat, "a `conditional` has one `if`; use `elseif` for further conditions");
                    } else if (word.equals("elseif") && branches.isEmpty()) {
                        error(wat, "`elseif` must follow an `if`");
                    }
                    if (elseBody != null) {
                        error(wat, "`" + word + "` after `else`");
                    }
                    Expr cond = conditionOf(c, word);
                    branches.add(new Stmt.Branch(cond, statements(c.block(), word), wat));
                    break;
                }
                case "else":
                    if (c.target() != null) {
                        error(span(c.target()), "`else` takes no condition; use `elseif (...)`");
                    } else if (c.condition() != null) {
                        error(span(c.condition().getStart()), "`else if` is not valid; write `elseif`");
                    }
                    if (branches.isEmpty()) {
                        error(wat, "`else` must follow an `if`");
                    }
                    if (elseBody != null) {
                        error(wat, "a `conditional` has at most one `else`");
                    }
                    requireBlock(c, word);
                    elseBody = statements(c.block(), word);
                    break;
                default:
                    error(wat, "expected `if`, `elseif` or `else` inside `conditional`, found `" + word + "`"
                            + (word.equals("else") ? "" : Suggestions.hint(word, List.of("if", "elseif", "else"))));
            }
        }
        if (branches.isEmpty()) {
            error(at, "`conditional` needs an `if (...) { ... }`");
        }
        return new Stmt.Conditional(branches, elseBody, at);
    }

    private Expr conditionOf(StatementContext c, String word) {
        requireBlock(c, word);
        if (c.target() instanceof ExprTargetContext) {
            return expr(((ExprTargetContext) c.target()).expr());
        }
        error(span(c.name), "`" + word + "` needs a condition in parentheses: " + word + " ($x > 0) { ... }");
        return new Expr.Literal(Values.FALSE, span(c.name));
    }

    private void requireBlock(StatementContext c, String word) {
        if (c.block() == null) {
            error(span(c.name), "`" + word + "` needs a body: " + word + " { ... }");
        }
    }

    private Stmt switchStatement(StatementContext s, SourceSpan at) {
        Parts p = checked(s, "switch", at);
        Expr subject = s.target() instanceof ExprTargetContext ? expr(((ExprTargetContext) s.target()).expr())
                : new Expr.Literal(Values.NULL, at);
        List<Stmt.Case> cases = new ArrayList<>();
        List<Stmt> defaultBody = null;
        List<StatementContext> items = p.statements;
        for (int i = 0; i < items.size(); i++) {
            StatementContext c = items.get(i);
            String word = c.name.getText();
            SourceSpan wat = span(c.name);
            if (word.equals("case")) {
                Expr value = conditionOf(c, "case");
                boolean bare = i + 1 < items.size() && isBareBreak(items.get(i + 1));
                boolean breaks = bare || i + 1 < items.size() && isBreakThenDefault(items.get(i + 1));
                if (bare) {
                    i++;
                }
                cases.add(new Stmt.Case(value, statements(c.block(), "case"), breaks, wat));
            } else if (word.equals("default") || isBreakThenDefault(c)) {
                if (defaultBody != null) {
                    error(wat, "a `switch` has at most one `default`");
                }
                requireBlock(c, "default");
                defaultBody = statements(c.block(), "default");
                if (i + 1 < items.size() && isBareBreak(items.get(i + 1))) {
                    i++;
                }
            } else {
                error(wat, "expected `case (...) { ... }` or `default { ... }` inside `switch`, found `" + word + "`");
            }
        }
        return new Stmt.Switch(subject, cases, defaultBody, at);
    }

    private static boolean isBareBreak(StatementContext c) {
        return c.name.getText().equals("break") && c.block() == null && c.target() == null;
    }

    /**
     * {@code } break default { ... }} written on one line reads as a statement {@code break} whose target
     * is the word {@code default} and whose block is the default's: a break after a case, then the default.
     */
    private static boolean isBreakThenDefault(StatementContext c) {
        return c.name.getText().equals("break") && c.target() instanceof NameTargetContext
                && c.target().getText().equals("default") && c.block() != null;
    }

    private Stmt loop(StatementContext s, String name, SourceSpan at) {
        Parts p = checked(s, name, at);
        Expr head;
        if (s.target() instanceof ExprTargetContext) {
            head = expr(((ExprTargetContext) s.target()).expr());
        } else if (s.target() instanceof VarTargetContext && !name.equals("while")) {
            head = varRefExpr(((VarTargetContext) s.target()).varRef());
        } else {
            if (s.target() != null) {
                error(span(s.target()), "`" + name + "` needs an expression in parentheses: " + name + " (...)");
            }
            head = new Expr.Literal(Values.NULL, at);
        }
        StatementContext each = null;
        for (StatementContext c : p.statements) {
            String word = c.name.getText();
            if (word.equals("each") && each == null) {
                each = c;
            } else if (word.equals("each")) {
                error(span(c.name), "a loop has one `each` block");
            } else {
                error(span(c.name), "expected `each" + (name.equals("while") ? "" : " as $item") + " { ... }` inside `" + name + "`, found `" + word + "`");
            }
        }
        String item = null;
        List<Stmt> body = List.of();
        if (each == null) {
            error(at, "`" + name + "` needs an `each" + (name.equals("while") ? "" : " as $item") + " { ... }` block");
        } else {
            if (!each.asClause().isEmpty()) {
                LValue v = lvalue(each.asClause(0).varRef());
                item = v.variable();
                if (name.equals("while")) {
                    error(span(each.asClause(0)), "`while` gives no item; write `each { ... }`");
                }
            }
            requireBlock(each, "each");
            loopDepth++;
            try {
                body = statements(each.block(), "each");
            } finally {
                loopDepth--;
            }
        }
        switch (name) {
            case "foreach":
                return new Stmt.ForEach(head, item, body, at);
            case "for":
                return new Stmt.For(head, item, body, at);
            default:
                return new Stmt.While(head, body, at);
        }
    }

    private Stmt jump(StatementContext s, String name, SourceSpan at) {
        if (s.target() != null || s.block() != null || s.condition() != null || !s.asClause().isEmpty()) {
            error(at, "`" + name + "` stands alone on its line");
        }
        if (loopDepth == 0) {
            error(at, "`" + name + "` outside a loop");
        }
        Stmt.Jump.Kind kind = name.equals("break") ? Stmt.Jump.Kind.BREAK
                : name.equals("continue") ? Stmt.Jump.Kind.CONTINUE : Stmt.Jump.Kind.REMOVE;
        return new Stmt.Jump(kind, at);
    }

    private Stmt precondition(StatementContext s, SourceSpan at) {
        Parts p = checked(s, "precondition", at);
        Expr cond = s.target() instanceof ExprTargetContext ? expr(((ExprTargetContext) s.target()).expr())
                : new Expr.Literal(Values.FALSE, at);
        String errorType = "standard";
        AttributeContext et = p.attributes.get("error_type");
        if (et != null) {
            Expr v = expr(et.expr());
            if (v instanceof Expr.Literal && ((Expr.Literal) v).value().isTextual()) {
                errorType = ((Expr.Literal) v).value().textValue();
                if (!ErrorTypes.KNOWN.contains(errorType)) {
                    warn(v.span(), "unknown error_type `" + errorType + "`; it is treated as `standard`"
                            + Suggestions.hint(errorType, ErrorTypes.KNOWN));
                }
            } else {
                error(v.span(), "`error_type` must be text such as \"inputerror\"");
            }
        }
        AttributeContext e = p.attributes.get("error");
        AttributeContext pl = p.attributes.get("payload");
        return new Stmt.Precondition(cond, errorType, e == null ? null : expr(e.expr()), pl == null ? null : expr(pl.expr()), at);
    }

    private Stmt tryCatch(StatementContext s, SourceSpan at) {
        Parts p = checked(s, "try_catch", at);
        List<Stmt> tryBody = null;
        List<Stmt> catchBody = null;
        List<Stmt> finallyBody = null;
        for (StatementContext c : p.statements) {
            String word = c.name.getText();
            requireBlock(c, word);
            switch (word) {
                case "try":
                    tryBody = statements(c.block(), word);
                    break;
                case "catch":
                    catchBody = statements(c.block(), word);
                    break;
                case "finally":
                    finallyBody = statements(c.block(), word);
                    break;
                default:
                    error(span(c.name), "expected `try`, `catch` or `finally` inside `try_catch`, found `" + word + "`"
                            + Suggestions.hint(word, List.of("try", "catch", "finally")));
            }
        }
        if (tryBody == null) {
            error(at, "`try_catch` needs a `try { ... }` block");
            tryBody = List.of();
        }
        if (catchBody == null) {
            error(at, "`try_catch` needs a `catch { ... }` block");
            catchBody = List.of();
        }
        return new Stmt.TryCatch(tryBody, catchBody, finallyBody, at);
    }

    private Stmt group(StatementContext s, SourceSpan at) {
        Parts p = checked(s, "group", at);
        List<Stmt> body = new ArrayList<>();
        boolean found = false;
        for (StatementContext c : p.statements) {
            if (c.name.getText().equals("stack")) {
                found = true;
                body.addAll(statements(c.block(), "stack"));
            } else {
                error(span(c.name), "expected `stack { ... }` inside `group`");
            }
        }
        if (!found) {
            error(at, "`group` needs a `stack { ... }` block");
        }
        return new Stmt.Group("group", body, at);
    }

    private Stmt functionRun(StatementContext s, String name, SourceSpan at) {
        Parts p = checked(s, name, at);
        String function = null;
        SourceSpan nameAt = at;
        TargetContext t = s.target();
        if (t instanceof StringTargetContext) {
            TerminalNode str = ((StringTargetContext) t).STRING() != null ? ((StringTargetContext) t).STRING() : ((StringTargetContext) t).SQ_STRING();
            function = str.getSymbol().getType() == XanoScriptParser.STRING ? Strings.unquoteDouble(str.getText()) : Strings.unquoteSingle(str.getText());
            nameAt = span(t);
        } else if (t instanceof NameTargetContext) {
            function = t.getText();
            nameAt = span(t);
        } else if (t != null) {
            error(span(t), "`" + name + "` needs the function's name in quotes: " + name + " \"name\" { input = {...} }");
        }
        AttributeContext input = p.attributes.get("input");
        AttributeContext mock = p.attributes.get("mock");
        String as = s.asClause().isEmpty() ? null : asName(s.asClause(0));
        return new Stmt.FunctionRun(function == null ? "" : function, input == null ? null : expr(input.expr()),
                mock == null ? null : expr(mock.expr()), as, nameAt, at);
    }

    private String asName(AsClauseContext a) {
        LValue v = lvalue(a.varRef());
        if (!v.isPlain()) {
            error(v.span(), "`as` stores into a plain variable such as `$result`");
        }
        return v.variable();
    }

    private Stmt invoke(StatementContext s, String name, SourceSpan at) {
        StatementCatalogue.Shape shape = StatementCatalogue.lookup(name);
        if (shape == null) {
            String meant = StatementCatalogue.usualName(name);
            error(at, "unknown statement `" + name + "`" + (meant != null ? "; did you mean `" + meant + "`?"
                    : Suggestions.hint(name, StatementCatalogue.names())));
            return null;
        }
        Parts p = checked(s, name, at);
        LValue target = null;
        Expr targetExpr = null;
        TargetContext t = s.target();
        if (t instanceof VarTargetContext) {
            target = lvalue(((VarTargetContext) t).varRef());
            targetExpr = varRefExpr(((VarTargetContext) t).varRef());
        } else if (t instanceof ExprTargetContext) {
            targetExpr = expr(((ExprTargetContext) t).expr());
            if (shape.target() == StatementCatalogue.Target.NAME) {
                error(span(t), "`" + name + "` needs a name in quotes, not an expression: " + name + " \"name\"");
            } else if (shape.target() == StatementCatalogue.Target.VARIABLE) {
                error(span(t), "`" + name + "` needs a variable such as `$name`, not an expression");
            }
        } else if (t instanceof StringTargetContext || t instanceof NameTargetContext) {
            String text = t.getText();
            if (t instanceof StringTargetContext) {
                text = ((StringTargetContext) t).STRING() != null ? Strings.unquoteDouble(text) : Strings.unquoteSingle(text);
            }
            targetExpr = new Expr.Literal(Values.of(text), span(t));
            if (shape.target() != StatementCatalogue.Target.ANY && shape.target() != StatementCatalogue.Target.NAME) {
                error(span(t), "`" + name + "` does not take `" + t.getText() + "` here");
            }
        }
        Expr condition = s.condition() == null ? null : expr(s.condition().expr());
        Map<String, Expr> attributes = new LinkedHashMap<>();
        if (s.verbAttr() != null) {
            String key = s.verbAttr().word(0).getText();
            String value = s.verbAttr().word(1).getText();
            if (!name.equals("api.call")) {
                // reported by statement()
            } else if (!key.equals(STATEMENT_VERB)) {
                error(span(s.verbAttr().word(0)), "unknown `" + key + "=` after the path; write `verb=GET`"
                        + Suggestions.hint(key, List.of(STATEMENT_VERB)));
            } else if (!dev.xsrun.ast.DocumentCatalogue.VERBS.contains(value)) {
                error(span(s.verbAttr().word(1)), "unknown verb `" + value + "`"
                        + Suggestions.hint(value.toUpperCase(), dev.xsrun.ast.DocumentCatalogue.VERBS));
            } else {
                attributes.put(STATEMENT_VERB, new Expr.Literal(Values.of(value), span(s.verbAttr().word(1))));
            }
        }
        for (Map.Entry<String, AttributeContext> e : p.attributes.entrySet()) {
            attributes.put(e.getKey(), expr(e.getValue().expr()));
        }
        Map<String, List<Stmt>> clauses = new LinkedHashMap<>();
        for (StatementContext c : p.statements) {
            String word = c.name.getText();
            boolean clause = shape.clauses() == null || shape.clauses().contains(word);
            if (clause && c.block() != null) {
                clauses.put(word, statements(c.block(), word));
            }
        }
        String as = null;
        if (!s.asClause().isEmpty()) {
            as = asName(s.asClause(0));
        }
        return new Stmt.Invoke(name, target, targetExpr, condition, attributes, clauses, as, at);
    }

    // ---- expressions ---------------------------------------------------------------------------

    Expr expr(ExprContext c) {
        if (c instanceof PostfixExprContext) {
            return postfix(((PostfixExprContext) c).postfix());
        }
        if (c instanceof UnaryExprContext) {
            UnaryExprContext u = (UnaryExprContext) c;
            return unary(u.op, expr(u.expr()));
        }
        if (c instanceof ConditionalExprContext) {
            ConditionalExprContext t = (ConditionalExprContext) c;
            if (t.op.getType() == XanoScriptParser.ELVIS) {
                return binary(t.op, expr(t.expr(0)), expr(t.expr(1)), false);
            }
            return new Expr.Ternary(expr(t.expr(0)), expr(t.expr(1)), expr(t.expr(2)), span(t.op));
        }
        if (c instanceof WordOpExprContext || c instanceof WordRangeExprContext || c instanceof DbSymbolExprContext) {
            return dbOperators().build(c);
        }
        List<ExprContext> operands = c.getRuleContexts(ExprContext.class);
        Token op = ((TerminalNode) c.getChild(1)).getSymbol();
        boolean ignoreEmpty = c.getChild(2) instanceof TerminalNode && ((TerminalNode) c.getChild(2)).getSymbol().getType() == XanoScriptParser.QUESTION;
        ExprContext leftContext = operands.get(0);
        if (leftContext instanceof PostfixExprContext && !lenientFilterOperators) {
            ExprMistakes.filterBeforeOperator(this, (PostfixExprContext) leftContext, op, c);
        }
        Expr left = expr(leftContext);
        Expr right = expr(operands.get(1));
        if (op.getType() == XanoScriptParser.TILDE && DbOperators.readsDbField(left) && DbOperators.inDbStatement(c)) {
            // in a query, `$db.table.field ~ "regex"` is a regular-expression match, not a concatenation
            return new Expr.DbCompare(Expr.DbOp.REGEX, left, right, false, false, span(op));
        }
        return binary(op, left, right, ignoreEmpty);
    }

    private DbOperators dbOperators;
    /** True for the inside of a backtick expression, where `$a|count > 0` is accepted (spec 5.5 rule 4). */
    boolean lenientFilterOperators;

    private DbOperators dbOperators() {
        if (dbOperators == null) {
            dbOperators = new DbOperators(this);
        }
        return dbOperators;
    }

    void reportError(SourceSpan at, String message) {
        error(at, message);
    }

    void reportWarning(SourceSpan at, String message) {
        warn(at, message);
    }

    /** The source text of a piece of the parse tree, as written. */
    static String sourceOf(ParserRuleContext c) {
        Token start = c.getStart();
        Token stop = c.getStop();
        if (stop == null || stop.getStopIndex() < start.getStartIndex()) {
            return start.getText();
        }
        return start.getInputStream().getText(org.antlr.v4.runtime.misc.Interval.of(start.getStartIndex(), stop.getStopIndex()));
    }

    Expr argExpr(ArgExprContext c) {
        if (c instanceof ArgPostfixExprContext) {
            return argPostfix(((ArgPostfixExprContext) c).argPostfix());
        }
        if (c instanceof ArgUnaryExprContext) {
            ArgUnaryExprContext u = (ArgUnaryExprContext) c;
            return unary(u.op, argExpr(u.argExpr()));
        }
        List<ArgExprContext> operands = c.getRuleContexts(ArgExprContext.class);
        Token op = ((TerminalNode) c.getChild(1)).getSymbol();
        boolean ignoreEmpty = c.getChild(2) instanceof TerminalNode && ((TerminalNode) c.getChild(2)).getSymbol().getType() == XanoScriptParser.QUESTION;
        return binary(op, argExpr(operands.get(0)), argExpr(operands.get(1)), ignoreEmpty);
    }

    Expr argPostfix(ArgPostfixContext p) {
        return accessors(primary(p.primary()), p.accessor());
    }

    private Expr unary(Token op, Expr operand) {
        Expr.UnaryOp kind = op.getType() == XanoScriptParser.BANG ? Expr.UnaryOp.NOT
                : op.getType() == XanoScriptParser.MINUS ? Expr.UnaryOp.NEGATE : Expr.UnaryOp.PLUS;
        return new Expr.Unary(kind, operand, span(op));
    }

    private Expr binary(Token op, Expr left, Expr right, boolean ignoreEmpty) {
        Expr.BinaryOp kind;
        switch (op.getType()) {
            case XanoScriptParser.STAR: kind = Expr.BinaryOp.MUL; break;
            case XanoScriptParser.SLASH: kind = Expr.BinaryOp.DIV; break;
            case XanoScriptParser.PERCENT: kind = Expr.BinaryOp.MOD; break;
            case XanoScriptParser.PLUS: kind = Expr.BinaryOp.ADD; break;
            case XanoScriptParser.MINUS: kind = Expr.BinaryOp.SUB; break;
            case XanoScriptParser.TILDE: kind = Expr.BinaryOp.CONCAT; break;
            case XanoScriptParser.DOTDOT: kind = Expr.BinaryOp.RANGE; break;
            case XanoScriptParser.LT: kind = Expr.BinaryOp.LT; break;
            case XanoScriptParser.LE: kind = Expr.BinaryOp.LE; break;
            case XanoScriptParser.GT: kind = Expr.BinaryOp.GT; break;
            case XanoScriptParser.GE: kind = Expr.BinaryOp.GE; break;
            case XanoScriptParser.EQEQ: kind = Expr.BinaryOp.EQ; break;
            case XanoScriptParser.NEQ: kind = Expr.BinaryOp.NE; break;
            case XanoScriptParser.EQEQEQ: kind = Expr.BinaryOp.STRICT_EQ; break;
            case XanoScriptParser.NEQEQ: kind = Expr.BinaryOp.STRICT_NE; break;
            case XanoScriptParser.ANDAND: kind = Expr.BinaryOp.AND; break;
            case XanoScriptParser.OROR: kind = Expr.BinaryOp.OR; break;
            case XanoScriptParser.NULLISH: kind = Expr.BinaryOp.NULLISH; break;
            case XanoScriptParser.ELVIS: kind = Expr.BinaryOp.ELVIS; break;
            default:
                throw new IllegalStateException("operator " + op.getText());
        }
        return new Expr.Binary(kind, left, right, ignoreEmpty, span(op));
    }

    private Expr postfix(PostfixContext p) {
        Expr e = p.primary() == null ? new Expr.Literal(Values.NULL, span(p.getStart()))
                : accessors(primary(p.primary()), p.accessor());
        for (FilterContext f : p.filter()) {
            e = filter(e, f);
        }
        return e;
    }

    private Expr filter(Expr input, FilterContext f) {
        String name = f.name.getText();
        SourceSpan at = span(f.name);
        List<Expr> args = new ArrayList<>();
        boolean pendingColon = false;
        for (int i = 0; i < f.getChildCount(); i++) {
            ParseTree ch = f.getChild(i);
            if (ch instanceof TerminalNode && ((TerminalNode) ch).getSymbol().getType() == XanoScriptParser.COLON) {
                if (pendingColon) {
                    args.add(new Expr.Literal(Values.NULL, span(((TerminalNode) ch).getSymbol())));
                }
                pendingColon = true;
            } else if (ch instanceof ArgExprContext) {
                ArgExprContext arg = (ArgExprContext) ch;
                args.add(bareWordsAsText(() -> argExpr(arg)));
                pendingColon = false;
            }
        }
        if (pendingColon) {
            args.add(new Expr.Literal(Values.NULL, at));
        }
        if (f.disabled == null && (filters.isDbOnly(name) || DbOperators.readsDbField(input)) && DbOperators.inDbStatement(f)) {
            return dbOperators().filterCall(input, name, args, at, filters);
        }
        if (!filters.isKnown(name)) {
            if (name.equals("default")) {
                error(at, "there is no `default` filter; use `??` (`$x ?? \"fallback\"`) or `|first_notnull:\"fallback\"`");
            } else if (filters.isDbOnly(name)) {
                error(at, "filter `" + name + "` is only valid in a database query");
            } else {
                error(at, "unknown filter `" + name + "`" + Suggestions.hint(name, filters.names()));
            }
        } else {
            // Xano's own checker lets these through; a missing argument fails when the filter runs,
            // extra ones are ignored. So they are warnings here, not errors.
            String arity = filters.arityProblem(name, args.size());
            if (arity != null) {
                warn(at, arity);
            }
            ExprMistakes.higherOrderArguments(this, name, args, at);
        }
        return new Expr.FilterApp(input, name, args, f.disabled != null, at);
    }

    /**
     * Above zero while a filter's arguments or the elements of a list or object literal are built: there a
     * bare word is text ({@code |index_by:g}, {@code [{field: created_at}]}, spec 5.5 rule 11).
     */
    private int bareWordDepth;

    private Expr accessors(Expr e, List<AccessorContext> list) {
        for (AccessorContext a : list) {
            SourceSpan at = span(a);
            if (a instanceof FieldAccessContext) {
                e = new Expr.Field(e, ((FieldAccessContext) a).word().getText(), at);
            } else if (a instanceof NumberAccessContext) {
                for (String part : ((NumberAccessContext) a).NUMBER().getText().split("\\.")) {
                    e = new Expr.Index(e, new Expr.Literal(Values.of(Long.parseLong(part)), at), at);
                }
            } else if (a instanceof QuotedAccessContext) {
                QuotedAccessContext q = (QuotedAccessContext) a;
                String text = q.STRING() != null ? Strings.unquoteDouble(q.STRING().getText()) : Strings.unquoteSingle(q.SQ_STRING().getText());
                e = new Expr.Field(e, text, at);
            } else if (a instanceof DynamicAccessContext) {
                e = new Expr.Index(e, variable(((DynamicAccessContext) a).VARIABLE().getSymbol()), at);
            } else {
                e = new Expr.Index(e, expr(((IndexAccessContext) a).expr()), at);
            }
        }
        return e;
    }

    private Expr varRefExpr(VarRefContext v) {
        return accessors(variable(v.VARIABLE().getSymbol()), v.accessor());
    }

    private Expr variable(Token t) {
        String name = t.getText().substring(1).intern();
        return new Expr.Variable(name, Expr.Variable.Kind.VAR, span(t));
    }

    private Expr primary(PrimaryContext p) {
        if (p instanceof NumberLiteralContext) {
            NumberLiteralContext n = (NumberLiteralContext) p;
            JsonNode v = Strings.number(n.NUMBER().getText());
            if (n.MINUS() != null) {
                v = Operators.negate(v);
            }
            return new Expr.Literal(v, span(n));
        }
        if (p instanceof StringLiteralContext) {
            StringLiteralContext s = (StringLiteralContext) p;
            if (s.STRING() != null) {
                ExprMistakes.unknownEscapes(this, s.STRING().getSymbol());
            }
            String text = s.STRING() != null ? Strings.unquoteDouble(s.STRING().getText()) : Strings.unquoteSingle(s.SQ_STRING().getText());
            return new Expr.Literal(Values.of(text), span(s.getStart()));
        }
        if (p instanceof TripleStringLiteralContext) {
            Token t = ((TripleStringLiteralContext) p).TRIPLE_STRING().getSymbol();
            return new Expr.Literal(Values.of(Strings.triple(t.getText(), t.getCharPositionInLine())), span(t));
        }
        if (p instanceof TimestampLiteralContext) {
            // an unquoted timestamp is its text, as Xano stores it
            Token t = ((TimestampLiteralContext) p).TIMESTAMP().getSymbol();
            return new Expr.Literal(Values.of(t.getText()), span(t));
        }
        if (p instanceof BacktickExprContext) {
            Token t = ((BacktickExprContext) p).BACKTICK().getSymbol();
            String text = t.getText();
            String inner;
            if (text.startsWith("```")) {
                inner = "(  " + text.substring(3, text.length() - 3) + "  )";
            } else {
                inner = "(" + Strings.unescapeBacktick(text.substring(1, text.length() - 1)) + ")";
            }
            return subParser.parse(inner, t.getLine(), t.getCharPositionInLine());
        }
        if (p instanceof VariableContext) {
            Token t = ((VariableContext) p).VARIABLE().getSymbol();
            return variable(t);
        }
        if (p instanceof ElementRefContext) {
            return new Expr.Variable("$", Expr.Variable.Kind.ELEMENT, span(p));
        }
        if (p instanceof ParenExprContext) {
            return expr(((ParenExprContext) p).expr());
        }
        if (p instanceof ArrayLiteralContext) {
            return array(((ArrayLiteralContext) p).arrayElement(), span(p.getStart()));
        }
        if (p instanceof ObjectLiteralContext) {
            return object(((ObjectLiteralContext) p).objectEntry(), span(p.getStart()));
        }
        if (p instanceof TypedConstantContext) {
            return typedConstant((TypedConstantContext) p);
        }
        if (p instanceof CallExprContext) {
            return call((CallExprContext) p);
        }
        WordContext w = ((BareWordContext) p).word();
        SourceSpan at = span(w);
        switch (w.getText()) {
            case "true":
                return new Expr.Literal(Values.TRUE, at);
            case "false":
                return new Expr.Literal(Values.FALSE, at);
            case "null":
                return new Expr.Literal(Values.NULL, at);
            case "now":
                return new Expr.Variable("now", Expr.Variable.Kind.NOW, at);
            default:
                if (bareWordDepth > 0) {
                    // Xano reads a bare word in a filter argument or a literal as its text: `|index_by:g`, `[a,c]`
                    return new Expr.Literal(Values.of(w.getText()), at);
                }
                error(at, "unexpected word `" + w.getText() + "`; variables start with `$` and text needs quotes");
                return new Expr.Literal(Values.NULL, at);
        }
    }

    /** {@code math.add(5, 3)}: the filter of the same meaning, {@code 5|add:3} (see {@link CallForms}). */
    private Expr call(CallExprContext c) {
        StringBuilder name = new StringBuilder();
        for (WordContext w : c.word()) {
            name.append(name.length() == 0 ? "" : ".").append(w.getText());
        }
        String called = name.toString();
        Token last = c.word(c.word().size() - 1).getStop();
        SourceSpan first = span(c.callee.getStart());
        SourceSpan at = last.getLine() == first.line()
                ? new SourceSpan(first.file(), first.line(), first.column(), last.getCharPositionInLine() + last.getText().length() + 1 - first.column())
                : first;
        List<Expr> args = new ArrayList<>();
        for (ExprContext e : c.expr()) {
            args.add(expr(e));
        }
        if (called.equals(Expr.DbFilterCall.ADDON)) {
            return addonCall(c, args, at);
        }
        CallForms.Form form = CallForms.lookup(called);
        if (form == null) {
            Set<String> known = new LinkedHashSet<>(CallForms.names());
            known.add(Expr.DbFilterCall.ADDON);
            error(at, "unknown function `" + called + "(...)`" + Suggestions.hint(called, known));
            return new Expr.Literal(Values.NULL, at);
        }
        if (args.size() != form.arguments()) {
            error(at, "`" + called + "` takes " + form.arguments() + (form.arguments() == 1 ? " argument" : " arguments")
                    + " (" + form.parameters() + "), found " + args.size());
            while (args.size() < form.arguments()) {
                args.add(new Expr.Literal(Values.NULL, at));
            }
        }
        return new Expr.FilterApp(args.get(0), form.filter(), args.subList(1, args.size()), false, at);
    }

    /**
     * {@code dbAddonAttr("addon", {product_id: $db.product.id})} in a query's {@code eval}: the addon's
     * result per row (addons.md). Only a database statement computes it.
     */
    private Expr addonCall(CallExprContext c, List<Expr> args, SourceSpan at) {
        if (!DbOperators.inDbStatement(c)) {
            error(at, "`" + Expr.DbFilterCall.ADDON + "(...)` is only valid in a database query (the `eval` of `db.query`)");
        }
        if (args.size() != 2) {
            error(at, "`" + Expr.DbFilterCall.ADDON + "` takes 2 arguments (addon name, input object), found " + args.size());
            return new Expr.Literal(Values.NULL, at);
        }
        return new Expr.DbFilterCall(args.get(0), Expr.DbFilterCall.ADDON, List.of(args.get(1)), at);
    }

    private Expr array(List<ArrayElementContext> elements, SourceSpan at) {
        return bareWordsAsText(() -> arrayElements(elements, at));
    }

    /** What {@code build} builds, with bare words read as text. */
    private Expr bareWordsAsText(java.util.function.Supplier<Expr> build) {
        bareWordDepth++;
        try {
            return build.get();
        } finally {
            bareWordDepth--;
        }
    }

    private Expr arrayElements(List<ArrayElementContext> elements, SourceSpan at) {
        List<Expr.Element> out = new ArrayList<>();
        for (ArrayElementContext e : elements) {
            if (e instanceof SpreadElementContext) {
                out.add(new Expr.Element(expr(((SpreadElementContext) e).expr()), true));
            } else {
                out.add(new Expr.Element(expr(((PlainElementContext) e).expr()), false));
            }
        }
        return new Expr.ArrayLiteral(out, at);
    }

    private Expr object(List<ObjectEntryContext> entries, SourceSpan at) {
        return bareWordsAsText(() -> objectEntries(entries, at));
    }

    private Expr objectEntries(List<ObjectEntryContext> entries, SourceSpan at) {
        List<Expr.Entry> out = new ArrayList<>();
        for (ObjectEntryContext e : entries) {
            if (e instanceof SpreadEntryContext) {
                out.add(new Expr.Entry(null, null, expr(((SpreadEntryContext) e).expr()), true));
                continue;
            }
            if (e instanceof SchemaEntryContext) {
                out.add(schemaEntry((SchemaEntryContext) e));
                continue;
            }
            KeyValueEntryContext kv = (KeyValueEntryContext) e;
            ObjectKeyContext k = kv.key;
            if (k.VARIABLE() != null) {
                Expr computed = accessors(variable(k.VARIABLE().getSymbol()), k.accessor());
                out.add(new Expr.Entry(null, computed, expr(kv.expr()), false));
                continue;
            }
            String key;
            if (k.STRING() != null) {
                key = Strings.unquoteDouble(k.STRING().getText());
            } else if (k.SQ_STRING() != null) {
                key = Strings.unquoteSingle(k.SQ_STRING().getText());
            } else {
                key = k.getText();
            }
            out.add(Expr.Entry.plain(key, expr(kv.expr())));
        }
        return new Expr.ObjectLiteral(out, at);
    }

    /**
     * {@code output { enum sentiment {...} decimal confidence? }} inside an agent's {@code llm = {...}}: the
     * fields its structured output must have, checked as input declarations. Agents do not run locally;
     * the entry's value lists each field's name with its type ({@code {"confidence": "decimal"}}).
     */
    private Expr.Entry schemaEntry(SchemaEntryContext e) {
        String key = e.key.getText();
        SourceSpan at = span(e.key);
        if (!key.equals("output") || !inAgentLlm(e)) {
            error(at, "`" + key + " { ... }` is not an object entry; write `" + key + ": ...` (only the `llm` of an agent"
                    + " takes a schema block, `output { ... }`)");
        }
        ObjectNode fields = Values.object();
        for (InputField f : inputDecls(e.inputDecl())) {
            fields.put(f.name(), f.type());
        }
        return Expr.Entry.plain(key, new Expr.Literal(fields, at));
    }

    /** Whether {@code e} is an entry of the {@code llm = {...}} attribute of an {@code agent} document. */
    private static boolean inAgentLlm(ParserRuleContext e) {
        ParserRuleContext p = e.getParent();
        while (p != null && !(p instanceof AttributeContext)) {
            p = p.getParent();
        }
        if (p == null || !((AttributeContext) p).word().getText().equals("llm") || !(p.getParent() instanceof BlockContext)) {
            return false;
        }
        ParserRuleContext top = p.getParent().getParent();
        return top instanceof ConstructContext && ((ConstructContext) top).kind.getText().equals("agent");
    }

    private Expr typedConstant(TypedConstantContext t) {
        String type = t.word().getText();
        SourceSpan at = span(t.getStart());
        Expr inner;
        if (t.STRING() != null) {
            inner = new Expr.Literal(Values.of(Strings.unquoteDouble(t.STRING().getText())), at);
        } else if (t.SQ_STRING() != null) {
            inner = new Expr.Literal(Values.of(Strings.unquoteSingle(t.SQ_STRING().getText())), at);
        } else if (t.TRIPLE_STRING() != null) {
            inner = new Expr.Literal(Values.of(Strings.triple(t.TRIPLE_STRING().getText(), t.TRIPLE_STRING().getSymbol().getCharPositionInLine())), at);
        } else if (t.LBRACE() != null) {
            inner = object(t.objectEntry(), at);
        } else {
            inner = array(t.arrayElement(), at);
        }
        String text = inner instanceof Expr.Literal ? Values.toText(((Expr.Literal) inner).value()) : null;
        switch (type) {
            case "int":
            case "decimal":
            case "bool":
            case "text":
            case "null":
            case "timestamp":
                if (text == null) {
                    error(at, "`!" + type + "` takes quoted text");
                    return inner;
                }
                return new Expr.Literal(TypedConstants.cast(type, text), at);
            case "object":
            case "array":
            case "json":
                if (text != null) {
                    JsonNode parsed = dev.xsrun.value.Json.tryParse(text);
                    if (parsed == null) {
                        error(at, "`!" + type + "` text is not valid JSON");
                        return inner;
                    }
                    return new Expr.Literal(parsed, at);
                }
                return inner;
            case "expr":
                if (text == null) {
                    error(at, "`!expr` takes quoted text");
                    return inner;
                }
                return subParser.parse("(" + text + ")", at.line(), at.column() - 1);
            default:
                error(at, "unknown typed constant `!" + type + "`");
                return inner;
        }
    }
}
