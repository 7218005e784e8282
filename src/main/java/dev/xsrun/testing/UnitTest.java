package dev.xsrun.testing;

import dev.xsrun.ast.Document;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code test "name" {...}} block and the construct it tests (a function, or a query's or
 * middleware's stack seen as a function), with the document's name and file for the report; or a
 * {@code workflow_test}, whose stack is the construct and whose block has no statements of its own.
 */
public record UnitTest(String document, String file, Document.TestBlock block, Document.FunctionDef construct) {
    public String name() {
        return block.name();
    }

    /** The test's {@code datasource = "..."} when it is written as a text, else null. */
    public String datasource() {
        return block.datasource() instanceof dev.xsrun.ast.Expr.Literal l && l.value().isTextual() ? l.value().textValue() : null;
    }

    /** Every test block of the documents, in source order. */
    public static List<UnitTest> in(List<Document> documents) {
        List<UnitTest> out = new ArrayList<>();
        for (Document d : documents) {
            if (d instanceof Document.FunctionDef f) {
                for (Document.TestBlock t : f.tests()) {
                    out.add(new UnitTest(f.name(), t.span().file(), t, f));
                }
            } else if (d instanceof Document.WorkflowTest w) {
                // its stack is the construct; its expect.* run inside it, with function.call at hand
                Document.FunctionDef stack = new Document.FunctionDef("workflow_test " + w.name(), null, List.of(), w.stack(),
                        null, w.span());
                out.add(new UnitTest("workflow_test", w.span().file(), new Document.TestBlock(w.name(), null, w.datasource(), List.of(),
                        w.span()), stack));
            } else if (d instanceof Document.Stacked s) {
                Document.FunctionDef asFunction = new Document.FunctionDef(s.name(), null, s.inputs(), s.stack(),
                        s.response(), s.span());
                for (Document.TestBlock t : s.tests()) {
                    out.add(new UnitTest(s.kind() + " " + s.name(), t.span().file(), t, asFunction));
                }
            }
        }
        return out;
    }
}
