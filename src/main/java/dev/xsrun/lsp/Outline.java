package dev.xsrun.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file declares, read from its text by brace depth alone: documents (functions, tables, run jobs
 * and the rest) with their names and lines, a function's inputs, a table's fields, tests and a job's env
 * names. It works on text that does not parse, which is most of what an editor holds while typing.
 */
record Outline(List<Decl> documents) {
    /** A name declared at a place (0-based line and column of the name); children are inputs, fields, tests. */
    record Decl(String kind, String name, String type, int line, int column, int endLine, List<Decl> children) {
        Decl {
            children = List.copyOf(children);
        }

        boolean contains(int l) {
            return l >= line && l <= endLine;
        }

        List<Decl> children(String kind) {
            List<Decl> out = new ArrayList<>();
            for (Decl d : children) {
                if (d.kind.equals(kind)) {
                    out.add(d);
                }
            }
            return out;
        }
    }

    Outline {
        documents = List.copyOf(documents);
    }

    private static final Pattern HEAD = Pattern.compile("^\\s*([A-Za-z_][\\w.]*)\\s+(?:\"([^\"]*)\"|([\\w/.-]+))?\\s*\\{");
    private static final Pattern BLOCK = Pattern.compile("^\\s*([A-Za-z_][\\w.]*)\\s*\\{");
    private static final Pattern FIELD = Pattern.compile("^\\s*([A-Za-z_]\\w*[?]?(?:\\[[^\\]]*\\])?[?]?)\\s+([A-Za-z_]\\w*)\\??");
    private static final Pattern TEST = Pattern.compile("^\\s*test\\s+\"([^\"]*)\"");
    private static final Pattern ENV = Pattern.compile("^\\s*env\\s*=\\s*\\[([^\\]]*)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    /** Reads the declarations of a file's text. */
    static Outline of(String text) {
        String[] lines = text.split("\n", -1);
        int[] depthAtStart = Braces.depthAtLineStarts(lines);
        List<Decl> docs = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            Matcher m = depthAtStart[i] == 0 ? HEAD.matcher(lines[i]) : null;
            if (m == null || !m.find()) {
                i++;
                continue;
            }
            String kind = m.group(1);
            String name = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : "";
            int nameCol = m.group(2) != null ? m.start(2) : m.group(3) != null ? m.start(3) : m.start(1);
            int end = endOf(depthAtStart, i, 0);
            List<Decl> children = new ArrayList<>();
            for (int l = i + 1; l < end; l++) {
                String line = lines[l];
                Matcher t = TEST.matcher(line);
                if (t.find()) {
                    children.add(new Decl("test", t.group(1), null, l, t.start(1), endOf(depthAtStart, l, depthAtStart[l]), List.of()));
                    continue;
                }
                if (depthAtStart[l] != 1) {
                    continue;
                }
                Matcher e = ENV.matcher(line);
                if (e.find()) {
                    Matcher q = QUOTED.matcher(e.group(1));
                    while (q.find()) {
                        children.add(new Decl("env", q.group(1), null, l, e.start(1) + q.start(1), l, List.of()));
                    }
                    continue;
                }
                Matcher b = BLOCK.matcher(line);
                if (b.find() && (b.group(1).equals("input") || b.group(1).equals("schema"))) {
                    String childKind = b.group(1).equals("input") ? "input" : "field";
                    int blockEnd = endOf(depthAtStart, l, 1);
                    for (int f = l + 1; f < blockEnd; f++) {
                        if (depthAtStart[f] != 2) {
                            continue;
                        }
                        Matcher fm = FIELD.matcher(lines[f]);
                        if (fm.find() && !fm.group(2).equals("filters") && !lines[f].substring(fm.end(1)).stripLeading().startsWith("=")) {
                            children.add(new Decl(childKind, fm.group(2), fm.group(1), f, fm.start(2), f, List.of()));
                        }
                    }
                    l = blockEnd;
                }
            }
            docs.add(new Decl(kind, name, null, i, nameCol, end, children));
            i = end + 1;
        }
        return new Outline(docs);
    }

    /** The line holding the brace that closes the block opened on {@code line} (depth {@code depth} before it). */
    private static int endOf(int[] depthAtStart, int line, int depth) {
        for (int l = line + 1; l < depthAtStart.length; l++) {
            if (depthAtStart[l] <= depth) {
                return l - 1;
            }
        }
        return depthAtStart.length - 1;
    }

    /** The document whose lines hold {@code line}, or null. */
    Decl documentAt(int line) {
        for (Decl d : documents) {
            if (d.contains(line)) {
                return d;
            }
        }
        return null;
    }
}
