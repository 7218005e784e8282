package dev.xsrun.ast;

import dev.xsrun.value.SourceSpan;
import java.util.List;
import java.util.Map;

/** A statement of a stack. Control flow has its own records; everything else is an {@link Invoke}. */
public sealed interface Stmt {
    SourceSpan span();

    <R> R accept(Visitor<R> v);

    /** One method per statement kind. */
    interface Visitor<R> {
        R visitVar(Var s);

        R visitConditional(Conditional s);

        R visitSwitch(Switch s);

        R visitForEach(ForEach s);

        R visitFor(For s);

        R visitWhile(While s);

        R visitJump(Jump s);

        R visitReturn(Return s);

        R visitPrecondition(Precondition s);

        R visitThrow(Throw s);

        R visitTryCatch(TryCatch s);

        R visitGroup(Group s);

        R visitFunctionRun(FunctionRun s);

        R visitInvoke(Invoke s);

        R visitDisabled(Disabled s);
    }

    /**
     * {@code var $x { value = e }} (update = false) or {@code var.update $x.path { value = e }}; mock is
     * the {@code mock = {"test name": value}} object, or null.
     */
    record Var(LValue target, Expr value, boolean update, Expr mock, SourceSpan span) implements Stmt {
        public Var(LValue target, Expr value, boolean update, SourceSpan span) {
            this(target, value, update, null, span);
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitVar(this);
        }
    }

    /** One {@code if}/{@code elseif} arm. */
    record Branch(Expr condition, List<Stmt> body, SourceSpan span) {
        public Branch {
            body = List.copyOf(body);
        }
    }

    /** {@code conditional { if (..) {..} elseif (..) {..} else {..} }}; elseBody is null without else. */
    record Conditional(List<Branch> branches, List<Stmt> elseBody, SourceSpan span) implements Stmt {
        public Conditional {
            branches = List.copyOf(branches);
            elseBody = elseBody == null ? null : List.copyOf(elseBody);
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitConditional(this);
        }
    }

    /** One {@code case (value) { .. }} of a switch; without {@code breaks} it falls through. */
    record Case(Expr value, List<Stmt> body, boolean breaks, SourceSpan span) {
        public Case {
            body = List.copyOf(body);
        }
    }

    record Switch(Expr subject, List<Case> cases, List<Stmt> defaultBody, SourceSpan span) implements Stmt {
        public Switch {
            cases = List.copyOf(cases);
            defaultBody = defaultBody == null ? null : List.copyOf(defaultBody);
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitSwitch(this);
        }
    }

    /** {@code foreach (list) { each as $item { .. } }}; item is null when {@code each} has no {@code as}. */
    record ForEach(Expr list, String item, List<Stmt> body, SourceSpan span) implements Stmt {
        public ForEach {
            body = List.copyOf(body);
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitForEach(this);
        }
    }

    /** {@code for (n) { each as $i { .. } }} */
    record For(Expr count, String index, List<Stmt> body, SourceSpan span) implements Stmt {
        public For {
            body = List.copyOf(body);
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitFor(this);
        }
    }

    /** {@code while (cond) { each { .. } }} */
    record While(Expr condition, List<Stmt> body, SourceSpan span) implements Stmt {
        public While {
            body = List.copyOf(body);
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitWhile(this);
        }
    }

    /** {@code break}, {@code continue} or {@code remove} inside a loop. */
    record Jump(Kind kind, SourceSpan span) implements Stmt {
        public enum Kind { BREAK, CONTINUE, REMOVE }

        public <R> R accept(Visitor<R> v) {
            return v.visitJump(this);
        }
    }

    /** {@code return { value = e }} */
    record Return(Expr value, SourceSpan span) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitReturn(this);
        }
    }

    /** {@code precondition (cond) { error_type = ".." error = e payload = e }}; error and payload may be null. */
    record Precondition(Expr condition, String errorType, Expr error, Expr payload, SourceSpan span) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitPrecondition(this);
        }
    }

    /** {@code throw { name = e value = e }} */
    record Throw(Expr name, Expr value, SourceSpan span) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitThrow(this);
        }
    }

    /** {@code try_catch { try {..} catch {..} finally {..} }}; finallyBody is null when absent. */
    record TryCatch(List<Stmt> tryBody, List<Stmt> catchBody, List<Stmt> finallyBody, SourceSpan span) implements Stmt {
        public TryCatch {
            tryBody = List.copyOf(tryBody);
            catchBody = List.copyOf(catchBody);
            finallyBody = finallyBody == null ? null : List.copyOf(finallyBody);
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitTryCatch(this);
        }
    }

    /** {@code group { stack { .. } }} and other statements that just run a nested stack in place. */
    record Group(String keyword, List<Stmt> body, SourceSpan span) implements Stmt {
        public Group {
            body = List.copyOf(body);
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitGroup(this);
        }
    }

    /**
     * {@code function.run "name" { input = e } as $x} (or {@code function.call}); input, mock (the
     * {@code mock = {"test name": value}} object) and as may be null.
     */
    record FunctionRun(String function, Expr input, Expr mock, String as, SourceSpan nameSpan, SourceSpan span) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitFunctionRun(this);
        }
    }

    /**
     * Every other statement: its dotted name, what it targets (a variable path or an expression such
     * as {@code array.find ($list)}), an {@code if (...)} condition, its attributes in source order,
     * nested statement lists by clause name ({@code stack}), and the variable its result goes to.
     */
    record Invoke(String name, LValue target, Expr targetExpr, Expr condition, Map<String, Expr> attributes,
                  Map<String, List<Stmt>> clauses, String as, SourceSpan span) implements Stmt {
        public Invoke {
            attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
            clauses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(clauses));
        }

        public Expr attribute(String key) {
            return attributes.get(key);
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitInvoke(this);
        }
    }

    /** A statement switched off with a leading {@code !} or {@code disabled = true}: parsed, never run. */
    record Disabled(Stmt statement, SourceSpan span) implements Stmt {
        public <R> R accept(Visitor<R> v) {
            return v.visitDisabled(this);
        }
    }
}
