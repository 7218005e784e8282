package dev.xsrun.ast;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every variable name the process has seen, numbered. A variable node carries its name's number, so
 * the interpreter keeps a function's variables in an array indexed by it instead of looking names up.
 */
public final class Names {
    private static final ConcurrentHashMap<String, Integer> IDS = new ConcurrentHashMap<>();
    private static volatile String[] byId = new String[64];
    private static int count;

    /** Roots and context names get the first numbers, so the interpreter can tell them by number alone. */
    public static final int INPUT = id("input");
    public static final int ENV = id("env");
    public static final int AUTH = id("auth");
    public static final int VAR = id("var");
    public static final int THIS = id("this");
    public static final int INDEX = id("index");
    public static final int PARENT = id("parent");
    public static final int RESULT = id("result");
    /** The names of the clock ({@code now}) and of the element ({@code $$}). */
    public static final int NOW = id("now");
    public static final int ELEMENT = id("$");
    /** Names with a number below this one are roots or context names. */
    public static final int SPECIAL = ELEMENT + 1;

    private Names() {
    }

    /** The number of a name, assigning the next one on first sight. */
    public static int id(String name) {
        Integer id = IDS.get(name);
        if (id != null) {
            return id;
        }
        synchronized (Names.class) {
            id = IDS.get(name);
            if (id != null) {
                return id;
            }
            if (count == byId.length) {
                byId = Arrays.copyOf(byId, count * 2);
            }
            byId[count] = name;
            IDS.put(name, count);
            return count++;
        }
    }

    /** The number of a name already seen, or -1. */
    public static int find(String name) {
        Integer id = IDS.get(name);
        return id == null ? -1 : id;
    }

    public static String name(int id) {
        return byId[id];
    }

    /** How many names have numbers: the size a variable array needs. */
    public static int count() {
        synchronized (Names.class) {
            return count;
        }
    }
}
