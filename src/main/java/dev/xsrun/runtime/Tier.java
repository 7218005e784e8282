package dev.xsrun.runtime;

import static org.objectweb.asm.Opcodes.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Expr;
import dev.xsrun.value.SourceSpan;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The second stage of the one compiler: a statement list or loop of compiled nodes that has run
 * often ({@link #HOT} runs or iterations) becomes a JVM class of its own, whose code is the nodes'
 * code laid out in a row. Nodes dispatch to their children through calls that every function of
 * the run shares, which the JVM cannot inline; the class has a call site of its own for each node,
 * so the JVM compiles a hot loop or function body as one piece, ints in registers.
 *
 * <p>Nothing here decides what a statement or an operator means: the class reads and writes the
 * frame's variables as the nodes do ({@link Scope}), takes the nodes' int fast paths and calls the
 * nodes' own methods for everything else ({@link Code.Arithmetic#general}, {@link Code.Index#at},
 * {@link Step.Update#store}, {@link Code.Compare#general}, {@link Step.Block#reported}); a node it does not lay out is called as
 * a node. Statement counts, loop limits, the deadline and error spans are kept as {@link Step.Block}
 * and the loops keep them. {@code XSRUN_TIER=off} runs on the nodes alone; {@code XSRUN_TIER_HOT=N}
 * sets the threshold (0: at once, as the tests use it to run every construct through this stage);
 * {@code XSRUN_TIER=strict} makes a class that cannot be made an error instead of staying on the
 * nodes.
 */
final class Tier {
    /** The threshold when the environment sets none. */
    static final int DEFAULT_HOT = 50;
    /** Runs of a statement list, or iterations of one pass of a loop, after which it becomes a class (-1: never). */
    static int HOT;
    private static boolean strict;

    static {
        String mode = setting("XSRUN_TIER", "xsrun.tier");
        strict = "strict".equals(mode);
        int hot = DEFAULT_HOT;
        String h = setting("XSRUN_TIER_HOT", "xsrun.tier.hot");
        if (h != null) {
            try {
                hot = Math.max(0, Integer.parseInt(h.trim()));
            } catch (NumberFormatException ignored) {
                // an unreadable threshold keeps the default
            }
        }
        HOT = "off".equals(mode) ? -1 : hot;
    }

    /** Sets the threshold (-1: nothing becomes a class) and whether a class that cannot be made is an error; for tests. */
    static void configure(int hot, boolean strictly) {
        HOT = hot;
        strict = strictly;
    }

    private static String setting(String env, String property) {
        String v = System.getProperty(property);
        return v != null ? v : System.getenv(env);
    }

    private Tier() {
    }

    /** What the made classes extend: run a statement list, or a loop from its iteration {@code from} ({@code n}: a for loop's count). */
    abstract static class Unit {
        /** The nodes and spans the code refers to, by index. */
        final Object[] k;

        Unit(Object[] k) {
            this.k = k;
        }

        abstract int run(Frame f, long from, long n);
    }

    /** A class for a statement list, or null when none can be made. */
    static Unit block(Step.Block block) {
        return make(g -> {
            g.self = block;
            g.block(block);
            g.push(Step.NEXT);
            g.ireturn();
        });
    }

    /** A class for a {@code while} or {@code for} loop, to be entered at an iteration, or null when none can be made. */
    static Unit loop(Step.Loop loop) {
        return make(g -> {
            g.loop(loop, true);
            g.push(Step.NEXT);
            g.ireturn();
        });
    }

    private interface Body {
        void emit(Gen g);
    }

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    /**
     * The most variables a class holds in JVM locals: each is read again after every node the class calls,
     * so holding every variable of a long function would make its code grow with their product.
     */
    private static final int HELD = 8;
    /**
     * The most bytes of code a class is made with: the JVM does not compile a method of more than 8,000
     * (HugeMethodLimit), and its interpreter is slower than the nodes, which are compiled.
     */
    private static final int LARGEST = 8_000;
    /** How many statement lists and loops were made classes in this process (the tests check that a run made some). */
    static final AtomicLong MADE = new AtomicLong();
    /**
     * The classes defined so far, by their bytes. Each run compiles its own nodes, so the same hot code of
     * another run (a batch line, a test, a benchmark's next job) writes the same bytes: it then gets the
     * class defined before, whose code the JVM has compiled already, with its own nodes as constants.
     */
    private static final Map<Bytes, java.lang.reflect.Constructor<?>> DEFINED = new ConcurrentHashMap<>();
    /** How many classes are kept for use again; past this, a class is defined for its run alone. */
    private static final int KEPT = 1_000;

    /** How many classes are kept for use again (the tests check that a second run defines none). */
    static int defined() {
        return DEFINED.size();
    }

    /** A class's bytes as a key. */
    private static final class Bytes {
        final byte[] bytes;
        final int hash;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes && Arrays.equals(bytes, ((Bytes) o).bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static Unit make(Body body) {
        try {
            ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
            String name = "dev/xsrun/runtime/Tier$Compiled";
            cw.visit(V17, ACC_FINAL | ACC_SUPER, name, null, Gen.UNIT, null);
            MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "([Ljava/lang/Object;)V", null, null);
            init.visitCode();
            init.visitVarInsn(ALOAD, 0);
            init.visitVarInsn(ALOAD, 1);
            init.visitMethodInsn(INVOKESPECIAL, Gen.UNIT, "<init>", "([Ljava/lang/Object;)V", false);
            init.visitInsn(RETURN);
            init.visitMaxs(0, 0);
            init.visitEnd();
            // a first pass writes nowhere: it finds the variables the code reads and writes itself, and its size
            Sizer size = new Sizer();
            Gen probe = new Gen(size, null);
            probe.begin();
            body.emit(probe);
            probe.end();
            if (size.bytes > LARGEST) {
                return null; // the JVM would never compile it, and its interpreter is slower than the nodes
            }
            MethodVisitor mv = cw.visitMethod(0, "run", Gen.RUN, null, null);
            mv.visitCode();
            Gen g = new Gen(mv, probe.mostUsed(HELD));
            g.begin();
            body.emit(g);
            g.end();
            mv.visitMaxs(0, 0);
            mv.visitEnd();
            cw.visitEnd();
            if (g.codeEnd.getOffset() > LARGEST) {
                return null; // the JVM would never compile it, and its interpreter is slower than the nodes
            }
            Bytes code = new Bytes(cw.toByteArray());
            java.lang.reflect.Constructor<?> made = DEFINED.get(code);
            if (made == null) {
                made = LOOKUP.defineHiddenClass(code.bytes, true).lookupClass().getConstructor(Object[].class);
                if (DEFINED.size() < KEPT) {
                    DEFINED.putIfAbsent(code, made);
                }
            }
            Unit unit = (Unit) made.newInstance((Object) g.constants.toArray());
            MADE.incrementAndGet();
            return unit;
        } catch (Throwable failure) {
            if (strict) {
                throw new IllegalStateException("xsrun: cannot compile a hot loop or function to a class", failure);
            }
            return null; // the nodes run it, as they always can
        }
    }

    /** Counts at least the bytes of code a method would have, writing nothing. */
    private static final class Sizer extends MethodVisitor {
        int bytes;

        Sizer() {
            super(ASM9);
        }

        @Override
        public void visitInsn(int opcode) {
            bytes += 1;
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            bytes += 3;
        }

        @Override
        public void visitVarInsn(int opcode, int var) {
            bytes += var <= 3 ? 1 : var <= 255 ? 2 : 4;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            bytes += 3;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            bytes += 3;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            bytes += isInterface ? 5 : 3;
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            bytes += 3;
        }

        @Override
        public void visitLdcInsn(Object value) {
            bytes += 3;
        }
    }

    /** Writes one method: the code of a statement list or loop and the nodes it calls. */
    private static final class Gen {
        // the names the code refers to; here, so that a run that makes no class never loads the class writer
        private static final String UNIT = Type.getInternalName(Unit.class);
        private static final String FRAME = Type.getInternalName(Frame.class);
        private static final String SCOPE = Type.getInternalName(Scope.class);
        private static final String INTERP = Type.getInternalName(Interpreter.class);
        private static final String CODE = Type.getInternalName(Code.class);
        private static final String STEP = Type.getInternalName(Step.class);
        private static final String VALUES = Type.getInternalName(dev.xsrun.value.Values.class);
        private static final String OPERATORS = Type.getInternalName(dev.xsrun.value.Operators.class);
        private static final String NODE = "Lcom/fasterxml/jackson/databind/JsonNode;";
        private static final String JSON = "com/fasterxml/jackson/databind/JsonNode";
        private static final String LONG_NODE = "com/fasterxml/jackson/databind/node/LongNode";
        private static final String RUN = "(L" + FRAME + ";JJ)I";
        final MethodVisitor mv;
        final List<Object> constants = new ArrayList<>();
        private final Map<Object, Integer> index = new IdentityHashMap<>();
        /** The next free local variable (0: this, 1: the frame, 2-3: from, 4-5: n, 6-7: the statement count). */
        private int locals = 6;
        /** The statement list the class is made for, when it is one (a function's stack may call itself). */
        Step.Block self;
        /** The local of the frame the code being written runs in: the class's own (1), or a callee's. */
        private int frameLocal = 1;
        /** The loops being written, innermost first: where break and continue go. */
        private final ArrayDeque<Label[]> loops = new ArrayDeque<>();

        /** The local that counts the statements run here, added to the interpreter's count whenever the method ends. */
        private final int count;
        private final Label codeStart = new Label();
        /** Placed after the last instruction: its offset is the size of the code. */
        final Label codeEnd = new Label();

        /**
         * The variables the code itself reads or writes, each held in JVM locals ({@link #held}): what the
         * first pass found, in the order found; the first pass itself (cached null) collects them.
         */
        private final Map<Integer, Integer> touched = new LinkedHashMap<>();
        /** For each held variable, its first local: the value as the frame holds it, then the long of an unboxed int. */
        private final Map<Integer, Integer> held = new HashMap<>();

        Gen(MethodVisitor mv, Set<Integer> cached) {
            this.mv = mv;
            this.count = local(2);
            if (cached != null) {
                for (int id : cached) {
                    held.put(id, local(3));
                }
            }
        }

        void begin() {
            mv.visitInsn(LCONST_0);
            mv.visitVarInsn(LSTORE, count);
            reload();
            mv.visitLabel(codeStart);
        }

        /**
         * The local holding a variable of the class's own frame, or -1 (a callee's frame is never held).
         * Reads come from the locals; every write goes to the frame as well ({@link #stored}), so the
         * frame is always up to date, and after anything that may write the frame the locals are read
         * again ({@link #reload}).
         */
        private int held(int id) {
            if (frameLocal != 1) {
                return -1;
            }
            touched.merge(id, 1, Integer::sum);
            Integer l = held.get(id);
            return l == null ? -1 : l;
        }

        /** The variables this (first) pass saw used most, at most n of them, the first seen first among equals. */
        Set<Integer> mostUsed(int n) {
            List<Map.Entry<Integer, Integer>> uses = new ArrayList<>(touched.entrySet());
            uses.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
            Set<Integer> chosen = new LinkedHashSet<>();
            for (int i = 0; i < uses.size() && i < n; i++) {
                chosen.add(uses.get(i).getKey());
            }
            return chosen;
        }

        /** Reads every held variable from the frame: at the start, and after a node or call that may have written it. */
        private void reload() {
            if (frameLocal != 1) {
                return; // code running in a callee's frame cannot write the class's own
            }
            for (Map.Entry<Integer, Integer> e : held.entrySet()) {
                reload(e.getKey(), e.getValue());
            }
        }

        private void reload(int id, int l) {
            frame();
            push(id);
            mv.visitMethodInsn(INVOKEVIRTUAL, SCOPE, "raw", "(I)" + NODE, false);
            mv.visitVarInsn(ASTORE, l);
            frame();
            push(id);
            mv.visitMethodInsn(INVOKEVIRTUAL, SCOPE, "rawInt", "(I)J", false);
            mv.visitVarInsn(LSTORE, l + 1);
        }

        /** Stores the value on the stack in a variable of the class's frame, as {@link Scope#put} does. */
        private void stored(int id) {
            int l = held(id);
            if (l >= 0) {
                mv.visitInsn(DUP);
                mv.visitVarInsn(ASTORE, l);
            }
            int v = local(1);
            mv.visitVarInsn(ASTORE, v);
            frame();
            push(id);
            mv.visitVarInsn(ALOAD, v);
            mv.visitMethodInsn(INVOKEVIRTUAL, SCOPE, "put", "(I" + NODE + ")V", false);
        }

        /** Stores the long on the stack in a variable of the class's frame, unboxed, as {@link Scope#putInt} does. */
        private void storedInt(int id) {
            int l = held(id);
            int v = local(2);
            mv.visitVarInsn(LSTORE, v);
            Label general = new Label();
            Label done = new Label();
            if (l >= 0) {
                // an int already: only its long changes, in the frame and here
                mv.visitVarInsn(ALOAD, l);
                mv.visitFieldInsn(GETSTATIC, SCOPE, "UNBOXED", NODE);
                mv.visitJumpInsn(IF_ACMPNE, general);
                frame();
                mv.visitFieldInsn(GETFIELD, SCOPE, "ints", "[J");
                push(id);
                mv.visitVarInsn(LLOAD, v);
                mv.visitInsn(LASTORE);
                mv.visitJumpInsn(GOTO, done);
            }
            mv.visitLabel(general);
            frame();
            push(id);
            mv.visitVarInsn(LLOAD, v);
            mv.visitMethodInsn(INVOKEVIRTUAL, SCOPE, "putInt", "(IJ)V", false);
            if (l >= 0) {
                mv.visitFieldInsn(GETSTATIC, SCOPE, "UNBOXED", NODE);
                mv.visitVarInsn(ASTORE, l);
            }
            mv.visitLabel(done);
            if (l >= 0) {
                mv.visitVarInsn(LLOAD, v);
                mv.visitVarInsn(LSTORE, l + 1);
            }
        }

        /** However the code throws, the statements it ran are counted; the handler is the last, so the outermost. */
        void end() {
            Label codeEnd = new Label();
            Label thrown = new Label();
            mv.visitLabel(codeEnd);
            mv.visitLabel(thrown);
            counted();
            mv.visitInsn(ATHROW);
            mv.visitLabel(this.codeEnd);
            mv.visitTryCatchBlock(codeStart, codeEnd, thrown, null);
        }

        /** Adds the statements counted here to the interpreter's count. */
        private void counted() {
            mv.visitVarInsn(ALOAD, 1);
            mv.visitFieldInsn(GETFIELD, FRAME, "in", "L" + INTERP + ";");
            mv.visitInsn(DUP);
            mv.visitFieldInsn(GETFIELD, INTERP, "statementCount", "J");
            mv.visitVarInsn(LLOAD, count);
            mv.visitInsn(LADD);
            mv.visitFieldInsn(PUTFIELD, INTERP, "statementCount", "J");
        }

        /** Returns the status on the stack, the statements run counted. */
        void ireturn() {
            counted();
            mv.visitInsn(IRETURN);
        }

        private int local(int size) {
            int l = locals;
            locals += size;
            return l;
        }

        void push(int v) {
            if (v >= -1 && v <= 5) {
                mv.visitInsn(ICONST_0 + v);
            } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
                mv.visitIntInsn(BIPUSH, v);
            } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
                mv.visitIntInsn(SIPUSH, v);
            } else {
                mv.visitLdcInsn(v);
            }
        }

        private void frame() {
            mv.visitVarInsn(ALOAD, frameLocal);
        }

        /** Loads a node or value the code refers to, cast to the given class. */
        private void constant(Object o, String internalName) {
            Integer i = index.get(o);
            if (i == null) {
                i = constants.size();
                constants.add(o);
                index.put(o, i);
            }
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, UNIT, "k", "[Ljava/lang/Object;");
            push(i);
            mv.visitInsn(AALOAD);
            mv.visitTypeInsn(CHECKCAST, internalName);
        }

        /** Loads a node as its own class when the code can name it, else as the base class. */
        private String node(Object o, String base) {
            Class<?> c = o.getClass();
            String owner = c.isHidden() || c.isAnonymousClass() || Modifier.isPrivate(c.getModifiers())
                    ? base : Type.getInternalName(c);
            constant(o, owner);
            return owner;
        }

        /** Stores Java null in a local that holds the value an int stands for ({@link Code#evalInt}'s other). */
        private void noOther(int other) {
            mv.visitInsn(ACONST_NULL);
            mv.visitVarInsn(ASTORE, other);
        }

        /** Moves what a node's int evaluation left in the frame's {@code other} into a local. */
        private void otherFromFrame(int other) {
            frame();
            mv.visitFieldInsn(GETFIELD, FRAME, "other", NODE);
            mv.visitVarInsn(ASTORE, other);
        }

        // ---- statements ------------------------------------------------------------------------

        /** A statement list as {@link Step.Block#run} runs it: counted, errors given the statement's span. */
        void block(Step.Block b) {
            int n = b.steps.length;
            Label[] starts = new Label[n];
            Label[] ends = new Label[n];
            Label after = new Label();
            for (int i = 0; i < n; i++) {
                mv.visitVarInsn(LLOAD, count);
                mv.visitInsn(LCONST_1);
                mv.visitInsn(LADD);
                mv.visitVarInsn(LSTORE, count);
                starts[i] = new Label();
                ends[i] = new Label();
                mv.visitLabel(starts[i]);
                mv.visitInsn(NOP);
                int mark = locals;
                step(b.steps[i]);
                locals = mark; // a statement's locals are dead after it: the next one uses them again
                mv.visitLabel(ends[i]);
            }
            mv.visitJumpInsn(GOTO, after);
            for (int i = 0; i < n; i++) {
                Label failed = new Label();
                mv.visitTryCatchBlock(starts[i], ends[i], failed, "java/lang/RuntimeException");
                mv.visitLabel(failed);
                constant(b.spans[i], Type.getInternalName(SourceSpan.class));
                mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(Step.Block.class), "reported",
                        "(Ljava/lang/RuntimeException;L" + Type.getInternalName(SourceSpan.class) + ";)Ljava/lang/RuntimeException;", false);
                mv.visitInsn(ATHROW);
            }
            mv.visitLabel(after);
        }

        private void step(Step s) {
            if (s instanceof Step.Assign) {
                assign((Step.Assign) s);
            } else if (s instanceof Step.Update && ((Step.Update) s).keys.length == 1) {
                update((Step.Update) s);
            } else if (s instanceof Step.Conditional) {
                conditional((Step.Conditional) s);
            } else if ((s instanceof Step.While || s instanceof Step.For) && ((Step.Loop) s).compiled != null) {
                enter((Step.Loop) s);
            } else if (s instanceof Step.While || s instanceof Step.For) {
                loop((Step.Loop) s, false);
            } else if (s instanceof Step.Call && ((Step.Call) s).inOrder) {
                call((Step.Call) s);
            } else if (s instanceof Step.Group) {
                block(((Step.Group) s).body);
            } else if (s instanceof Step.Jump) {
                jump(((Step.Jump) s).status);
            } else if (s instanceof Step.Return) {
                frame();
                value(((Step.Return) s).value);
                mv.visitFieldInsn(PUTFIELD, FRAME, "returned", NODE);
                push(Step.RETURN);
                ireturn();
            } else {
                String owner = node(s, STEP);
                frame();
                mv.visitMethodInsn(INVOKEVIRTUAL, owner, "run", "(L" + FRAME + ";)I", false);
                reload();
                status();
            }
        }

        private void assign(Step.Assign a) {
            if (a.arithmetic) {
                int v = local(2);
                int other = local(1);
                intInto(a.value, v, other);
                Label boxed = new Label();
                Label done = new Label();
                mv.visitVarInsn(ALOAD, other);
                mv.visitJumpInsn(IFNONNULL, boxed);
                mv.visitVarInsn(LLOAD, v);
                storedInt(a.id);
                mv.visitJumpInsn(GOTO, done);
                mv.visitLabel(boxed);
                mv.visitVarInsn(ALOAD, other);
                copy(a.copy);
                stored(a.id);
                mv.visitLabel(done);
                return;
            }
            value(a.value);
            copy(a.copy);
            stored(a.id);
        }

        /**
         * {@code function.run} of a known function with its input written in the declared order, as
         * {@link Step.Call#run} runs it, through {@link Interpreter#enter}, {@link Interpreter#leave}
         * and {@link Interpreter#left}. A function's stack that calls itself calls this class's own
         * code, and its response is laid out here: the JVM sees one method calling itself, not the
         * shared call sites of every function of the run.
         */
        private void call(Step.Call c) {
            String callNode = Type.getInternalName(Step.Call.class);
            String function = Type.getInternalName(Compiler.Function.class);
            String def = Type.getInternalName(dev.xsrun.ast.Document.FunctionDef.class);
            String span = Type.getInternalName(SourceSpan.class);
            String block = Type.getInternalName(Step.Block.class);
            int given = local(1);
            int code = local(1);
            int callee = local(1);
            int status = local(1);
            int result = local(1);
            push(c.values.length);
            mv.visitTypeInsn(ANEWARRAY, JSON);
            for (int i = 0; i < c.values.length; i++) {
                mv.visitInsn(DUP);
                push(i);
                value(c.values[i]);
                mv.visitInsn(AASTORE);
            }
            mv.visitVarInsn(ASTORE, given);
            interpreter();
            constant(c.span, span);
            mv.visitMethodInsn(INVOKEVIRTUAL, INTERP, "tickCall", "(L" + span + ";)V", false);
            constant(c, callNode);
            interpreter();
            mv.visitMethodInsn(INVOKEVIRTUAL, callNode, "code", "(L" + INTERP + ";)L" + function + ";", false);
            mv.visitVarInsn(ASTORE, code);
            Compiler.Function known = c.codeIfCalled();
            Label entered = new Label();
            if (known != null && takesInts(known.inputs(), c.values.length)) {
                entered(c, known.inputs(), given, code, callee, entered);
            }
            interpreter();
            constant(c.callee, def);
            mv.visitVarInsn(ALOAD, code);
            mv.visitVarInsn(ALOAD, given);
            mv.visitInsn(ACONST_NULL);
            constant(c.nameSpan, span);
            mv.visitMethodInsn(INVOKEVIRTUAL, INTERP, "enter", "(L" + def + ";L" + function + ";[" + NODE + NODE + "L" + span + ";)L" + FRAME + ";", false);
            mv.visitVarInsn(ASTORE, callee);
            mv.visitLabel(entered);
            Label start = new Label();
            Label end = new Label();
            Label failed = new Label();
            Label after = new Label();
            mv.visitTryCatchBlock(start, end, failed, null);
            mv.visitLabel(start);
            boolean recursive = known != null && known.stack() == self;
            if (recursive) {
                mv.visitVarInsn(ALOAD, 0);
                mv.visitVarInsn(ALOAD, callee);
                mv.visitInsn(LCONST_0);
                mv.visitInsn(LCONST_0);
                mv.visitMethodInsn(INVOKEVIRTUAL, UNIT, "run", RUN, false);
                mv.visitVarInsn(ISTORE, status);
                Label other = new Label();
                Label done = new Label();
                mv.visitVarInsn(ILOAD, status);
                mv.visitJumpInsn(IFNE, other);
                int caller = frameLocal;
                frameLocal = callee;
                value(known.response());
                frameLocal = caller;
                mv.visitVarInsn(ASTORE, result);
                mv.visitJumpInsn(GOTO, done);
                mv.visitLabel(other);
                mv.visitVarInsn(ALOAD, callee);
                mv.visitVarInsn(ILOAD, status);
                mv.visitMethodInsn(INVOKESTATIC, INTERP, "returned", "(L" + FRAME + ";I)" + NODE, false);
                mv.visitVarInsn(ASTORE, result);
                mv.visitLabel(done);
                Label none = new Label();
                mv.visitVarInsn(ALOAD, callee);
                mv.visitFieldInsn(GETFIELD, FRAME, "postProcess", "Ljava/util/List;");
                mv.visitJumpInsn(IFNULL, none);
                interpreter();
                mv.visitVarInsn(ALOAD, callee);
                mv.visitMethodInsn(INVOKEVIRTUAL, INTERP, "postProcess", "(L" + FRAME + ";)V", false);
                mv.visitLabel(none);
            } else {
                mv.visitVarInsn(ALOAD, code);
                mv.visitMethodInsn(INVOKEVIRTUAL, function, "stack", "()L" + block + ";", false);
                mv.visitVarInsn(ALOAD, callee);
                mv.visitMethodInsn(INVOKEVIRTUAL, block, "run", "(L" + FRAME + ";)I", false);
                mv.visitVarInsn(ISTORE, status);
                interpreter();
                mv.visitVarInsn(ALOAD, callee);
                mv.visitVarInsn(ALOAD, code);
                mv.visitVarInsn(ILOAD, status);
                mv.visitMethodInsn(INVOKEVIRTUAL, INTERP, "leave", "(L" + FRAME + ";L" + function + ";I)" + NODE, false);
                mv.visitVarInsn(ASTORE, result);
            }
            mv.visitLabel(end);
            interpreter();
            mv.visitMethodInsn(INVOKEVIRTUAL, INTERP, "left", "()V", false);
            mv.visitJumpInsn(GOTO, after);
            mv.visitLabel(failed);
            interpreter();
            mv.visitMethodInsn(INVOKEVIRTUAL, INTERP, "left", "()V", false);
            mv.visitInsn(ATHROW);
            mv.visitLabel(after);
            if (c.as >= 0) {
                mv.visitVarInsn(ALOAD, result);
                stored(c.as);
            }
        }

        /** Whether every input of a callee takes an int straight, as given by that many values. */
        private static boolean takesInts(InputBinder.Slots inputs, int given) {
            if (inputs.size() != given) {
                return false;
            }
            for (int k = 0; k < given; k++) {
                if (!inputs.takesInt(k)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * {@link Interpreter#enter} for a callee whose inputs all take ints: when the depth allows the call and
         * every value given is an int within its input's bounds, the frame is made here and the code goes on
         * at {@code entered}; otherwise it falls through to {@code enter}, which binds the input and reports
         * what is wrong as it always does.
         */
        private void entered(Step.Call c, InputBinder.Slots inputs, int given, int code, int callee, Label entered) {
            Label general = new Label();
            Label pop = new Label();
            int in = local(1);
            int v = local(2);
            interpreter();
            mv.visitVarInsn(ASTORE, in);
            mv.visitVarInsn(ALOAD, in);
            mv.visitFieldInsn(GETFIELD, INTERP, "depth", "I");
            mv.visitVarInsn(ALOAD, in);
            mv.visitFieldInsn(GETFIELD, INTERP, "maxCallDepth", "I");
            mv.visitJumpInsn(IF_ICMPGE, general);
            for (int k = 0; k < inputs.size(); k++) {
                mv.visitVarInsn(ALOAD, given);
                push(k);
                mv.visitInsn(AALOAD);
                mv.visitInsn(DUP);
                mv.visitTypeInsn(INSTANCEOF, LONG_NODE);
                mv.visitJumpInsn(IFEQ, pop);
                mv.visitTypeInsn(CHECKCAST, LONG_NODE);
                mv.visitMethodInsn(INVOKEVIRTUAL, LONG_NODE, "longValue", "()J", false);
                mv.visitVarInsn(LSTORE, v);
                if (inputs.min(k) != Long.MIN_VALUE) {
                    mv.visitVarInsn(LLOAD, v);
                    mv.visitLdcInsn(inputs.min(k));
                    mv.visitInsn(LCMP);
                    mv.visitJumpInsn(IFLT, general);
                }
                if (inputs.max(k) != Long.MAX_VALUE) {
                    mv.visitVarInsn(LLOAD, v);
                    mv.visitLdcInsn(inputs.max(k));
                    mv.visitInsn(LCMP);
                    mv.visitJumpInsn(IFGT, general);
                }
            }
            mv.visitTypeInsn(NEW, FRAME);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ALOAD, in);
            constant(c.callee, Type.getInternalName(dev.xsrun.ast.Document.FunctionDef.class));
            mv.visitVarInsn(ALOAD, code);
            mv.visitVarInsn(ALOAD, given);
            mv.visitMethodInsn(INVOKESPECIAL, FRAME, "<init>", "(L" + INTERP + ";L" + Type.getInternalName(dev.xsrun.ast.Document.FunctionDef.class)
                    + ";L" + Type.getInternalName(Compiler.Function.class) + ";[" + NODE + ")V", false);
            mv.visitVarInsn(ASTORE, callee);
            mv.visitVarInsn(ALOAD, in);
            mv.visitInsn(DUP);
            mv.visitFieldInsn(GETFIELD, INTERP, "depth", "I");
            mv.visitInsn(ICONST_1);
            mv.visitInsn(IADD);
            mv.visitFieldInsn(PUTFIELD, INTERP, "depth", "I");
            mv.visitJumpInsn(GOTO, entered);
            mv.visitLabel(pop);
            mv.visitInsn(POP);
            mv.visitLabel(general);
        }

        private void interpreter() {
            frame();
            mv.visitFieldInsn(GETFIELD, FRAME, "in", "L" + INTERP + ";");
        }

        private void copy(boolean copy) {
            if (copy) {
                mv.visitMethodInsn(INVOKESTATIC, VALUES, "copy", "(" + NODE + ")" + NODE, false);
            }
        }

        private void update(Step.Update u) {
            int v = local(1);
            int i = local(2);
            int other = local(1);
            value(u.value);
            copy(u.copy);
            mv.visitVarInsn(ASTORE, v);
            intOf(u.keys[0], other);
            mv.visitVarInsn(LSTORE, i);
            frame();
            push(u.id);
            mv.visitVarInsn(LLOAD, i);
            mv.visitVarInsn(ALOAD, other);
            mv.visitVarInsn(ALOAD, v);
            mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(Step.Update.class), "store",
                    "(L" + FRAME + ";IJ" + NODE + NODE + ")V", false);
            int l = held(u.id);
            if (l >= 0) {
                reload(u.id, l); // a variable that was not a list or object is one now
            }
        }

        private void conditional(Step.Conditional c) {
            Label end = new Label();
            for (int i = 0; i < c.conditions.length; i++) {
                Label next = new Label();
                test(c.conditions[i]);
                mv.visitJumpInsn(IFEQ, next);
                block(c.bodies[i]);
                mv.visitJumpInsn(GOTO, end);
                mv.visitLabel(next);
            }
            if (c.otherwise != null) {
                block(c.otherwise);
            }
            mv.visitLabel(end);
        }

        /**
         * A while or for loop as {@link Step.While#run} and {@link Step.For#run} run it; the loop a
         * class is made for starts at the iteration given to the class, with the count given to it.
         */
        void loop(Step.Loop loop, boolean entered) {
            int i = local(2);
            int n = local(2);
            if (entered) {
                mv.visitVarInsn(LLOAD, 2);
            } else {
                mv.visitInsn(LCONST_0);
            }
            mv.visitVarInsn(LSTORE, i);
            Step.For counted = loop instanceof Step.For ? (Step.For) loop : null;
            if (counted != null) {
                if (entered) {
                    mv.visitVarInsn(LLOAD, 4);
                } else {
                    value(counted.count);
                    mv.visitMethodInsn(INVOKESTATIC, VALUES, "toLong", "(" + NODE + ")J", false);
                }
                mv.visitVarInsn(LSTORE, n);
            }
            Label top = new Label();
            Label next = new Label();
            Label end = new Label();
            mv.visitLabel(top);
            if (counted != null) {
                mv.visitVarInsn(LLOAD, i);
                mv.visitVarInsn(LLOAD, n);
                mv.visitInsn(LCMP);
                mv.visitJumpInsn(IFGE, end);
            } else {
                test(((Step.While) loop).condition);
                mv.visitJumpInsn(IFEQ, end);
            }
            String owner = node(loop, Type.getInternalName(Step.Loop.class));
            frame();
            mv.visitVarInsn(LLOAD, i);
            mv.visitMethodInsn(INVOKEVIRTUAL, owner, "tick", "(L" + FRAME + ";J)V", false);
            if (counted != null && counted.index >= 0) {
                mv.visitVarInsn(LLOAD, i);
                storedInt(counted.index);
            }
            loops.push(new Label[] {end, next});
            block(loop.body);
            loops.pop();
            mv.visitLabel(next);
            mv.visitVarInsn(LLOAD, i);
            mv.visitInsn(LCONST_1);
            mv.visitInsn(LADD);
            mv.visitVarInsn(LSTORE, i);
            mv.visitJumpInsn(GOTO, top);
            mv.visitLabel(end);
        }

        /**
         * A loop that is a class already: called as its node would call it, so that its code, which
         * the JVM has compiled by now, is used again rather than written again cold.
         */
        private void enter(Step.Loop loop) {
            constant(loop.compiled, UNIT);
            frame();
            mv.visitInsn(LCONST_0);
            if (loop instanceof Step.For) {
                value(((Step.For) loop).count);
                mv.visitMethodInsn(INVOKESTATIC, VALUES, "toLong", "(" + NODE + ")J", false);
            } else {
                mv.visitInsn(LCONST_0);
            }
            mv.visitMethodInsn(INVOKEVIRTUAL, UNIT, "run", RUN, false);
            reload();
            status();
        }

        /** A status known when written: where the loop or list would go with it. */
        private void jump(int status) {
            Label[] loop = loops.peek();
            if (status == Step.RETURN || loop == null) {
                push(status);
                ireturn();
            } else {
                mv.visitJumpInsn(GOTO, status == Step.BREAK ? loop[0] : loop[1]);
            }
        }

        /** The status a node statement answered (on the stack): go on, or go where it says. */
        private void status() {
            int s = local(1);
            mv.visitVarInsn(ISTORE, s);
            Label go = new Label();
            mv.visitVarInsn(ILOAD, s);
            mv.visitJumpInsn(IFEQ, go);
            Label[] loop = loops.peek();
            if (loop == null) {
                mv.visitVarInsn(ILOAD, s);
                ireturn();
            } else {
                mv.visitVarInsn(ILOAD, s);
                push(Step.BREAK);
                mv.visitJumpInsn(IF_ICMPEQ, loop[0]);
                mv.visitVarInsn(ILOAD, s);
                push(Step.RETURN);
                mv.visitJumpInsn(IF_ICMPNE, loop[1]);
                push(Step.RETURN);
                ireturn();
            }
            mv.visitLabel(go);
        }

        // ---- expressions -----------------------------------------------------------------------

        /** Leaves the value of an expression, as {@link Code#eval} gives it. */
        void value(Code c) {
            if (c instanceof Code.Local) {
                local((Code.Local) c);
            } else if (c instanceof Code.Const) {
                constant(((Code.Const) c).value, JSON);
            } else if (c instanceof Code.Owned) {
                value(((Code.Owned) c).value);
                copy(true);
            } else if (c instanceof Code.InputField) {
                Code.InputField in = (Code.InputField) c;
                frame();
                push(in.k);
                constant(in.name, "java/lang/String");
                mv.visitMethodInsn(INVOKEVIRTUAL, FRAME, "inputField", "(ILjava/lang/String;)" + NODE, false);
            } else if (c instanceof Code.Arithmetic) {
                int other = local(1);
                intOf(c, other);
                mv.visitVarInsn(ALOAD, other);
                mv.visitMethodInsn(INVOKESTATIC, CODE, "boxed", "(J" + NODE + ")" + NODE, false);
            } else if (c instanceof Code.Compare || c instanceof Code.And) {
                test(c);
                mv.visitMethodInsn(INVOKESTATIC, VALUES, "of", "(Z)" + NODE, false);
            } else if (c instanceof Code.Index) {
                Code.Index x = (Code.Index) c;
                int container = local(1);
                int i = local(2);
                int other = local(1);
                value(x.target);
                mv.visitVarInsn(ASTORE, container);
                intOf(x.index, other);
                mv.visitVarInsn(LSTORE, i);
                mv.visitVarInsn(ALOAD, container);
                mv.visitVarInsn(LLOAD, i);
                mv.visitVarInsn(ALOAD, other);
                mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(Code.Index.class), "at",
                        "(" + NODE + "J" + NODE + ")" + NODE, false);
            } else {
                String owner = node(c, CODE);
                frame();
                mv.visitMethodInsn(INVOKEVIRTUAL, owner, "eval", "(L" + FRAME + ";)" + NODE, false);
                reload();
            }
        }

        /**
         * Leaves an expression as {@link Code#evalInt} answers it: a long on the stack, and in the local
         * {@code other} what the frame's {@code other} would hold (Java null when the long is the value).
         */
        void intOf(Code c, int other) {
            if (c instanceof Code.Local) {
                local((Code.Local) c, other);
            } else if (c instanceof Code.Const) {
                Code.Const k = (Code.Const) c;
                if (k.other == null) {
                    noOther(other);
                    mv.visitLdcInsn(k.number);
                } else {
                    constant(k.other, JSON);
                    mv.visitVarInsn(ASTORE, other);
                    mv.visitInsn(LCONST_0);
                }
            } else if (c instanceof Code.Arithmetic) {
                arithmetic((Code.Arithmetic) c, other);
            } else if (c instanceof Code.Index || c instanceof Code.InputField) {
                value(c);
                unboxed(other);
            } else {
                String owner = node(c, CODE);
                frame();
                mv.visitMethodInsn(INVOKEVIRTUAL, owner, "evalInt", "(L" + FRAME + ";)J", false);
                otherFromFrame(other);
                reload();
            }
        }

        /** Leaves whether an expression is truthy, as {@link Code#test} answers it. */
        void test(Code c) {
            if (c instanceof Code.Compare) {
                compare((Code.Compare) c);
            } else if (c instanceof Code.Not) {
                test(((Code.Not) c).operand);
                mv.visitInsn(ICONST_1);
                mv.visitInsn(IXOR);
            } else if (c instanceof Code.And || c instanceof Code.Or) {
                boolean and = c instanceof Code.And;
                Code.Binary b = (Code.Binary) c;
                Label shortCut = new Label();
                Label done = new Label();
                test(b.left);
                mv.visitJumpInsn(and ? IFEQ : IFNE, shortCut);
                test(b.right);
                mv.visitJumpInsn(GOTO, done);
                mv.visitLabel(shortCut);
                mv.visitInsn(and ? ICONST_0 : ICONST_1);
                mv.visitLabel(done);
            } else if (c instanceof Code.Local || c instanceof Code.Const || c instanceof Code.Arithmetic || c instanceof Code.Index
                    || c instanceof Code.InputField) {
                value(c);
                mv.visitMethodInsn(INVOKESTATIC, OPERATORS, "truthy", "(" + NODE + ")Z", false);
            } else {
                String owner = node(c, CODE);
                frame();
                mv.visitMethodInsn(INVOKEVIRTUAL, owner, "test", "(L" + FRAME + ";)Z", false);
                reload();
            }
        }

        /** {@link Code#unboxed} of the value on the stack, a long node read here. */
        private void unboxed(int other) {
            Label general = new Label();
            Label done = new Label();
            mv.visitInsn(DUP);
            mv.visitTypeInsn(INSTANCEOF, LONG_NODE);
            mv.visitJumpInsn(IFEQ, general);
            mv.visitTypeInsn(CHECKCAST, LONG_NODE);
            mv.visitMethodInsn(INVOKEVIRTUAL, LONG_NODE, "longValue", "()J", false);
            noOther(other);
            mv.visitJumpInsn(GOTO, done);
            mv.visitLabel(general);
            frame();
            mv.visitMethodInsn(INVOKESTATIC, CODE, "unboxed", "(" + NODE + "L" + FRAME + ";)J", false);
            otherFromFrame(other);
            mv.visitLabel(done);
        }

        /** A variable, as {@link Code.Local#eval} reads it. */
        private void local(Code.Local c) {
            local(c, -1);
        }

        /**
         * A variable, as {@link Code.Local#eval} reads it (other -1) or as {@link Code.Local#evalInt} does,
         * with what it stands for when not an int in the local other.
         */
        private void local(Code.Local c, int other) {
            boolean asInt = other >= 0;
            int l = held(c.id);
            int v = l;
            Label unset = new Label();
            Label notUnboxed = new Label();
            Label done = new Label();
            if (l < 0) {
                int values = local(1);
                v = local(1);
                frame();
                mv.visitFieldInsn(GETFIELD, SCOPE, "values", "[" + NODE);
                mv.visitVarInsn(ASTORE, values);
                push(c.id);
                mv.visitVarInsn(ALOAD, values);
                mv.visitInsn(ARRAYLENGTH);
                mv.visitJumpInsn(IF_ICMPGE, unset);
                mv.visitVarInsn(ALOAD, values);
                push(c.id);
                mv.visitInsn(AALOAD);
                mv.visitVarInsn(ASTORE, v);
            }
            mv.visitVarInsn(ALOAD, v);
            mv.visitFieldInsn(GETSTATIC, SCOPE, "UNBOXED", NODE);
            mv.visitJumpInsn(IF_ACMPNE, notUnboxed);
            if (asInt) {
                noOther(other);
            }
            if (l < 0) {
                frame();
                mv.visitFieldInsn(GETFIELD, SCOPE, "ints", "[J");
                push(c.id);
                mv.visitInsn(LALOAD);
            } else {
                mv.visitVarInsn(LLOAD, l + 1);
            }
            if (!asInt) {
                mv.visitMethodInsn(INVOKESTATIC, VALUES, "of", "(J)" + NODE, false);
            }
            mv.visitJumpInsn(GOTO, done);
            mv.visitLabel(notUnboxed);
            mv.visitVarInsn(ALOAD, v);
            mv.visitJumpInsn(IFNULL, unset);
            mv.visitVarInsn(ALOAD, v);
            if (asInt) {
                unboxed(other);
            }
            mv.visitJumpInsn(GOTO, done);
            mv.visitLabel(unset);
            mv.visitFieldInsn(GETSTATIC, VALUES, "NULL", NODE);
            if (asInt) {
                frame();
                mv.visitMethodInsn(INVOKESTATIC, CODE, "unboxed", "(" + NODE + "L" + FRAME + ";)J", false);
                otherFromFrame(other);
            }
            mv.visitLabel(done);
        }

        /** An expression as {@link #intOf} leaves it, stored: the long in local v, the frame's other in local other. */
        private void intInto(Code c, int v, int other) {
            intOf(c, other);
            mv.visitVarInsn(LSTORE, v);
        }

        /**
         * Both sides of a binary node as ints: a, its other, b, its other, in four new locals (the first
         * returned); goes to notInts when either side is not an int.
         */
        private int sides(Code.Binary b, Label notInts) {
            int a = local(2);
            int l = local(1);
            int bb = local(2);
            int r = local(1);
            intInto(b.left, a, l);
            intInto(b.right, bb, r);
            mv.visitVarInsn(ALOAD, l);
            mv.visitJumpInsn(IFNONNULL, notInts);
            mv.visitVarInsn(ALOAD, r);
            mv.visitJumpInsn(IFNONNULL, notInts);
            return a;
        }

        /** Pushes a, l, b, r of {@link #sides} for a node's general method. */
        private void loadSides(int a) {
            mv.visitVarInsn(LLOAD, a);
            mv.visitVarInsn(ALOAD, a + 2);
            mv.visitVarInsn(LLOAD, a + 3);
            mv.visitVarInsn(ALOAD, a + 5);
        }

        /** {@link Code.Arithmetic#evalInt}: two ints with an exact answer here, anything else by the node. */
        private void arithmetic(Code.Arithmetic c, int other) {
            String exact = exactMethod(c.op);
            Label general = new Label();
            Label done = new Label();
            int a = sides(c, general);
            if (exact != null) {
                int v = local(2);
                mv.visitVarInsn(LLOAD, a);
                mv.visitVarInsn(LLOAD, a + 3);
                mv.visitMethodInsn(INVOKESTATIC, CODE, exact, "(JJ)J", false);
                mv.visitVarInsn(LSTORE, v);
                mv.visitVarInsn(LLOAD, v);
                mv.visitLdcInsn(Code.NOT_EXACT);
                mv.visitInsn(LCMP);
                mv.visitJumpInsn(IFEQ, general);
                noOther(other);
                mv.visitVarInsn(LLOAD, v);
                mv.visitJumpInsn(GOTO, done);
            }
            mv.visitLabel(general);
            constant(c, Type.getInternalName(Code.Arithmetic.class));
            loadSides(a);
            frame();
            mv.visitMethodInsn(INVOKEVIRTUAL, Type.getInternalName(Code.Arithmetic.class), "general",
                    "(J" + NODE + "J" + NODE + "L" + FRAME + ";)J", false);
            otherFromFrame(other);
            mv.visitLabel(done);
        }

        private static String exactMethod(Expr.BinaryOp op) {
            switch (op) {
                case ADD:
                    return "exactAdd";
                case SUB:
                    return "exactSubtract";
                case MUL:
                    return "exactMultiply";
                case DIV:
                    return "exactDivide";
                case MOD:
                    return "exactModulo";
                default:
                    return null;
            }
        }

        /** {@link Code.Compare#test}: two ints compared here, anything else by the node. */
        private void compare(Code.Compare c) {
            Label general = new Label();
            Label done = new Label();
            int a = sides(c, general);
            Label notBelow = new Label();
            Label above = new Label();
            mv.visitVarInsn(LLOAD, a);
            mv.visitVarInsn(LLOAD, a + 3);
            mv.visitInsn(LCMP);
            int cmp = local(1);
            mv.visitVarInsn(ISTORE, cmp);
            mv.visitVarInsn(ILOAD, cmp);
            mv.visitJumpInsn(IFGE, notBelow);
            push(c.below ? 1 : 0);
            mv.visitJumpInsn(GOTO, done);
            mv.visitLabel(notBelow);
            mv.visitVarInsn(ILOAD, cmp);
            mv.visitJumpInsn(IFNE, above);
            push(c.equal ? 1 : 0);
            mv.visitJumpInsn(GOTO, done);
            mv.visitLabel(above);
            push(c.above ? 1 : 0);
            mv.visitJumpInsn(GOTO, done);
            mv.visitLabel(general);
            constant(c, Type.getInternalName(Code.Compare.class));
            loadSides(a);
            mv.visitMethodInsn(INVOKEVIRTUAL, Type.getInternalName(Code.Compare.class), "general",
                    "(J" + NODE + "J" + NODE + ")Z", false);
            mv.visitLabel(done);
        }
    }
}
