package dev.xsrun.runtime;

import dev.xsrun.value.Values;
import dev.xsrun.value.Json;
import dev.xsrun.value.XsError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.ast.InputField;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Builds {@code $input} from what a caller passed, exactly as spec section 3.5 says: presence,
 * defaults, nullability, coercion per type, list bounds, nested schemas and input filters. Every
 * failure is an input error ({@code ERROR_CODE_INPUT_ERROR}, exit 65) naming the input.
 */
public final class InputBinder {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern UUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS][XX][XXX]");

    private InputBinder() {
    }

    /** Binds {@code args} (an object, or null for none) to the declarations; unknown keys are dropped. */
    public static ObjectNode bind(List<InputField> fields, JsonNode args) {
        return bind(fields, args, "", true);
    }

    /**
     * As {@link #bind(List, JsonNode)}, but the bound input shares the objects and lists of {@code args}
     * instead of copying them: for a callee that never changes its input and copies what it keeps (a
     * {@link Builtin}).
     */
    public static ObjectNode bindShared(List<InputField> fields, JsonNode args) {
        return bind(fields, args, "", false);
    }

    private static ObjectNode bind(List<InputField> fields, JsonNode args, String prefix, boolean copy) {
        ObjectNode out = Values.object();
        JsonNode given = args == null || args.isNull() ? Values.object() : args;
        if (given.isTextual()) {
            JsonNode decoded = Json.tryParseContainer(given.textValue());
            given = decoded != null && decoded.isObject() ? decoded : given;
        }
        if (!given.isObject()) {
            throw XsError.input("Input must be an object, got " + Values.typeName(given) + ".", prefix.isEmpty() ? null : prefix);
        }
        for (InputField f : fields) {
            bindField(out, f, given.get(f.name()), prefix, copy);
        }
        return out;
    }

    /**
     * The declared inputs of one function, prepared once when it is compiled, for a caller that has
     * each declared input's value at hand and owns them: a {@code function.run} whose input is written
     * as an object literal. Binding gives what {@link #bind(List, JsonNode)} gives, into slots, copying
     * nothing. An {@code int} input whose only filters are {@code min}/{@code max} of whole numbers
     * takes an int by comparing it with the bounds read once here; every other input and value goes
     * through its declaration.
     */
    static final class Slots {
        private final InputField[] fields;
        /** For each input: whether it takes an int straight (the int fast path applies). */
        private final boolean[] plainInt;
        private final long[] min;
        private final long[] max;

        /** How many inputs are declared. */
        int size() {
            return fields.length;
        }

        /** Whether the k-th input takes an int as it is when it lies in [{@link #min}, {@link #max}] (what {@link #bindSlots} checks first). */
        boolean takesInt(int k) {
            return plainInt[k];
        }

        long min(int k) {
            return min[k];
        }

        long max(int k) {
            return max[k];
        }

        Slots(List<InputField> declared) {
            int n = declared.size();
            fields = declared.toArray(new InputField[0]);
            plainInt = new boolean[n];
            min = new long[n];
            max = new long[n];
            for (int k = 0; k < n; k++) {
                InputField f = fields[k];
                boolean plain = f.type().equals("int") && !f.list();
                long lo = Long.MIN_VALUE;
                long hi = Long.MAX_VALUE;
                for (InputField.InputFilter filter : f.filters()) {
                    JsonNode bound = filter.args().isEmpty() ? null : Values.parseNumberPrefix(filter.args().get(0), true);
                    boolean whole = bound != null && bound.isIntegralNumber();
                    if (filter.name().equals("min") && whole) {
                        lo = Math.max(lo, bound.longValue());
                    } else if (filter.name().equals("max") && whole) {
                        hi = Math.min(hi, bound.longValue());
                    } else {
                        plain = false;
                    }
                }
                plainInt[k] = plain;
                min[k] = lo;
                max[k] = hi;
            }
        }

        /**
         * Binds {@code values[k]} (Java null when not given) to the k-th declared input, in place: each
         * becomes its bound value, or Java null for an optional input not given. Returns the array.
         */
        JsonNode[] bindSlots(JsonNode[] values) {
            for (int k = 0; k < values.length; k++) {
                JsonNode v = values[k];
                if (plainInt[k] && v instanceof LongNode) {
                    long x = v.longValue();
                    if (x >= min[k] && x <= max[k]) {
                        continue;
                    }
                }
                values[k] = bindField(null, fields[k], v, "", false);
            }
            return values;
        }
    }

    /** The $input object of inputs bound to slots: what {@link #bind} gives for the same values. */
    static ObjectNode object(List<InputField> fields, JsonNode[] slots) {
        ObjectNode out = Values.object();
        for (int k = 0; k < slots.length; k++) {
            if (slots[k] != null) {
                out.set(fields.get(k).name(), slots[k]);
            }
        }
        return out;
    }

    /**
     * Binds one declared input from the value given for it (null or missing when none) into out
     * (when not null); returns the bound value, or Java null for an optional input not given.
     */
    private static JsonNode bindField(ObjectNode out, InputField f, JsonNode v, String prefix, boolean copy) {
        String name = prefix.isEmpty() ? f.name() : prefix + f.name();
        if (v == null || v.isMissingNode()) {
            if (f.defaultValue() != null) {
                v = f.defaultValue().deepCopy();
            } else if (f.optional()) {
                return null;
            } else {
                throw missing(name);
            }
        }
        if (v.isNull()) {
            if (f.nullable()) {
                if (out != null) {
                    out.set(f.name(), Values.NULL);
                }
                return Values.NULL;
            }
            throw missing(name);
        }
        JsonNode bound;
        if (f.list()) {
            bound = bindList(f, v, name, copy);
        } else {
            bound = bindOne(f, v, name, copy);
            if ((f.type().equals("text") || f.type().equals("email") || f.type().equals("password"))
                    && !f.optional() && bound.isTextual() && bound.textValue().isEmpty()) {
                throw missing(name);
            }
        }
        if (out != null) {
            out.set(f.name(), bound);
        }
        return bound;
    }

    /** {@code Missing param: zip}: the field's own name (spec 3.6); the payload keeps its full path. */
    private static XsError missing(String path) {
        String field = path.substring(path.lastIndexOf('.') + 1);
        if (Values.isIntegerText(field) && path.lastIndexOf('.') > 0) {
            field = path.substring(path.lastIndexOf('.', path.lastIndexOf('.') - 1) + 1);
        }
        return XsError.input("Missing param: " + field, path);
    }

    private static JsonNode bindList(InputField f, JsonNode v, String name, boolean copy) {
        JsonNode list = v;
        if (v.isTextual()) {
            JsonNode decoded = Json.tryParseContainer(v.textValue());
            list = decoded != null && decoded.isArray() ? decoded : null;
        }
        if (list == null || !list.isArray()) {
            ArrayNode one = Values.list();
            one.add(v);
            list = one;
        }
        if (f.minItems() >= 0 && list.size() < f.minItems()) {
            throw XsError.input(name + ": expected at least " + f.minItems() + " item" + (f.minItems() == 1 ? "" : "s") + ", got " + list.size() + ".", name);
        }
        if (f.maxItems() >= 0 && list.size() > f.maxItems()) {
            throw XsError.input(name + ": expected at most " + f.maxItems() + " item" + (f.maxItems() == 1 ? "" : "s") + ", got " + list.size() + ".", name);
        }
        ArrayNode out = Values.list();
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            if (e.isNull()) {
                if (!f.nullable()) {
                    throw missing(name + "." + i);
                }
                out.add(Values.NULL);
                continue;
            }
            out.add(bindOne(f, e, name + "." + i, copy));
        }
        return out;
    }

    private static JsonNode bindOne(InputField f, JsonNode v, String name, boolean copy) {
        JsonNode c = coerce(f, v, name, copy);
        for (InputField.InputFilter filter : f.filters()) {
            c = applyFilter(f, filter, c, name);
        }
        return c;
    }

    /**
     * Converts one value to the declared type, or fails with the engine's message; objects and lists
     * that pass as they are come back copied when {@code copy} is set, else as they are.
     */
    private static JsonNode coerce(InputField f, JsonNode v, String name, boolean copy) {
        switch (f.type()) {
            case "text":
            case "password":
                return v.isTextual() ? v : Values.of(text(v, name));
            case "email": {
                String s = text(v, name).trim();
                boolean trims = f.filters().stream().anyMatch(x -> x.name().equals("trim"));
                String checked = trims ? s : text(v, name);
                if (!checked.isEmpty() && !EMAIL.matcher(checked).matches()) {
                    throw XsError.input("Invalid email address.", name);
                }
                return Values.of(text(v, name));
            }
            case "uuid": {
                String s = text(v, name);
                if (!s.isEmpty() && !UUID.matcher(s.trim()).matches()) {
                    throw XsError.input("Invalid UUID.", name);
                }
                return Values.of(s);
            }
            case "int": {
                if (v instanceof com.fasterxml.jackson.databind.node.LongNode) {
                    return v;
                }
                if (v.isIntegralNumber()) {
                    return Values.of(v.longValue());
                }
                if (v.isNumber()) {
                    return Values.of((long) v.doubleValue());
                }
                if (v.isBoolean()) {
                    return Values.of(v.booleanValue() ? 1 : 0);
                }
                if (v.isTextual()) {
                    String s = v.textValue();
                    if (s.isEmpty()) {
                        return Values.of(0);
                    }
                    JsonNode n = Values.parseNumberPrefix(s, true);
                    if (n == null) {
                        throw XsError.input("Value is not a valid integer.", name);
                    }
                    return Values.of(Values.toLong(n));
                }
                throw XsError.input("Value is not a valid integer.", name);
            }
            case "decimal": {
                if (v.isNumber()) {
                    return Values.of(v.doubleValue());
                }
                if (v.isBoolean()) {
                    return Values.of(v.booleanValue() ? 1.0 : 0.0);
                }
                if (v.isTextual()) {
                    String s = v.textValue();
                    if (s.isEmpty()) {
                        return Values.of(0.0);
                    }
                    JsonNode n = Values.parseNumberPrefix(s, true);
                    if (n == null) {
                        throw XsError.input("Input is not a valid decimal number.", name);
                    }
                    return Values.of(n.doubleValue());
                }
                throw XsError.input("Input is not a valid decimal number.", name);
            }
            case "bool": {
                if (v.isBoolean()) {
                    return v;
                }
                if (v.isNumber()) {
                    double d = v.doubleValue();
                    if (d == 1) {
                        return Values.TRUE;
                    }
                    if (d == 0) {
                        return Values.FALSE;
                    }
                    throw XsError.input("Invalid boolean input.", name);
                }
                if (v.isTextual()) {
                    switch (v.textValue().trim().toLowerCase()) {
                        case "true":
                        case "1":
                        case "yes":
                        case "on":
                            return Values.TRUE;
                        case "false":
                        case "0":
                        case "no":
                        case "off":
                        case "":
                            return Values.FALSE;
                        default:
                            throw XsError.input("Invalid boolean input.", name);
                    }
                }
                throw XsError.input("Invalid boolean input.", name);
            }
            case "json": {
                if (v.isTextual()) {
                    if (v.textValue().isEmpty()) {
                        return Values.list();
                    }
                    JsonNode decoded = Json.tryParseContainer(v.textValue());
                    if (decoded != null && decoded.isContainerNode()) {
                        return decoded;
                    }
                }
                return copy ? v.deepCopy() : v;
            }
            case "object": {
                JsonNode o = v;
                if (v.isTextual()) {
                    JsonNode decoded = Json.tryParse(v.textValue());
                    o = decoded == null ? v : decoded;
                }
                if (!o.isObject()) {
                    throw XsError.input(name + ": expected an object, got " + Values.typeName(o) + ".", name);
                }
                if (f.schema().isEmpty()) {
                    return copy ? o.deepCopy() : o;
                }
                return bind(f.schema(), o, name + ".", copy);
            }
            case "enum": {
                String s = text(v, name);
                if (!f.values().contains(s)) {
                    throw XsError.input("Input \"" + s + "\" is not one of the allowable values.", name);
                }
                return Values.of(s);
            }
            case "timestamp":
                return Values.of(timestamp(v, name));
            case "date":
                return Values.of(date(v, name));
            case "vector": {
                if (!v.isArray()) {
                    throw XsError.input(name + ": expected a list of numbers.", name);
                }
                for (JsonNode e : v) {
                    if (!e.isNumber()) {
                        throw XsError.input(name + ": expected a list of numbers.", name);
                    }
                }
                return copy ? v.deepCopy() : v;
            }
            case "dblink":
                throw XsError.input("dblink inputs need a database and are not supported locally.", name);
            default:
                return copy ? v.deepCopy() : v;
        }
    }

    private static String text(JsonNode v, String name) {
        if (v.isContainerNode()) {
            throw XsError.input("Text filter requires an integer, float, string or boolean value.", name);
        }
        return Values.toText(v);
    }

    /** Epoch milliseconds from a number, digits, `now`, ISO-8601 or `YYYY-MM-DD HH:MM:SS±hhmm` text. */
    public static long timestamp(JsonNode v, String name) {
        if (v.isNumber()) {
            return v.longValue();
        }
        if (!v.isTextual()) {
            throw XsError.input("Invalid timestamp format.", name);
        }
        String s = v.textValue().trim();
        if (s.equalsIgnoreCase("now")) {
            return System.currentTimeMillis();
        }
        if (Values.isIntegerText(s)) {
            return Long.parseLong(s);
        }
        Long parsed = parseDateTime(s);
        if (parsed == null) {
            throw XsError.input("Invalid timestamp format.", name);
        }
        return parsed;
    }

    /** Epoch ms of ISO-8601 or SQL-style date-time text (UTC when no zone is given), or null. */
    public static Long parseDateTime(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            java.time.temporal.TemporalAccessor t = SPACED.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
            if (t instanceof OffsetDateTime) {
                return ((OffsetDateTime) t).toInstant().toEpochMilli();
            }
            return ((LocalDateTime) t).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    /** A date value as {@code YYYY-MM-DD}: a timestamp (epoch milliseconds) gives its UTC date. */
    public static String date(JsonNode v, String name) {
        if (v.isNumber()) {
            return Instant.ofEpochMilli(v.longValue()).atZone(ZoneOffset.UTC).toLocalDate().toString();
        }
        String s = text(v, name).trim();
        if (!DATE.matcher(s).find()) {
            throw XsError.input("Invalid date format.", name);
        }
        try {
            return LocalDate.parse(s.substring(0, 10)).toString();
        } catch (DateTimeParseException e) {
            throw XsError.input("Invalid date format.", name);
        }
    }

    private static JsonNode applyFilter(InputField f, InputField.InputFilter filter, JsonNode v, String name) {
        String arg = filter.args().isEmpty() ? "" : filter.args().get(0);
        boolean numeric = f.type().equals("int") || f.type().equals("decimal");
        switch (filter.name()) {
            case "trim": {
                String text = Values.toText(v);
                String trimmed = text.strip();
                return trimmed == text && v.isTextual() ? v : Values.of(trimmed); // strip gives the same string when nothing goes
            }
            case "lower":
                return Values.of(Values.toText(v).toLowerCase());
            case "upper":
                return Values.of(Values.toText(v).toUpperCase());
            case "min":
            case "max": {
                JsonNode bound = Values.parseNumberPrefix(arg, true);
                if (bound == null) {
                    throw XsError.fatal("input filter " + filter.name() + " of `" + name + "` needs a number, got `" + arg + "`");
                }
                boolean isMin = filter.name().equals("min");
                if (numeric) {
                    int c = Values.compareNumbers(v, bound);
                    if (isMin && c < 0) {
                        throw XsError.input(name + ": value is too small", name);
                    }
                    if (!isMin && c > 0) {
                        throw XsError.input(name + ": value is too large", name);
                    }
                } else {
                    String s = Values.toText(v);
                    long length = s.codePointCount(0, s.length());
                    if (isMin && length < bound.longValue()) {
                        throw XsError.input(name + ": value is too short", name);
                    }
                    if (!isMin && length > bound.longValue()) {
                        throw XsError.input(name + ": value is too long", name);
                    }
                }
                return v;
            }
            case "startsWith":
                if (!Values.toText(v).startsWith(arg)) {
                    throw XsError.input(name + ": value must start with \"" + arg + "\".", name);
                }
                return v;
            case "prevent":
                if (!arg.isEmpty() && Values.toText(v).contains(arg)) {
                    throw XsError.input(name + ": value must not contain \"" + arg + "\".", name);
                }
                return v;
            case "alphaOk":
                return onlyChars(v, name, c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'), "letters");
            case "digitOk":
                return onlyChars(v, name, c -> c >= '0' && c <= '9', "digits");
            case "ok":
                return onlyChars(v, name, c -> arg.indexOf(c) >= 0, "the characters \"" + arg + "\"");
            case "pattern": {
                Pattern p;
                try {
                    p = Pattern.compile(arg);
                } catch (PatternSyntaxException e) {
                    throw XsError.fatal("input filter pattern of `" + name + "` is not a valid regular expression");
                }
                if (!p.matcher(Values.toText(v)).find()) {
                    String message = filter.args().size() > 1 ? filter.args().get(1) : name + ": value does not match the pattern.";
                    throw XsError.input(message, name);
                }
                return v;
            }
            case "max_size": {
                // an upload is a file resource ({name, size, mime, ...}); its size is in bytes
                JsonNode limit = Values.parseNumberPrefix(arg, true);
                if (limit == null) {
                    throw XsError.fatal("input filter max_size of `" + name + "` needs a number of bytes, got `" + arg + "`");
                }
                JsonNode size = v.isObject() ? v.get("size") : null;
                if (size != null && size.isNumber() && Values.compareNumbers(size, limit) > 0) {
                    throw XsError.input(name + ": the file is larger than " + Values.toText(limit) + " bytes.", name);
                }
                return v;
            }
            case "minAlpha":
                return minCount(v, name, arg, Character::isLetter, "letters");
            case "minLowerAlpha":
                return minCount(v, name, arg, Character::isLowerCase, "lower-case letters");
            case "minUpperAlpha":
                return minCount(v, name, arg, Character::isUpperCase, "upper-case letters");
            case "minDigit":
                return minCount(v, name, arg, Character::isDigit, "digits");
            case "minSymbol":
                return minCount(v, name, arg, c -> !Character.isLetterOrDigit(c) && !Character.isWhitespace(c), "symbols");
            default:
                return v;
        }
    }

    private static JsonNode onlyChars(JsonNode v, String name, java.util.function.IntPredicate ok, String what) {
        String s = Values.toText(v);
        if (!s.chars().allMatch(ok)) {
            throw XsError.input(name + ": only " + what + " are allowed.", name);
        }
        return v;
    }

    private static JsonNode minCount(JsonNode v, String name, String arg, java.util.function.IntPredicate counted, String what) {
        long need = Values.toLong(Values.of(arg));
        long have = Values.toText(v).chars().filter(counted).count();
        if (have < need) {
            throw XsError.input(name + ": needs at least " + need + " " + what + ".", name);
        }
        return v;
    }
}
