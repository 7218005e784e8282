package dev.xsrun.runtime;

import dev.xsrun.value.Values;

import dev.xsrun.ast.Document;
import dev.xsrun.ast.Expr;
import dev.xsrun.ast.LValue;
import dev.xsrun.ast.Names;
import dev.xsrun.ast.Stmt;
import dev.xsrun.value.SourceSpan;
import java.util.List;

/**
 * Turns a function's statements and expressions into {@link Step} and {@link Code} nodes, once per
 * function: variables are resolved to their slots, operators to their node, nested stacks to blocks.
 * The nodes hold nothing of a run, so one compiled function serves every call.
 */
final class Compiler implements Stmt.Visitor<Step>, Expr.Visitor<Code> {
    private static final Compiler INSTANCE = new Compiler();
    private static final int ERROR = Names.id("error");
    private static final Code NULL = new Code.Const(Values.NULL);

    /** A compiled function: its stack and its response (null when it has none). */
    record Function(Step.Block stack, Code response) {
    }

    private Compiler() {
    }

    static Function compile(Document.FunctionDef fn) {
        return new Function(block(fn.stack()), fn.response() == null ? NULL : INSTANCE.expr(fn.response()));
    }

    static Step.Block block(List<Stmt> body) {
        Step[] steps = new Step[body.size()];
        SourceSpan[] spans = new SourceSpan[steps.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = body.get(i).accept(INSTANCE);
            spans[i] = body.get(i).span();
        }
        return new Step.Block(steps, spans);
    }

    private static Step.Block blockOrNull(List<Stmt> body) {
        return body == null ? null : block(body);
    }

    private Code expr(Expr e) {
        return e.accept(this);
    }

    private Code exprOrNull(Expr e) {
        return e == null ? null : expr(e);
    }

    /** An expression whose value is stored: copied when it may share structure with another variable. */
    private Code owned(Expr e) {
        Code c = expr(e);
        return mayAlias(e) ? new Code.Owned(c) : c;
    }

    /** {@link Interpreter#mayAlias}, and a literal number, text, bool or null never does. */
    private static boolean mayAlias(Expr e) {
        return !(e instanceof Expr.Literal && !((Expr.Literal) e).value().isContainerNode()) && Interpreter.mayAlias(e);
    }

    private static int slot(String name) {
        return name == null ? -1 : Names.id(name);
    }

    // ---- statements ----------------------------------------------------------------------------

    @Override
    public Step visitVar(Stmt.Var s) {
        LValue target = s.target();
        if (target.isPlain()) {
            return new Step.Assign(target.id(), expr(s.value()), mayAlias(s.value()));
        }
        List<Expr> path = target.path();
        Code[] keys = new Code[path.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = expr(path.get(i));
        }
        return new Step.Update(target.id(), keys, expr(s.value()), mayAlias(s.value()));
    }

    @Override
    public Step visitConditional(Stmt.Conditional s) {
        List<Stmt.Branch> branches = s.branches();
        Code[] conditions = new Code[branches.size()];
        Step.Block[] bodies = new Step.Block[conditions.length];
        for (int i = 0; i < conditions.length; i++) {
            conditions[i] = expr(branches.get(i).condition());
            bodies[i] = block(branches.get(i).body());
        }
        return new Step.Conditional(conditions, bodies, blockOrNull(s.elseBody()));
    }

    @Override
    public Step visitSwitch(Stmt.Switch s) {
        List<Stmt.Case> cases = s.cases();
        Code[] values = new Code[cases.size()];
        Step.Block[] bodies = new Step.Block[values.length];
        boolean[] breaks = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = expr(cases.get(i).value());
            bodies[i] = block(cases.get(i).body());
            breaks[i] = cases.get(i).breaks();
        }
        return new Step.Switch(expr(s.subject()), values, bodies, breaks, blockOrNull(s.defaultBody()));
    }

    @Override
    public Step visitForEach(Stmt.ForEach s) {
        return new Step.ForEach(s.list(), expr(s.list()), slot(s.item()), block(s.body()), s.span());
    }

    @Override
    public Step visitFor(Stmt.For s) {
        return new Step.For(expr(s.count()), slot(s.index()), block(s.body()), s.span());
    }

    @Override
    public Step visitWhile(Stmt.While s) {
        return new Step.While(expr(s.condition()), block(s.body()), s.span());
    }

    @Override
    public Step visitJump(Stmt.Jump s) {
        return new Step.Jump(s.kind());
    }

    @Override
    public Step visitReturn(Stmt.Return s) {
        return new Step.Return(owned(s.value()));
    }

    @Override
    public Step visitPrecondition(Stmt.Precondition s) {
        return new Step.Precondition(expr(s.condition()), s.errorType(), exprOrNull(s.error()),
                s.payload() == null ? null : owned(s.payload()), s.span());
    }

    @Override
    public Step visitThrow(Stmt.Throw s) {
        return new Step.Throw(expr(s.name()), expr(s.value()), s.span());
    }

    @Override
    public Step visitTryCatch(Stmt.TryCatch s) {
        return new Step.TryCatch(block(s.tryBody()), block(s.catchBody()), blockOrNull(s.finallyBody()), ERROR);
    }

    @Override
    public Step visitGroup(Stmt.Group s) {
        return new Step.Group(block(s.body()));
    }

    @Override
    public Step visitFunctionRun(Stmt.FunctionRun s) {
        return new Step.FunctionRun(s.function(), exprOrNull(s.input()), slot(s.as()), s.nameSpan(), s.span());
    }

    @Override
    public Step visitInvoke(Stmt.Invoke s) {
        return new Step.Invoke(s);
    }

    @Override
    public Step visitDisabled(Stmt.Disabled s) {
        return new Step.Disabled();
    }

    // ---- expressions ---------------------------------------------------------------------------

    @Override
    public Code visitLiteral(Expr.Literal e) {
        return new Code.Const(e.value());
    }

    @Override
    public Code visitArray(Expr.ArrayLiteral e) {
        return new Code.Interpreted(e);
    }

    @Override
    public Code visitObject(Expr.ObjectLiteral e) {
        return new Code.Interpreted(e);
    }

    @Override
    public Code visitVariable(Expr.Variable e) {
        if (e.kind() == Expr.Variable.Kind.VAR && e.id() >= Names.SPECIAL) {
            return new Code.Local(e.id());
        }
        if (e.kind() == Expr.Variable.Kind.VAR && e.id() == Names.INPUT) {
            return new Code.Input();
        }
        return new Code.Interpreted(e);
    }

    @Override
    public Code visitField(Expr.Field e) {
        if (isRoot(e.target(), Names.ENV) || isRoot(e.target(), Names.VAR)) {
            return new Code.Interpreted(e);
        }
        return new Code.Field(expr(e.target()), e.name());
    }

    @Override
    public Code visitIndex(Expr.Index e) {
        if (isRoot(e.target(), Names.ENV)) {
            return new Code.Interpreted(e);
        }
        return new Code.Index(expr(e.target()), expr(e.index()));
    }

    /** Whether an expression is a root the interpreter reads in its own way ($env, $var). */
    private static boolean isRoot(Expr e, int root) {
        return e instanceof Expr.Variable && ((Expr.Variable) e).id() == root;
    }

    @Override
    public Code visitUnary(Expr.Unary e) {
        Code operand = expr(e.operand());
        if (e.op() == Expr.UnaryOp.NOT) {
            return new Code.Not(operand);
        }
        return new Code.Sign(operand, e.op() == Expr.UnaryOp.NEGATE, e.span());
    }

    @Override
    public Code visitBinary(Expr.Binary e) {
        Code left = expr(e.left());
        Code right = expr(e.right());
        switch (e.op()) {
            case AND:
                return new Code.And(left, right);
            case OR:
                return new Code.Or(left, right);
            case NULLISH:
                return new Code.Nullish(left, right);
            case ELVIS:
                return new Code.Elvis(left, right);
            default:
                if (Code.Compare.handles(e)) {
                    return new Code.Compare(e, left, right);
                }
                return Code.Arithmetic.handles(e) ? new Code.Arithmetic(e, left, right) : new Code.Operator(e, left, right);
        }
    }

    @Override
    public Code visitTernary(Expr.Ternary e) {
        return new Code.Ternary(expr(e.condition()), expr(e.whenTrue()), expr(e.whenFalse()));
    }

    @Override
    public Code visitFilter(Expr.FilterApp e) {
        return new Code.Interpreted(e);
    }
}
