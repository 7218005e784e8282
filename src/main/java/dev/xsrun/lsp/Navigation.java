package dev.xsrun.lsp;

import dev.xsrun.ast.CatalogueDocs;
import dev.xsrun.ast.StatementCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;

/** Hover, go to definition and document symbols: what the name under the cursor is, and where it is declared. */
final class Navigation {
    private static final Pattern FUNCTION_CALL = Pattern.compile("^\\s*!?function\\.(?:run|call)\\s+\"([^\"]*)\"");
    private static final Pattern FUNCTION_CALL_BARE = Pattern.compile("^\\s*!?function\\.(?:run|call)\\s+([\\w/]+)");
    private static final Pattern JOB_MAIN_NAME = Pattern.compile("^\\s*name\\s*[:=]\\s*\"([^\"]*)\"");
    private static final Pattern DB_TABLE = Pattern.compile("^\\s*!?db\\.[\\w.]+\\s+\"?(\\w+)\"?");
    private static final Pattern DB_VAR = Pattern.compile("\\$db\\.(\\w+)");

    private final Workspace workspace;
    private final Catalogue catalogue;

    Navigation(Workspace workspace, Catalogue catalogue) {
        this.workspace = workspace;
        this.catalogue = catalogue;
    }

    Hover hover(Workspace.Doc doc, int line, int character) {
        TextAt at = new TextAt(doc.text(), line, character);
        String word = at.word();
        int ws = at.wordStart();
        if (word.isEmpty()) {
            return null;
        }
        if (word.startsWith("$input.")) {
            String[] parts = word.split("\\.");
            Outline.Decl d = doc.outline().documentAt(line);
            if (parts.length >= 2 && d != null) {
                for (Outline.Decl in : d.children("input")) {
                    if (in.name().equals(parts[1])) {
                        return markdown("```xs\n" + in.type() + " " + in.name() + "\n```\ninput `" + in.name() + "` of " + d.kind() + " `"
                                + d.name() + "`: " + in.type(), at, ws);
                    }
                }
            }
            return null;
        }
        String left = at.lineText.substring(0, ws).stripTrailing();
        if (left.endsWith("|") && !left.endsWith("||")) {
            String sig = catalogue.filterSignature(word);
            if (sig == null) {
                return null;
            }
            StringBuilder sb = new StringBuilder("```xs\n").append(sig).append("\n```\n");
            String canonical = catalogue.canonicalFilter(word);
            if (!canonical.equals(word)) {
                sb.append("`").append(word).append("` is another name for `").append(canonical).append("`.\n\n");
            }
            for (String p : catalogue.filterParams(word)) {
                sb.append("- ").append(p).append('\n');
            }
            appendDoc(sb, catalogue.filterDoc(word));
            return markdown(sb.toString(), at, ws);
        }
        String statementWord = word.startsWith("!") ? word.substring(1) : word;
        if ((left.isEmpty() || left.equals("!")) && StatementCatalogue.lookup(statementWord) != null) {
            StringBuilder sb = new StringBuilder("```xs\n").append(Catalogue.statementSignature(statementWord)).append("\n```\n");
            StatementCatalogue.Shape shape = StatementCatalogue.lookup(statementWord);
            if (!shape.local()) {
                sb.append("Checked, but not run by xsrun.\n\n");
            }
            appendDoc(sb, Catalogue.statementDoc(statementWord));
            return markdown(sb.toString(), at, ws);
        }
        Workspace.Found f = definitionTarget(at);
        if (f != null && f.decl().kind().equals("function")) {
            StringBuilder sb = new StringBuilder("```xs\nfunction \"").append(f.decl().name()).append("\"\n```\n");
            List<Outline.Decl> inputs = f.decl().children("input");
            for (Outline.Decl in : inputs) {
                sb.append("- input `").append(in.name()).append("`: ").append(in.type()).append('\n');
            }
            sb.append("\nin ").append(workspace.display(f.doc())).append(':').append(f.decl().line() + 1);
            return markdown(sb.toString(), at, ws);
        }
        return null;
    }

    private static void appendDoc(StringBuilder sb, CatalogueDocs.Doc d) {
        if (d != null) {
            sb.append('\n').append(d.description()).append("\n\nExample: `").append(d.example()).append('`');
        }
    }

    private static Hover markdown(String text, TextAt at, int wordStart) {
        Hover h = new Hover(new MarkupContent(MarkupKind.MARKDOWN, text));
        h.setRange(new Range(new Position(at.line, wordStart), new Position(at.line, at.wordEnd())));
        return h;
    }

    List<Location> definition(Workspace.Doc doc, int line, int character) {
        Workspace.Found f = definitionTarget(new TextAt(doc.text(), line, character));
        if (f == null) {
            return List.of();
        }
        Position p = new Position(f.decl().line(), f.decl().column());
        Position e = new Position(f.decl().line(), f.decl().column() + f.decl().name().length());
        return List.of(new Location(f.doc().uri(), new Range(p, e)));
    }

    /** The function or table the name under the position refers to, or null. */
    private Workspace.Found definitionTarget(TextAt at) {
        String line = at.lineText;
        Matcher m;
        if ((m = FUNCTION_CALL.matcher(line)).find() && within(at, m.start(1) - 1, m.end(1) + 1)
                || (m = FUNCTION_CALL_BARE.matcher(line)).find() && within(at, m.start(1), m.end(1))
                || (m = JOB_MAIN_NAME.matcher(line)).find() && within(at, m.start(1) - 1, m.end(1) + 1)) {
            return workspace.find("function", m.group(1));
        }
        if ((m = DB_TABLE.matcher(line)).find() && within(at, m.start(1) - 1, m.end(1) + 1)) {
            return workspace.find("table", m.group(1));
        }
        m = DB_VAR.matcher(line);
        while (m.find()) {
            if (within(at, m.start(), m.end(1))) {
                return workspace.find("table", m.group(1));
            }
        }
        return null;
    }

    private static boolean within(TextAt at, int start, int end) {
        return at.character >= start && at.character <= end;
    }

    /** Functions, tables, jobs and other documents, each with its inputs, fields and tests. */
    static List<DocumentSymbol> symbols(Workspace.Doc doc) {
        List<DocumentSymbol> out = new ArrayList<>();
        String[] lines = doc.text().split("\n", -1);
        for (Outline.Decl d : doc.outline().documents()) {
            List<DocumentSymbol> children = new ArrayList<>();
            for (Outline.Decl c : d.children()) {
                SymbolKind kind = switch (c.kind()) {
                    case "input" -> SymbolKind.Variable;
                    case "field" -> SymbolKind.Field;
                    case "test" -> SymbolKind.Method;
                    default -> SymbolKind.Constant;
                };
                children.add(symbol(c.name().isEmpty() ? c.kind() : c.name(), c.type() != null ? c.type() : c.kind(), kind, c, lines));
            }
            SymbolKind kind = switch (d.kind()) {
                case "function" -> SymbolKind.Function;
                case "table" -> SymbolKind.Struct;
                case "run.job" -> SymbolKind.Module;
                default -> SymbolKind.Object;
            };
            DocumentSymbol s = symbol(d.name().isEmpty() ? d.kind() : d.name(), d.kind(), kind, d, lines);
            s.setChildren(children);
            out.add(s);
        }
        return out;
    }

    private static DocumentSymbol symbol(String name, String detail, SymbolKind kind, Outline.Decl d, String[] lines) {
        int endLine = Math.min(d.endLine(), lines.length - 1);
        Range full = new Range(new Position(d.line(), 0), new Position(endLine, lines[endLine].length()));
        Range sel = new Range(new Position(d.line(), d.column()), new Position(d.line(), d.column() + Math.max(1, d.name().length())));
        return new DocumentSymbol(name, kind, full, sel, detail);
    }
}
