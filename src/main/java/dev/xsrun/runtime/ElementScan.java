package dev.xsrun.runtime;

import dev.xsrun.ast.Expr;

/** Finds out whether an expression reads the element bindings of a higher-order context. */
final class ElementScan implements Expr.Visitor<Boolean> {
    private static final ElementScan INSTANCE = new ElementScan();

    static boolean uses(Expr e) {
        return e.accept(INSTANCE);
    }

    @Override
    public Boolean visitLiteral(Expr.Literal e) {
        return false;
    }

    @Override
    public Boolean visitArray(Expr.ArrayLiteral e) {
        return e.elements().stream().anyMatch(x -> x.value().accept(this));
    }

    @Override
    public Boolean visitObject(Expr.ObjectLiteral e) {
        return e.entries().stream().anyMatch(x -> x.value().accept(this) || x.computedKey() != null && x.computedKey().accept(this));
    }

    @Override
    public Boolean visitVariable(Expr.Variable e) {
        if (e.kind() == Expr.Variable.Kind.ELEMENT) {
            return true;
        }
        switch (e.name()) {
            case "this":
            case "index":
            case "parent":
            case "result":
                return true;
            default:
                return false;
        }
    }

    @Override
    public Boolean visitField(Expr.Field e) {
        return e.target().accept(this);
    }

    @Override
    public Boolean visitIndex(Expr.Index e) {
        return e.target().accept(this) || e.index().accept(this);
    }

    @Override
    public Boolean visitUnary(Expr.Unary e) {
        return e.operand().accept(this);
    }

    @Override
    public Boolean visitBinary(Expr.Binary e) {
        return e.left().accept(this) || e.right().accept(this);
    }

    @Override
    public Boolean visitTernary(Expr.Ternary e) {
        return e.condition().accept(this) || e.whenTrue().accept(this) || e.whenFalse().accept(this);
    }

    @Override
    public Boolean visitFilter(Expr.FilterApp e) {
        if (e.input().accept(this)) {
            return true;
        }
        return e.args().stream().anyMatch(a -> a.accept(this));
    }
}
