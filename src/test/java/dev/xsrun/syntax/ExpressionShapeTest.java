package dev.xsrun.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.xsrun.ast.Expr;
import dev.xsrun.diag.Diagnostic;
import dev.xsrun.filters.FilterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How expressions group: the tree shape for forms where precedence or the lexer could go wrong. */
class ExpressionShapeTest {
    private final XsParser parser = new XsParser(FilterRegistry.standard().catalog());

    private Expr parse(String text) {
        List<Diagnostic> problems = new ArrayList<>();
        Expr e = parser.parseExpression("e.xs", text, problems);
        assertEquals(List.of(), problems);
        assertNotNull(e);
        return e;
    }

    @Test
    void ternaryAndElvisShareOneRightAssociativeLevel() {
        Expr.Ternary t = assertInstanceOf(Expr.Ternary.class, parse("$a ? 1 : $b ?: 2"));
        assertEquals(Expr.BinaryOp.ELVIS, assertInstanceOf(Expr.Binary.class, t.whenFalse()).op());
        Expr.Binary e = assertInstanceOf(Expr.Binary.class, parse("$a ?: $b ? 1 : 2"));
        assertEquals(Expr.BinaryOp.ELVIS, e.op());
        assertInstanceOf(Expr.Ternary.class, e.right());
    }

    @Test
    void aFieldNamedFiltersIsAnOrdinaryName() {
        Expr.Binary b = assertInstanceOf(Expr.Binary.class, parse("$x.filters==1"));
        assertEquals("filters", assertInstanceOf(Expr.Field.class, b.left()).name());
    }

    @Test
    void filterArgumentsAreGreedyOverOperators() {
        Expr.FilterApp get = assertInstanceOf(Expr.FilterApp.class, parse("$map|get:\"a\" ~ \"b\""));
        assertEquals(Expr.BinaryOp.CONCAT, assertInstanceOf(Expr.Binary.class, get.args().get(0)).op());
        Expr.Binary concat = assertInstanceOf(Expr.Binary.class, parse("\"Hi \" ~ $name|to_upper"));
        assertInstanceOf(Expr.FilterApp.class, concat.right());
    }

    @Test
    void aMinusBeforeANumberBelongsToTheLiteral() {
        Expr.FilterApp abs = assertInstanceOf(Expr.FilterApp.class, parse("-10|abs"));
        assertEquals(-10L, assertInstanceOf(Expr.Literal.class, abs.input()).value().longValue());
        Expr.Unary neg = assertInstanceOf(Expr.Unary.class, parse("-$x|abs"));
        assertInstanceOf(Expr.FilterApp.class, neg.operand());
    }

    @Test
    void precedenceLadder() {
        Expr.Binary or = assertInstanceOf(Expr.Binary.class, parse("$a > 0 && $b > 0 || $c == 1 + 2 * 3"));
        assertEquals(Expr.BinaryOp.OR, or.op());
        Expr.Binary eq = assertInstanceOf(Expr.Binary.class, or.right());
        Expr.Binary add = assertInstanceOf(Expr.Binary.class, eq.right());
        assertEquals(Expr.BinaryOp.MUL, assertInstanceOf(Expr.Binary.class, add.right()).op());
        assertEquals(Expr.BinaryOp.NULLISH, assertInstanceOf(Expr.Binary.class, parse("$a ?? $b ?? $c")).op());
    }
}
