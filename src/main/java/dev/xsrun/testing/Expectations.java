package dev.xsrun.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.ast.Stmt;
import dev.xsrun.runtime.StatementCompiler;
import dev.xsrun.runtime.StatementFamily;
import dev.xsrun.value.Json;
import dev.xsrun.value.Operators;
import dev.xsrun.value.SourceSpan;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code expect.*} assertions of one test: each failed assertion is recorded (the test goes on to
 * the next), with its position, what was expected and what was found. {@code expect.to_throw} looks at
 * the error the tested construct raised, given when the family is made.
 */
final class Expectations implements StatementFamily {
    /** A failed assertion; {@code expected} is a description ("a value greater than 3"). */
    record Failure(SourceSpan at, String message, String expected, String actual) {
    }

    private XsError thrown;
    private final List<Failure> failures = new ArrayList<>();

    /** What the tested construct raised (before the assertions run); none when it returned. */
    void raised(XsError error) {
        thrown = error;
    }

    List<Failure> failures() {
        return failures;
    }

    @Override
    public boolean owns(String name) {
        return name.startsWith("expect.");
    }

    @Override
    public Action compile(Stmt.Invoke s, StatementCompiler c) {
        String kind = s.name().substring("expect.".length());
        Expression target = c.target();
        Expression value = c.attribute("value");
        SourceSpan at = s.span();
        if (kind.equals("to_throw") && s.clauses().containsKey("stack")) {
            // a workflow test's form: the clause's stack must raise an error matching `exception`
            Body body = c.clause("stack");
            Expression exception = c.attribute("exception");
            return run -> {
                JsonNode wanted = exception == null ? null : exception.eval(run);
                try {
                    run.run(body);
                } catch (XsError e) {
                    if (wanted != null && !matches(e, Values.toText(wanted))) {
                        fail(at, s.name(), "an error " + Json.encode(wanted), describe(e));
                    }
                    return;
                }
                fail(at, s.name(), wanted == null ? "an error" : "an error " + Json.encode(wanted), "no error was raised");
            };
        }
        if (kind.equals("to_throw")) {
            return run -> {
                JsonNode wanted = value == null ? null : value.eval(run);
                if (thrown == null) {
                    fail(at, s.name(), wanted == null ? "an error" : "an error " + Json.encode(wanted), "no error was raised");
                } else if (wanted != null && !matches(thrown, Values.toText(wanted))) {
                    fail(at, s.name(), "an error " + Json.encode(wanted), describe(thrown));
                }
            };
        }
        if (target == null) {
            throw c.error(s.name() + " needs the value to check in parentheses, e.g. " + s.name() + " ($response)");
        }
        switch (kind) {
            case "to_equal":
            case "to_not_equal": {
                if (value == null) {
                    throw c.error(s.name() + " needs { value = ... }");
                }
                boolean equal = kind.equals("to_equal");
                return run -> {
                    JsonNode actual = target.eval(run);
                    JsonNode expected = value.eval(run);
                    if (same(actual, expected) != equal) {
                        fail(at, s.name(), (equal ? "" : "not ") + show(expected), show(actual));
                    }
                };
            }
            case "to_be_true":
                return check(s, target, "true", v -> v.isBoolean() && v.booleanValue());
            case "to_be_false":
                return check(s, target, "false", v -> v.isBoolean() && !v.booleanValue());
            case "to_be_null":
                return check(s, target, "null", v -> v.isNull() || v.isMissingNode());
            case "to_not_be_null":
                return check(s, target, "a value that is not null", v -> !v.isNull() && !v.isMissingNode());
            case "to_be_defined":
                return check(s, target, "a defined value", v -> !v.isMissingNode() && !v.isNull());
            case "to_not_be_defined":
                return check(s, target, "no value (undefined)", v -> v.isMissingNode() || v.isNull());
            case "to_be_empty":
                return check(s, target, "an empty value", Values::isEmpty);
            case "to_be_in_the_past":
                return run -> time(run.context().clock().getAsLong(), at, s.name(), target.eval(run), true);
            case "to_be_in_the_future":
                return run -> time(run.context().clock().getAsLong(), at, s.name(), target.eval(run), false);
            case "to_be_within": {
                Expression min = c.attribute("min");
                Expression max = c.attribute("max");
                if (min == null || max == null) {
                    throw c.error(s.name() + " needs { min = ... max = ... }");
                }
                return run -> {
                    JsonNode v = target.eval(run);
                    JsonNode lo = min.eval(run);
                    JsonNode hi = max.eval(run);
                    if (!v.isNumber() || Operators.lessThan(v, lo) || Operators.greaterThan(v, hi)) {
                        fail(at, s.name(), "a number from " + show(lo) + " to " + show(hi), show(v));
                    }
                };
            }
            default:
                break;
        }
        if (value == null) {
            throw c.error(s.name().startsWith("expect.to_") ? s.name() + " needs { value = ... }" : "unknown assertion " + s.name());
        }
        switch (kind) {
            case "to_contain":
                return compare(s, target, value, "containing", (v, w) -> v.isArray() ? contains(v, w)
                        : v.isTextual() && v.textValue().contains(Values.toText(w)));
            case "to_start_with":
                return compare(s, target, value, "starting with", (v, w) -> v.isTextual() && v.textValue().startsWith(Values.toText(w)));
            case "to_end_with":
                return compare(s, target, value, "ending with", (v, w) -> v.isTextual() && v.textValue().endsWith(Values.toText(w)));
            case "to_match":
                return compare(s, target, value, "matching", (v, w) -> v.isTextual() && regex(s, w).matcher(v.textValue()).find());
            case "to_be_greater_than":
                return compare(s, target, value, "greater than", (v, w) -> !v.isNull() && Operators.greaterThan(v, w));
            case "to_be_less_than":
                return compare(s, target, value, "less than", (v, w) -> !v.isNull() && Operators.lessThan(v, w));
            default:
                throw c.error("unknown assertion " + s.name());
        }
    }

    private interface Test1 {
        boolean holds(JsonNode v);
    }

    private interface Test2 {
        boolean holds(JsonNode v, JsonNode wanted);
    }

    private Action check(Stmt.Invoke s, Expression target, String expected, Test1 test) {
        return run -> {
            JsonNode v = target.eval(run);
            if (!test.holds(v)) {
                fail(s.span(), s.name(), expected, show(v));
            }
        };
    }

    private Action compare(Stmt.Invoke s, Expression target, Expression value, String relation, Test2 test) {
        return run -> {
            JsonNode v = target.eval(run);
            JsonNode w = value.eval(run);
            if (!test.holds(v, w)) {
                fail(s.span(), s.name(), "a value " + relation + " " + show(w), show(v));
            }
        };
    }

    /** Equality for to_equal: numbers by value (8 equals 8.0), everything else strictly (type and value). */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Operators.compare(a, b) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            var names = a.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!b.has(n) || !same(a.get(n), b.get(n))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Operators.strictEquals(a, b);
    }

    private static boolean contains(JsonNode list, JsonNode wanted) {
        for (JsonNode e : list) {
            if (same(e, wanted)) {
                return true;
            }
        }
        return false;
    }

    private static Pattern regex(Stmt.Invoke s, JsonNode w) {
        try {
            return Pattern.compile(Values.toText(w));
        } catch (PatternSyntaxException e) {
            throw XsError.fatal(s.name() + ": not a valid pattern: " + e.getDescription()).at(s.span());
        }
    }

    private void time(long now, SourceSpan at, String name, JsonNode v, boolean past) {
        Long millis = millis(v);
        if (millis == null || (past ? millis >= now : millis <= now)) {
            fail(at, name, "a time in the " + (past ? "past" : "future"), show(v));
        }
    }

    /** A timestamp: milliseconds since 1970, or an ISO-8601 date-time text. */
    private static Long millis(JsonNode v) {
        if (v.isNumber()) {
            return v.longValue();
        }
        if (v.isTextual()) {
            try {
                return OffsetDateTime.parse(v.textValue()).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(v.textValue()).toEpochMilli();
                } catch (DateTimeParseException again) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean matches(XsError e, String wanted) {
        return wanted.equals(e.name()) || wanted.equals(e.code()) || (e.getMessage() != null && e.getMessage().contains(wanted));
    }

    static String describe(XsError e) {
        return "error " + e.code() + (e.name().equals("standard") || e.name().equals(e.code()) ? "" : " (" + e.name() + ")")
                + ": " + e.getMessage();
    }

    private static String show(JsonNode v) {
        return v == null || v.isMissingNode() ? "(undefined)" : Json.encode(v);
    }

    private void fail(SourceSpan at, String name, String expected, String actual) {
        failures.add(new Failure(at, name + " failed", expected, actual));
    }
}
