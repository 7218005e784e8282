package dev.xsrun.lsp;

import dev.xsrun.ast.CatalogueDocs;
import dev.xsrun.ast.StatementCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** What may be typed at a position, judged from the text before it (which need not parse). */
final class Completions {
    private static final Pattern FUNCTION_NAME = Pattern.compile("^\\s*!?function\\.(?:run|call)\\s+(\"?)([^\"]*)$");
    private static final Pattern DB_TABLE = Pattern.compile("^\\s*!?db\\.[\\w.]+\\s+(\"?)(\\w*)$");
    private static final Pattern DB_VAR_TABLE = Pattern.compile("\\$db\\.(\\w*)$");
    private static final Pattern DB_VAR_FIELD = Pattern.compile("\\$db\\.(\\w+)\\.(\\w*)$");
    private static final Pattern INPUT_FIELD = Pattern.compile("\\$input\\.(\\w*)$");
    private static final Pattern ENV_NAME = Pattern.compile("\\$env\\.(\\w*)$");
    private static final Pattern FILTER = Pattern.compile("(?<!\\|)\\|\\s*(\\w*)$");
    private static final Pattern STATEMENT_START = Pattern.compile("^\\s*!?([\\w.]*)$");
    private static final List<String> FUNCTION_CLAUSES = List.of("description", "input", "stack", "response");
    private static final List<String> JOB_CLAUSES = List.of("description", "main", "pre", "post", "env");
    private static final List<String> STACKS = List.of("stack", "if", "elseif", "else", "each", "try", "catch", "finally",
            "case", "default");

    private final Workspace workspace;
    private final Catalogue catalogue;

    Completions(Workspace workspace, Catalogue catalogue) {
        this.workspace = workspace;
        this.catalogue = catalogue;
    }

    List<CompletionItem> at(Workspace.Doc doc, int line, int character) {
        TextAt at = new TextAt(doc.text(), line, character);
        String before = at.before();
        Matcher m;
        if ((m = FUNCTION_NAME.matcher(before)).find()) {
            return functions(at, m.group(2), !m.group(1).isEmpty());
        }
        if ((m = DB_TABLE.matcher(before)).find()) {
            return tables(at, m.group(2), !m.group(1).isEmpty());
        }
        Braces.Context ctx = Braces.at(doc.text(), at.offset);
        if (ctx.inString() || ctx.inComment()) {
            return List.of();
        }
        if ((m = DB_VAR_FIELD.matcher(before)).find()) {
            return fields(at, m.group(1), m.group(2));
        }
        if ((m = DB_VAR_TABLE.matcher(before)).find()) {
            return tables(at, m.group(1), true);
        }
        if ((m = INPUT_FIELD.matcher(before)).find()) {
            return inputs(doc, at, m.group(1));
        }
        if ((m = ENV_NAME.matcher(before)).find()) {
            List<CompletionItem> out = new ArrayList<>();
            for (String e : workspace.envNames()) {
                out.add(item(e, CompletionItemKind.Variable, "env", at, m.group(1), e));
            }
            return out;
        }
        if ((m = FILTER.matcher(before)).find()) {
            return filters(at, m.group(1));
        }
        if ((m = STATEMENT_START.matcher(before)).find()) {
            return statementStart(ctx, at, m.group(1));
        }
        return List.of();
    }

    private List<CompletionItem> statementStart(Braces.Context ctx, TextAt at, String typed) {
        List<CompletionItem> out = new ArrayList<>();
        String head = ctx.innermost();
        if (head == null) {
            for (String kind : List.of("function", "run.job", "table")) {
                out.add(item(kind, CompletionItemKind.Keyword, "document", at, typed, kind));
            }
            return out;
        }
        if (head.isEmpty() || "=:,([".indexOf(head.charAt(head.length() - 1)) >= 0) {
            return out; // inside an object literal: keys are the writer's own
        }
        String headWord = firstWord(head);
        if (ctx.heads().size() == 1) {
            List<String> clauses = headWord.equals("run.job") ? JOB_CLAUSES : headWord.equals("function") ? FUNCTION_CLAUSES : List.of();
            for (String c : clauses) {
                out.add(item(c, CompletionItemKind.Property, headWord + " clause", at, typed, c));
            }
            return out;
        }
        StatementCatalogue.Shape shape = StatementCatalogue.lookup(headWord);
        if (shape != null && shape.attributes() != null && !STACKS.contains(headWord)) {
            TreeSet<String> names = new TreeSet<>(shape.attributes());
            names.addAll(StatementCatalogue.COMMON);
            if (shape.clauses() != null) {
                names.addAll(shape.clauses());
            }
            for (String a : names) {
                boolean clause = shape.clauses() != null && shape.clauses().contains(a);
                CompletionItem it = item(a, CompletionItemKind.Property, headWord + (shape.requiredAttributes().contains(a) ? " (required)" : ""),
                        at, typed, clause ? a : a + " = ");
                out.add(it);
            }
            return out;
        }
        if (headWord.equals("input") || headWord.equals("schema")) {
            return out;
        }
        for (String name : StatementCatalogue.names()) {
            CompletionItem it = item(name, CompletionItemKind.Keyword, Catalogue.statementSignature(name), at, typed, name);
            CatalogueDocs.Doc d = Catalogue.statementDoc(name);
            if (d != null) {
                it.setDocumentation(d.description() + "\n\nExample: " + d.example());
            }
            out.add(it);
        }
        return out;
    }

    private static String firstWord(String head) {
        String h = head.startsWith("!") ? head.substring(1) : head;
        int i = 0;
        while (i < h.length() && (Character.isLetterOrDigit(h.charAt(i)) || h.charAt(i) == '_' || h.charAt(i) == '.')) {
            i++;
        }
        return h.substring(0, i);
    }

    private List<CompletionItem> filters(TextAt at, String typed) {
        List<CompletionItem> out = new ArrayList<>();
        for (String name : catalogue.filterNames()) {
            CompletionItem it = item(name, CompletionItemKind.Function, catalogue.filterSignature(name), at, typed, name);
            CatalogueDocs.Doc d = catalogue.filterDoc(name);
            if (d != null) {
                it.setDocumentation(d.description() + "\n\nExample: " + d.example());
            }
            out.add(it);
        }
        return out;
    }

    private List<CompletionItem> functions(TextAt at, String typed, boolean quoted) {
        List<CompletionItem> out = new ArrayList<>();
        for (Workspace.Found f : workspace.all("function")) {
            String name = f.decl().name();
            out.add(item(name, CompletionItemKind.Function, "function in " + workspace.display(f.doc()), at, typed,
                    quoted ? name : "\"" + name + "\""));
        }
        return out;
    }

    private List<CompletionItem> tables(TextAt at, String typed, boolean bare) {
        List<CompletionItem> out = new ArrayList<>();
        for (Workspace.Found f : workspace.all("table")) {
            String name = f.decl().name();
            out.add(item(name, CompletionItemKind.Struct, "table in " + workspace.display(f.doc()), at, typed,
                    bare ? name : "\"" + name + "\""));
        }
        return out;
    }

    private List<CompletionItem> fields(TextAt at, String table, String typed) {
        List<CompletionItem> out = new ArrayList<>();
        Workspace.Found t = workspace.find("table", table);
        if (t != null) {
            for (Outline.Decl field : t.decl().children("field")) {
                out.add(item(field.name(), CompletionItemKind.Field, field.type(), at, typed, field.name()));
            }
        }
        return out;
    }

    private List<CompletionItem> inputs(Workspace.Doc doc, TextAt at, String typed) {
        List<CompletionItem> out = new ArrayList<>();
        Outline.Decl d = doc.outline().documentAt(at.line);
        if (d != null) {
            for (Outline.Decl input : d.children("input")) {
                out.add(item(input.name(), CompletionItemKind.Field, input.type(), at, typed, input.name()));
            }
        }
        return out;
    }

    /** An item that replaces what was typed of it ({@code typed}, just before the position) with {@code insert}. */
    private static CompletionItem item(String label, CompletionItemKind kind, String detail, TextAt at, String typed, String insert) {
        CompletionItem it = new CompletionItem(label);
        it.setKind(kind);
        it.setDetail(detail);
        int startChar = at.character - typed.length() - (insert.startsWith("\"") && at.before().endsWith("\"" + typed) ? 1 : 0);
        Range r = new Range(new Position(at.line, startChar), new Position(at.line, at.character));
        it.setTextEdit(Either.forLeft(new TextEdit(r, insert)));
        it.setFilterText(insert.startsWith("\"") ? insert : label);
        return it;
    }
}
