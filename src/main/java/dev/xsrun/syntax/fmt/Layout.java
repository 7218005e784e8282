package dev.xsrun.syntax.fmt;

import static dev.xsrun.syntax.gen.XanoScriptLexer.*;

import dev.xsrun.syntax.SourceTokens;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * Lays out one document from its tokens and brackets, not from the syntax tree: comments and blank lines
 * are tokens here, and a construct the parser learns later is laid out like any other bracketed text.
 *
 * <p>The canonical layout (that of Xano's documentation): two spaces per level; one statement, attribute
 * or entry per line in a block that is broken over lines; {@code name = value} and {@code key: value};
 * spaces around binary operators except inside a filter's arguments ({@code $$%2==0}), none around
 * {@code |}, {@code .} and a filter's {@code :}. A block, object or list stays on one line when it was
 * written on one line, holds no comment, fits in {@value #WIDTH} columns and (for a block) holds only
 * {@code name = value} attributes; otherwise it takes one entry per line, object and list entries
 * separated by commas. Inside ( ) newlines are dropped. A line break before a continuing {@code |} or
 * after a binary operator is kept, indented one level further.
 */
final class Layout {
    static final int WIDTH = 100;
    private static final int STEP = 2;

    private enum Kind { TOP, BLOCK, OBJECT, LIST, INDEX, PAREN }

    private enum Role {
        OPERAND, BINOP, BINOP_TIGHT, UNARY, EQ_SPACED, EQ_TIGHT, COLON_FILTER, COLON_KEY, COLON_TERNARY,
        COLON_TIGHT, Q_TERNARY, Q_NULLSAFE, Q_NULLSAFE_TIGHT, Q_DECL, COMMA, PIPE, DOT, ELLIPSIS, RAW_FILTER, OTHER
    }

    /** One token with what the layout needs to know of its surroundings in the source. */
    private static final class Tok {
        final int type;
        final String text;
        /** whitespace or a line start before it in the source */
        final boolean spaceBefore;
        Role role = Role.OTHER;

        Tok(int type, String text, boolean spaceBefore) {
            this.type = type;
            this.text = type == SourceTokens.COMMENT ? text.stripTrailing() : type == FILTERS_ASSIGN ? "filters=" : text;
            this.spaceBefore = spaceBefore;
        }
    }

    /** A bracketed part: ( ), [ ] or { }, or the whole document. */
    private static final class Group {
        final Kind kind;
        final String open;
        final String close;
        final boolean spaceBefore;
        final List<Object> items = new ArrayList<>();
        Split split;
        Boolean hardBreak;

        Group(Kind kind, String open, String close, boolean spaceBefore) {
            this.kind = kind;
            this.open = open;
            this.close = close;
            this.spaceBefore = spaceBefore;
        }
    }

    /** A line break the source had inside one entry, which the layout keeps. */
    private static final Object CONTINUE = new Object();

    /** A comment on a line of its own inside an entry that goes on over several lines. */
    private static final class OwnLine {
        final Tok comment;

        OwnLine(Tok comment) {
            this.comment = comment;
        }
    }

    private static final class Entry {
        final List<Object> items = new ArrayList<>();
        Tok trailing;
        boolean blankBefore;
    }

    private static final class Comment {
        final Tok tok;
        final boolean blankBefore;

        Comment(Tok tok, boolean blankBefore) {
            this.tok = tok;
            this.blankBefore = blankBefore;
        }
    }

    /** The entries and whole-line comments of a block, object or list, in order. */
    private static final class Split {
        final List<Object> elements = new ArrayList<>();
        Tok openComment;
        boolean sourceNewline;
    }

    private final Out out = new Out();
    private final Map<Group, Integer> inlineLengths = new IdentityHashMap<>();

    private Layout() {
    }

    /** The document in the canonical layout, ending with one newline; "" when it holds nothing. */
    static String document(String text) {
        Group top = tree(SourceTokens.of(text));
        Layout l = new Layout();
        l.renderTop(top);
        String s = l.out.sb.toString();
        return s.isEmpty() ? s : s + "\n";
    }

    // ---- the tree of brackets -----------------------------------------------------------------

    private static Group tree(List<Token> tokens) {
        List<Group> stack = new ArrayList<>();
        Group top = new Group(Kind.TOP, "", "", false);
        stack.add(top);
        int previousEnd = -1;
        for (Token t : tokens) {
            boolean space = previousEnd < 0 || t.getStartIndex() > previousEnd + 1 || t.getCharPositionInLine() == 0;
            previousEnd = t.getStopIndex();
            Group parent = stack.get(stack.size() - 1);
            int type = t.getType();
            if (type == LBRACE || type == LBRACK || type == LPAREN) {
                Kind kind = type == LPAREN ? Kind.PAREN : type == LBRACK ? bracketKind(parent) : braceKind(parent);
                Group g = new Group(kind, t.getText(), type == LPAREN ? ")" : type == LBRACK ? "]" : "}", space);
                parent.items.add(g);
                stack.add(g);
            } else if ((type == RBRACE || type == RBRACK || type == RPAREN) && stack.size() > 1) {
                stack.remove(stack.size() - 1);
            } else {
                parent.items.add(new Tok(type, t.getText(), space));
            }
        }
        assignRoles(top);
        return top;
    }

    /** The last thing of the current entry of {@code g}, or null at its start. */
    private static Object lastOfEntry(Group g) {
        for (int i = g.items.size() - 1; i >= 0; i--) {
            Object o = g.items.get(i);
            if (o instanceof Tok) {
                int type = ((Tok) o).type;
                if (type == SourceTokens.COMMENT || type == SourceTokens.IGNORED_NEWLINE) {
                    continue;
                }
                if (type == NL || type == COMMA && g.kind != Kind.PAREN) {
                    return null;
                }
            }
            return o;
        }
        return null;
    }

    private static Kind braceKind(Group parent) {
        Object last = lastOfEntry(parent);
        if (last == null) {
            return parent.kind == Kind.TOP || parent.kind == Kind.BLOCK ? Kind.BLOCK : Kind.OBJECT;
        }
        if (last instanceof Group) {
            return Kind.BLOCK;
        }
        Tok t = (Tok) last;
        if (t.type == QUESTION) {
            // after a declaration's `?` (`text name? {`) it is the declaration's block
            return (parent.kind == Kind.BLOCK || parent.kind == Kind.TOP) && !t.spaceBefore ? Kind.BLOCK : Kind.OBJECT;
        }
        return expressionBefore(t.type) ? Kind.OBJECT : Kind.BLOCK;
    }

    private static Kind bracketKind(Group parent) {
        Object last = lastOfEntry(parent);
        if (last instanceof Group) {
            return ((Group) last).kind == Kind.BLOCK ? Kind.LIST : Kind.INDEX;
        }
        if (last instanceof Tok) {
            int type = ((Tok) last).type;
            if (type == IDENT || type == VARIABLE || type == DOLLAR2 || type == STRING || type == SQ_STRING
                    || type == AS || type == IF || type == INPUT || type == SCHEMA || type == BACKTICK) {
                return Kind.INDEX;
            }
        }
        return Kind.LIST;
    }

    /** Tokens after which a bracket opens a value, not a block. */
    private static boolean expressionBefore(int type) {
        return type == EQ || type == COLON || type == COMMA || type == ELLIPSIS || type == PIPE || type == IF_COLON
                || isBinary(type) || type == BANG || type == PLUS || type == MINUS;
    }

    private static boolean isBinary(int type) {
        switch (type) {
            case STAR: case SLASH: case PERCENT: case TILDE: case DOTDOT: case LT: case LE: case GT: case GE:
            case EQEQ: case NEQ: case EQEQEQ: case NEQEQ: case ANDAND: case OROR: case NULLISH: case ELVIS:
                return true;
            default:
                return false;
        }
    }

    private static boolean isComparison(int type) {
        return type == LT || type == LE || type == GT || type == GE || type == EQEQ || type == NEQ || type == EQEQEQ || type == NEQEQ;
    }

    private static boolean isSeparator(Group g, Tok t) {
        return t.type == NL || t.type == COMMA && g.kind != Kind.PAREN && g.kind != Kind.INDEX;
    }

    // ---- what each token does where it stands -------------------------------------------------------

    /** The state of one entry while its tokens are read, for the roles of `:`, `?`, `-` and operators. */
    private static final class EntryState {
        boolean sawEq;
        boolean sawKey;
        boolean inFilter;
        boolean filterArgs;
        int ternary;
        /** how many tokens and brackets the entry has so far */
        int count;
        Object previous;
    }

    private static void assignRoles(Group g) {
        EntryState s = new EntryState();
        for (Object o : g.items) {
            if (o instanceof Group) {
                assignRoles((Group) o);
                s.previous = o;
                s.count++;
                continue;
            }
            Tok t = (Tok) o;
            if (t.type == SourceTokens.COMMENT || t.type == SourceTokens.IGNORED_NEWLINE) {
                continue;
            }
            if (isSeparator(g, t)) {
                if (t.type == NL && continues(s.previous)) {
                    continue;
                }
                s = new EntryState();
                continue;
            }
            t.role = role(g, s, t);
            s.previous = t;
            s.count++;
        }
    }

    /** True when a newline after {@code previous} goes on with the same entry (the grammar allows it there). */
    private static boolean continues(Object previous) {
        if (!(previous instanceof Tok)) {
            return false;
        }
        switch (((Tok) previous).role) {
            case BINOP: case BINOP_TIGHT: case EQ_SPACED: case COLON_KEY: case COLON_TERNARY: case Q_TERNARY:
            case Q_NULLSAFE: case Q_NULLSAFE_TIGHT:
                return true;
            default:
                return false;
        }
    }

    private static Role role(Group g, EntryState s, Tok t) {
        Object prev = s.previous;
        Role prevRole = prev instanceof Tok ? ((Tok) prev).role : prev == null ? null : Role.OPERAND;
        switch (t.type) {
            case PIPE:
                s.inFilter = true;
                s.filterArgs = false;
                return Role.PIPE;
            case COLON:
                if (s.inFilter) {
                    s.filterArgs = true;
                    return Role.COLON_FILTER;
                }
                if (s.ternary > 0) {
                    s.ternary--;
                    return Role.COLON_TERNARY;
                }
                if (g.kind != Kind.PAREN && g.kind != Kind.INDEX && !s.sawEq && !s.sawKey && prev != null) {
                    s.sawKey = true;
                    return Role.COLON_KEY;
                }
                return Role.COLON_TIGHT;
            case QUESTION:
                if (prev instanceof Tok && isComparison(((Tok) prev).type)) {
                    return prevRole == Role.BINOP_TIGHT ? Role.Q_NULLSAFE_TIGHT : Role.Q_NULLSAFE;
                }
                if ((g.kind == Kind.BLOCK || g.kind == Kind.TOP) && !s.sawEq) {
                    return Role.Q_DECL;
                }
                s.ternary++;
                s.inFilter = false;
                return Role.Q_TERNARY;
            case EQ: {
                // `name = value`, but `verb=GET` in a document's first line and `int page?=1` in a declaration
                boolean tight = g.kind == Kind.TOP || g.kind == Kind.BLOCK && !s.sawEq && s.count >= 2;
                s.sawEq = true;
                return tight ? Role.EQ_TIGHT : Role.EQ_SPACED;
            }
            case PLUS:
            case MINUS:
                if (prev == null || unaryBefore(prevRole)) {
                    return Role.UNARY;
                }
                return s.inFilter && s.filterArgs ? Role.BINOP_TIGHT : Role.BINOP;
            case BANG:
                return Role.UNARY;
            case DOT:
                return Role.DOT;
            case ELLIPSIS:
                return Role.ELLIPSIS;
            case COMMA:
                s.inFilter = false;
                s.ternary = 0;
                return Role.COMMA;
            case FILTERS_ASSIGN:
            case IF_WORD:
            case IF_COLON:
            case IF_PIPE:
                return Role.RAW_FILTER;
            case DOTDOT:
                return Role.BINOP_TIGHT;
            case SLASH:
                // `a/b` between bare words may be a slash name (`function.run shop/cart`): kept as written
                if (!t.spaceBefore && prev instanceof Tok && ((Tok) prev).type == IDENT) {
                    return Role.BINOP_TIGHT;
                }
                return s.inFilter && s.filterArgs ? Role.BINOP_TIGHT : Role.BINOP;
            case IDENT: case AS: case IF: case INPUT: case SCHEMA: case VARIABLE: case DOLLAR2: case NUMBER:
            case STRING: case SQ_STRING: case TRIPLE_STRING: case BACKTICK:
                return Role.OPERAND;
            default:
                if (isBinary(t.type)) {
                    return s.inFilter && s.filterArgs ? Role.BINOP_TIGHT : Role.BINOP;
                }
                return Role.OTHER;
        }
    }

    private static boolean unaryBefore(Role r) {
        switch (r) {
            case BINOP: case BINOP_TIGHT: case UNARY: case EQ_SPACED: case EQ_TIGHT: case COLON_FILTER: case COLON_KEY:
            case COLON_TERNARY: case COLON_TIGHT: case Q_TERNARY: case Q_NULLSAFE: case Q_NULLSAFE_TIGHT: case COMMA:
            case PIPE: case ELLIPSIS:
                return true;
            default:
                return false;
        }
    }

    // ---- entries ----------------------------------------------------------------------------

    private static Split split(Group g) {
        if (g.split != null) {
            return g.split;
        }
        Split sp = new Split();
        boolean statements = g.kind == Kind.TOP || g.kind == Kind.BLOCK;
        Entry cur = null;
        int newlines = 0;
        boolean lineHasContent = g.kind != Kind.TOP;
        Object previous = null;
        for (Object o : g.items) {
            if (o instanceof Tok) {
                Tok t = (Tok) o;
                if (t.type == NL || t.type == SourceTokens.IGNORED_NEWLINE) {
                    sp.sourceNewline = true;
                    if (cur != null) {
                        if (t.type == SourceTokens.IGNORED_NEWLINE || continues(previous) && !isAssign(previous)) {
                            cur.items.add(CONTINUE);
                        } else if (!continues(previous)) {
                            finish(sp, cur);
                            cur = null;
                        }
                    }
                    newlines++;
                    lineHasContent = false;
                    continue;
                }
                if (t.type == COMMA && isSeparator(g, t)) {
                    if (cur != null) {
                        finish(sp, cur);
                        cur = null;
                    }
                    continue;
                }
                if (t.type == SourceTokens.COMMENT) {
                    if (lineHasContent) {
                        Object lastElement = sp.elements.isEmpty() ? null : sp.elements.get(sp.elements.size() - 1);
                        if (cur != null) {
                            cur.items.add(t);
                        } else if (newlines == 0 && lastElement instanceof Entry && ((Entry) lastElement).trailing == null) {
                            ((Entry) lastElement).trailing = t;
                        } else if (sp.elements.isEmpty() && sp.openComment == null && g.kind != Kind.TOP) {
                            sp.openComment = t;
                        } else {
                            sp.elements.add(new Comment(t, false));
                        }
                    } else if (cur != null) {
                        cur.items.add(new OwnLine(t));
                    } else {
                        sp.elements.add(new Comment(t, newlines >= 2 && !sp.elements.isEmpty()));
                    }
                    newlines = 0;
                    lineHasContent = true;
                    continue;
                }
            }
            if (statements && cur != null && startsStatement(previous, o)) {
                finish(sp, cur);
                cur = null;
            }
            if (cur == null) {
                cur = new Entry();
                cur.blankBefore = newlines >= 2 && !sp.elements.isEmpty();
            }
            cur.items.add(o);
            previous = o;
            newlines = 0;
            lineHasContent = true;
        }
        if (cur != null) {
            finish(sp, cur);
        }
        g.split = sp;
        return sp;
    }

    private static boolean isAssign(Object o) {
        return o instanceof Tok && ((Tok) o).role == Role.EQ_SPACED;
    }

    /**
     * A word after a closed block starts the next statement even on the same line; but a switch's
     * {@code case (...) { ... } break} keeps its {@code break} where Xano's documentation writes it.
     */
    private static boolean startsStatement(Object previous, Object next) {
        if (!(previous instanceof Group) || ((Group) previous).kind != Kind.BLOCK || !(next instanceof Tok)) {
            return false;
        }
        int type = ((Tok) next).type;
        if (type == IDENT && ((Tok) next).text.equals("break")) {
            return false;
        }
        return type == IDENT || type == INPUT || type == SCHEMA || type == IF || type == BANG;
    }

    private static void finish(Split sp, Entry e) {
        trimContinues(e);
        Object last = e.items.get(e.items.size() - 1);
        if (last instanceof Tok && ((Tok) last).type == SourceTokens.COMMENT) {
            e.items.remove(e.items.size() - 1);
            e.trailing = (Tok) last;
            trimContinues(e);
        }
        sp.elements.add(e);
    }

    private static void trimContinues(Entry e) {
        while (!e.items.isEmpty() && e.items.get(e.items.size() - 1) == CONTINUE) {
            e.items.remove(e.items.size() - 1);
        }
    }

    // ---- printing -------------------------------------------------------------------------------

    private void renderTop(Group top) {
        Split sp = split(top);
        boolean first = true;
        for (Object el : sp.elements) {
            if (!first) {
                out.newline(0, blankBefore(el));
            }
            first = false;
            renderElement(el, 0, false, false);
        }
    }

    private static boolean blankBefore(Object el) {
        return el instanceof Entry ? ((Entry) el).blankBefore : ((Comment) el).blankBefore;
    }

    private void renderElement(Object el, int indent, boolean comma, boolean unused) {
        if (el instanceof Comment) {
            out.text(((Comment) el).tok.text);
            return;
        }
        Entry e = (Entry) el;
        renderItems(e.items, indent + STEP);
        if (comma) {
            out.text(",");
        }
        if (e.trailing != null) {
            out.text(" " + e.trailing.text);
        }
    }

    /**
     * Writes an entry's (or a bracket's) items on one line, apart from kept line breaks and comments.
     * Returns true when it ended with a comment, so that whatever follows needs a new line.
     */
    private boolean renderItems(List<Object> items, int continueIndent) {
        Object prev = null;
        boolean breakPending = false;
        boolean sawNewline = false;
        for (Object o : items) {
            if (o == CONTINUE) {
                breakPending = prev != null;
                continue;
            }
            if (o instanceof OwnLine || o instanceof Tok && ((Tok) o).type == SourceTokens.COMMENT) {
                Tok c = o instanceof OwnLine ? ((OwnLine) o).comment : (Tok) o;
                if ((o instanceof OwnLine || sawNewline) && prev != null) {
                    out.newline(continueIndent, false);
                } else if (!out.atLineStart()) {
                    out.text(" ");
                }
                out.text(c.text);
                breakPending = true;
                sawNewline = false;
                continue;
            }
            if (o instanceof Tok) {
                int type = ((Tok) o).type;
                if (type == NL || type == SourceTokens.IGNORED_NEWLINE) {
                    sawNewline = true;
                    continue;
                }
            }
            if (breakPending) {
                out.newline(continueIndent, false);
                breakPending = false;
            } else if (prev != null && space(prev, o)) {
                out.text(" ");
            }
            if (o instanceof Tok) {
                out.text(((Tok) o).text);
            } else {
                renderGroup((Group) o);
            }
            prev = o;
            sawNewline = false;
        }
        return breakPending && prev != null && lastIsComment(items);
    }

    private static boolean lastIsComment(List<Object> items) {
        for (int i = items.size() - 1; i >= 0; i--) {
            Object o = items.get(i);
            if (o instanceof OwnLine || o instanceof Tok && ((Tok) o).type == SourceTokens.COMMENT) {
                return true;
            }
            if (o == CONTINUE || o instanceof Tok && (((Tok) o).type == NL || ((Tok) o).type == SourceTokens.IGNORED_NEWLINE)) {
                continue;
            }
            return false;
        }
        return false;
    }

    private void renderGroup(Group g) {
        int base = out.lineIndent;
        if (g.kind == Kind.PAREN || g.kind == Kind.INDEX) {
            out.text(g.open);
            if (renderItems(g.items, base + STEP)) {
                out.newline(base, false);
            }
            out.text(g.close);
            return;
        }
        Split sp = split(g);
        if (hardBreak(g) || out.column() + inlineLength(g) > WIDTH) {
            renderBroken(g, sp, base);
        } else {
            renderInline(g, sp);
        }
    }

    private void renderInline(Group g, Split sp) {
        boolean braces = g.kind != Kind.LIST;
        if (sp.elements.isEmpty()) {
            out.text(g.open + g.close);
            return;
        }
        out.text(braces ? g.open + " " : g.open);
        boolean first = true;
        for (Object el : sp.elements) {
            if (!first) {
                out.text(", ");
            }
            first = false;
            renderItems(((Entry) el).items, out.lineIndent + STEP);
        }
        out.text(braces ? " " + g.close : g.close);
    }

    private void renderBroken(Group g, Split sp, int base) {
        int inner = base + STEP;
        out.text(g.open);
        if (sp.openComment != null) {
            out.text(" " + sp.openComment.text);
        }
        boolean commas = g.kind == Kind.OBJECT || g.kind == Kind.LIST;
        int lastEntry = -1;
        for (int i = 0; i < sp.elements.size(); i++) {
            if (sp.elements.get(i) instanceof Entry) {
                lastEntry = i;
            }
        }
        for (int i = 0; i < sp.elements.size(); i++) {
            Object el = sp.elements.get(i);
            out.newline(inner, blankBefore(el));
            renderElement(el, inner, commas && el instanceof Entry && i < lastEntry, false);
        }
        out.newline(base, false);
        out.text(g.close);
    }

    /** True when a block, object or list must take one entry per line whatever its width. */
    private static boolean hardBreak(Group g) {
        if (g.hardBreak != null) {
            return g.hardBreak;
        }
        Split sp = split(g);
        boolean hard = sp.sourceNewline || sp.openComment != null;
        for (Object el : sp.elements) {
            if (hard) {
                break;
            }
            if (el instanceof Comment) {
                hard = true;
                break;
            }
            Entry e = (Entry) el;
            hard = e.trailing != null || g.kind == Kind.BLOCK && !isAttribute(e) || breaksInside(e.items);
        }
        g.hardBreak = hard;
        return hard;
    }

    private static boolean breaksInside(List<Object> items) {
        for (Object o : items) {
            if (o == CONTINUE || o instanceof OwnLine || o instanceof Tok && ((Tok) o).type == SourceTokens.COMMENT) {
                return true;
            }
            if (o instanceof Group) {
                Group c = (Group) o;
                if (c.kind == Kind.PAREN || c.kind == Kind.INDEX ? breaksInside(c.items) : hardBreak(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isAttribute(Entry e) {
        return e.items.size() >= 2 && e.items.get(0) instanceof Tok && e.items.get(1) instanceof Tok
                && ((Tok) e.items.get(1)).type == EQ;
    }

    /** The width of a group written on one line (only asked of groups with no forced break inside). */
    private int inlineLength(Group g) {
        Integer known = inlineLengths.get(g);
        if (known != null) {
            return known;
        }
        Layout scratch = new Layout();
        scratch.inlineLengths.putAll(inlineLengths);
        scratch.renderInline(g, split(g));
        int length = scratch.out.sb.length();
        inlineLengths.put(g, length);
        return length;
    }

    private static boolean space(Object prev, Object cur) {
        if (prev instanceof Tok) {
            Tok p = (Tok) prev;
            switch (p.role) {
                case DOT: case ELLIPSIS: case UNARY: case PIPE: case COLON_FILTER: case COLON_TIGHT: case BINOP_TIGHT:
                case EQ_TIGHT: case Q_NULLSAFE_TIGHT:
                    return false;
                case RAW_FILTER:
                    if (cur instanceof Tok && ((Tok) cur).role == Role.RAW_FILTER) {
                        return false;
                    }
                    break;
                case OTHER:
                    return cur instanceof Tok ? ((Tok) cur).spaceBefore : ((Group) cur).spaceBefore;
                default:
                    break;
            }
        }
        if (cur instanceof Tok) {
            Tok c = (Tok) cur;
            switch (c.role) {
                case DOT: case PIPE: case COMMA: case COLON_FILTER: case COLON_KEY: case COLON_TIGHT: case Q_DECL:
                case Q_NULLSAFE: case Q_NULLSAFE_TIGHT: case BINOP_TIGHT: case EQ_TIGHT:
                    return false;
                case OTHER:
                    return c.spaceBefore;
                default:
                    return true;
            }
        }
        Group c = (Group) cur;
        if (c.kind == Kind.INDEX) {
            return false;
        }
        if (c.kind == Kind.PAREN && (prev instanceof Group || ((Tok) prev).role == Role.OPERAND)) {
            // `if (...)` and `precondition (...)` take a space; a call such as `f(x)` keeps none
            return c.spaceBefore;
        }
        return true;
    }

    /** The text being written, with the indentation of its current line. */
    private static final class Out {
        final StringBuilder sb = new StringBuilder();
        int lineIndent;
        int lineStart;

        void text(String s) {
            sb.append(s);
            int nl = s.lastIndexOf('\n');
            if (nl >= 0) {
                lineStart = sb.length() - s.length() + nl + 1;
            }
        }

        void newline(int indent, boolean blank) {
            sb.append(blank ? "\n\n" : "\n");
            lineStart = sb.length();
            sb.append(" ".repeat(indent));
            lineIndent = indent;
        }

        int column() {
            return sb.length() - lineStart;
        }

        boolean atLineStart() {
            for (int i = lineStart; i < sb.length(); i++) {
                if (sb.charAt(i) != ' ') {
                    return false;
                }
            }
            return true;
        }
    }
}
