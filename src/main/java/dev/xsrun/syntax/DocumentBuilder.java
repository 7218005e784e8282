package dev.xsrun.syntax;

import dev.xsrun.ast.Document;
import dev.xsrun.ast.DocumentCatalogue;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.InputField;
import dev.xsrun.ast.Stmt;
import dev.xsrun.diag.Suggestions;
import dev.xsrun.syntax.gen.XanoScriptParser.AttributeContext;
import dev.xsrun.syntax.gen.XanoScriptParser.ConstructContext;
import dev.xsrun.syntax.gen.XanoScriptParser.InputBlockContext;
import dev.xsrun.syntax.gen.XanoScriptParser.InputItemContext;
import dev.xsrun.syntax.gen.XanoScriptParser.ItemContext;
import dev.xsrun.syntax.gen.XanoScriptParser.StatementContext;
import dev.xsrun.syntax.gen.XanoScriptParser.StatementItemContext;
import dev.xsrun.syntax.gen.XanoScriptParser.StringTargetContext;
import dev.xsrun.value.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the constructs other than functions and run jobs (queries, tasks, middleware, triggers,
 * settings-only constructs, workflow tests) and the {@code test} blocks of any construct, checking each
 * against {@link DocumentCatalogue}. Statements and expressions are built by the {@link AstBuilder}.
 */
final class DocumentBuilder {
    private static final Map<String, Set<String>> ATTRIBUTE_VALUES = Map.of(
            "exception_policy", Set.of("silent", "rethrow", "critical"),
            "response_strategy", Set.of("merge", "replace"));

    private final AstBuilder ast;

    DocumentBuilder(AstBuilder ast) {
        this.ast = ast;
    }

    /** The parts of a construct's block, checked against its kind. */
    private final class Body {
        final Map<String, Expr> attributes = new LinkedHashMap<>();
        List<InputField> inputs;
        List<Stmt> stack;
        final List<Document.TestBlock> tests = new ArrayList<>();
    }

    Document document(ConstructContext c, String kind, String name, SourceSpan at) {
        DocumentCatalogue.Kind k = DocumentCatalogue.lookup(kind);
        if (k == null) {
            ast.error(at, "unknown construct `" + kind + "`" + hintOr(kind, DocumentCatalogue.names(),
                    "; expected one of " + String.join(", ", DocumentCatalogue.names())));
            return new Document.Other(kind, name, at);
        }
        if (k.form() == DocumentCatalogue.Form.TABLE) {
            return new Document.Other(kind, name, at);
        }
        if (name == null || (name.isEmpty() && k.form() == DocumentCatalogue.Form.STACKED)) {
            ast.error(at, "a " + kind + " needs a name: " + kind + " \"name\"" + (k.verb() ? " verb=GET" : "") + " { ... }");
            name = name == null ? "" : name;
        }
        String verb = null;
        if (c.verbAttr() != null) {
            String key = c.verbAttr().word(0).getText();
            String value = c.verbAttr().word(1).getText();
            if (!k.verb()) {
                ast.error(ast.span(c.verbAttr()), "a " + kind + " takes no `" + key + "=`; only a `query` has a verb");
            } else if (!key.equals("verb")) {
                ast.error(ast.span(c.verbAttr().word(0)), "unknown `" + key + "=` after the name; a query takes `verb=GET`"
                        + Suggestions.hint(key, List.of("verb")));
            } else if (!DocumentCatalogue.VERBS.contains(value)) {
                ast.error(ast.span(c.verbAttr().word(1)), "unknown verb `" + value + "`"
                        + hintOr(value.toUpperCase(), DocumentCatalogue.VERBS, "; expected GET, POST, PUT, PATCH or DELETE"));
            } else {
                verb = value;
            }
        } else if (k.verb()) {
            ast.warn(at, "query `" + name + "` has no verb; write query \"" + name + "\" verb=GET { ... } (or POST, PUT, PATCH, DELETE)");
        }
        if (c.block() == null && !k.blockOptional()) {
            ast.error(at, "a " + kind + " needs a body: " + kind + " \"" + name + "\" { ... }");
        }
        Body b = body(c, k, name, at);
        ast.bodyMistakes(c.block(), b.inputs == null ? List.of() : b.inputs);
        switch (k.form()) {
            case STACKED:
                TestChecks.check(ast, kind + " `" + name + "`", b.stack == null ? List.of() : b.stack,
                        b.tests.stream().map(Document.TestBlock::name).toList(), b.tests);
                return new Document.Stacked(kind, name, verb, b.attributes, b.inputs == null ? List.of() : b.inputs,
                        b.stack == null ? List.of() : b.stack, b.attributes.get("response"), b.tests, at);
            case WORKFLOW_TEST:
                TestChecks.check(ast, "workflow_test `" + name + "`", b.stack == null ? List.of() : b.stack, List.of(name), List.of());
                return new Document.WorkflowTest(name, b.attributes.get("datasource"), b.attributes,
                        b.stack == null ? List.of() : b.stack, at);
            default:
                return new Document.Settings(kind, name, b.attributes, at);
        }
    }

    private Body body(ConstructContext c, DocumentCatalogue.Kind k, String name, SourceSpan at) {
        Body b = new Body();
        String kind = k.name();
        String what = "a " + kind;
        Set<String> expected = new TreeSet<>(k.clauses());
        expected.addAll(k.attributes());
        if (c.block() == null) {
            return b;
        }
        ast.noCommas(c.block());
        for (ItemContext item : c.block().item()) {
            if (item instanceof InputItemContext) {
                InputBlockContext ib = ((InputItemContext) item).inputBlock();
                String word = ib.kind.getText();
                if (!word.equals("input") || !k.clauses().contains("input")) {
                    ast.error(ast.span(ib.kind), "`" + word + "` is not a clause of " + what + clausesNote(k));
                    continue;
                }
                if (b.inputs != null) {
                    ast.error(ast.span(ib.kind), what + " has only one `input` block");
                }
                b.inputs = ast.inputDecls(ib);
            } else if (item instanceof AttributeContext) {
                AttributeContext a = (AttributeContext) item;
                String key = a.word().getText();
                SourceSpan keyAt = ast.span(a.word());
                if (!k.attributes().contains(key)) {
                    ast.error(keyAt, "unknown attribute `" + key + "` of " + what + hintOr(key, expected,
                            "; it accepts " + String.join(", ", new TreeSet<>(k.attributes()))));
                    continue;
                }
                if (b.attributes.containsKey(key)) {
                    ast.error(keyAt, "attribute `" + key + "` is set twice in " + what);
                }
                Expr value = ast.expr(a.expr());
                checkValue(key, value);
                b.attributes.put(key, value);
            } else {
                StatementContext s = ((StatementItemContext) item).statement();
                String word = s.name.getText();
                SourceSpan wordAt = ast.span(s.name);
                if (word.equals("stack") && k.clauses().contains("stack") && s.target() == null && s.block() != null) {
                    if (b.stack != null) {
                        ast.error(wordAt, what + " has only one `stack` block");
                    }
                    b.stack = ast.statements(s.block(), "stack");
                } else if (word.equals("test") && k.clauses().contains("test")) {
                    Document.TestBlock t = testBlock(s);
                    if (t != null) {
                        b.tests.add(t);
                    }
                } else if (s.block() == null && k.attributes().contains(word)) {
                    ast.error(wordAt, "attribute `" + word + "` needs `=`: write `" + word + " = ...`");
                } else {
                    ast.error(wordAt, "unexpected `" + word + "` in " + what + hintOr(word, expected, clausesNote(k)));
                }
            }
        }
        for (String required : k.requiredAttributes()) {
            if (!b.attributes.containsKey(required)) {
                ast.error(at, what + " needs `" + required + " = ...`");
            }
        }
        if (k.stackRequired() && b.stack == null && k.clauses().contains("stack")) {
            ast.error(at, kind + " `" + name + "` has no `stack { ... }` block");
        }
        return b;
    }

    private void checkValue(String key, Expr value) {
        Set<String> allowed = ATTRIBUTE_VALUES.get(key);
        if (allowed == null || !(value instanceof Expr.Literal) || !((Expr.Literal) value).value().isTextual()) {
            return;
        }
        String text = ((Expr.Literal) value).value().asText();
        if (!allowed.contains(text)) {
            ast.error(value.span(), "`" + key + "` is one of " + String.join(", ", new TreeSet<>(allowed)) + ", not \"" + text + "\""
                    + Suggestions.hint(text, allowed));
        }
    }

    private static String clausesNote(DocumentCatalogue.Kind k) {
        if (k.clauses().isEmpty()) {
            return "; it holds only attributes (`name = value`)";
        }
        return "; expected " + String.join(", ", new TreeSet<>(k.clauses())) + " or an attribute";
    }

    private static String hintOr(String word, java.util.Collection<String> known, String otherwise) {
        String hint = Suggestions.hint(word, known);
        return hint.isEmpty() ? otherwise : hint;
    }

    /**
     * {@code test "name" { input = {...} datasource = "x" <statements> }}; null (with a diagnostic)
     * when it has no name or body.
     */
    Document.TestBlock testBlock(StatementContext s) {
        SourceSpan at = ast.span(s.name);
        if (!(s.target() instanceof StringTargetContext)) {
            ast.error(s.target() == null ? at : ast.span(s.target()), "a test needs a name in quotes: test \"name\" { ... }");
            return null;
        }
        StringTargetContext t = (StringTargetContext) s.target();
        String name = t.STRING() != null ? Strings.unquoteDouble(t.getText()) : Strings.unquoteSingle(t.getText());
        if (s.block() == null) {
            ast.error(at, "test `" + name + "` needs a body: test \"" + name + "\" { expect.to_equal ($response) { value = ... } }");
            return null;
        }
        if (s.verbAttr() != null || s.condition() != null || !s.asClause().isEmpty()) {
            ast.error(at, "a test is written test \"name\" { ... }, with nothing between its name and its body");
        }
        ast.noCommas(s.block());
        Expr input = null;
        Expr datasource = null;
        List<Stmt> stmts = new ArrayList<>();
        for (ItemContext item : s.block().item()) {
            if (item instanceof AttributeContext) {
                AttributeContext a = (AttributeContext) item;
                String key = a.word().getText();
                Expr value = ast.expr(a.expr());
                if (key.equals("input")) {
                    input = value;
                } else if (key.equals("datasource")) {
                    datasource = value;
                } else if (!key.equals("description")) {
                    ast.error(ast.span(a.word()), "unknown attribute `" + key + "` of a test"
                            + hintOr(key, List.of("input", "datasource", "description"), "; it accepts input, datasource and description"));
                }
            } else if (item instanceof StatementItemContext) {
                Stmt st = ast.statement(((StatementItemContext) item).statement());
                if (st != null) {
                    stmts.add(st);
                }
            } else {
                InputBlockContext ib = ((InputItemContext) item).inputBlock();
                ast.error(ast.span(ib.kind), "a test's input is an attribute: write `input = {name: value}`");
            }
        }
        return new Document.TestBlock(name, input, datasource, stmts, at);
    }
}
