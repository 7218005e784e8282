package dev.xsrun.syntax.fmt;

import static dev.xsrun.syntax.gen.XanoScriptLexer.*;

import dev.xsrun.syntax.SourceTokens;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The formatter's own proof that a layout changed nothing but layout, which holds for every kind of
 * document whether or not the syntax tree keeps it whole: both texts must have the same documents, the
 * same tokens in the same order, the same comments, and a separator (newline or comma) between the same
 * pairs of tokens. A separator may come or go only where the grammar ignores it: after {@code =}, after
 * an opening or before a closing bracket, and between a block's {@code }} and the next statement.
 */
final class SameTokens {
    private SameTokens() {
    }

    /** Null when the texts differ only in layout, else what differs first. */
    static String difference(String before, String after) {
        List<String> a = Formatter.parts(before);
        List<String> b = Formatter.parts(after);
        if (a.size() != b.size()) {
            return "a different number of documents";
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) == null) {
                continue;
            }
            String d = differenceInDocument(a.get(i), b.get(i));
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private record Sig(int type, String text, boolean separatorBefore, int line) {
    }

    private static String differenceInDocument(String before, String after) {
        List<String> commentsA = new ArrayList<>();
        List<String> commentsB = new ArrayList<>();
        List<Sig> a = significant(before, commentsA);
        List<Sig> b = significant(after, commentsB);
        if (!commentsA.equals(commentsB)) {
            return "the comments differ";
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Sig x = a.get(i);
            Sig y = b.get(i);
            if (x.type != y.type || !x.text.equals(y.text)) {
                return "token `" + x.text + "` of line " + x.line + " became `" + y.text + "`";
            }
            if (x.separatorBefore != y.separatorBefore && i > 0 && !separatorOptional(a.get(i - 1), x)) {
                return "a separator before `" + x.text + "` of line " + x.line + (x.separatorBefore ? " was dropped" : " was added");
            }
        }
        if (a.size() != b.size()) {
            return "the number of tokens changed";
        }
        return null;
    }

    private static boolean separatorOptional(Sig previous, Sig next) {
        return previous.type == EQ || previous.type == LBRACE || previous.type == LBRACK
                || next.type == RBRACE || next.type == RBRACK
                || previous.type == RBRACE && (next.type == IDENT || next.type == INPUT || next.type == SCHEMA || next.type == IF || next.type == BANG);
    }

    private static List<Sig> significant(String text, List<String> comments) {
        List<Sig> out = new ArrayList<>();
        boolean separator = false;
        for (Token t : SourceTokens.of(text)) {
            int type = t.getType();
            if (type == SourceTokens.COMMENT) {
                comments.add(t.getText().stripTrailing());
            } else if (type == NL || type == COMMA) {
                separator = true;
            } else if (type != SourceTokens.IGNORED_NEWLINE) {
                out.add(new Sig(type, type == FILTERS_ASSIGN ? "filters=" : t.getText(), separator, t.getLine()));
                separator = false;
            }
        }
        return out;
    }
}
