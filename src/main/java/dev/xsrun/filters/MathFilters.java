package dev.xsrun.filters;

import static dev.xsrun.filters.ArgType.INT;
import static dev.xsrun.filters.ArgType.NUMBER;
import static dev.xsrun.filters.ArgType.ANY;
import static dev.xsrun.filters.FilterSpec.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.Operators;
import dev.xsrun.value.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.function.BinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;

/** The math family (spec 6.4): arithmetic by the operator rules of Values, rounding, bases, bits. */
final class MathFilters {
    private MathFilters() {
    }

    static void register(FilterRegistry r) {
        r.register(filter("abs").build(), c -> {
            JsonNode n = c.inputNumber();
            if (n.isIntegralNumber()) {
                long v = n.longValue();
                return v == Long.MIN_VALUE ? Values.of(-(double) v) : Values.of(Math.abs(v));
            }
            return Values.of(Math.abs(n.doubleValue()));
        });
        unary(r, "acos", Math::acos);
        unary(r, "acosh", x -> Math.log(x + Math.sqrt(x * x - 1)));
        binary(r, "add", Operators::add);
        unary(r, "asin", Math::asin);
        unary(r, "asinh", x -> x == Double.NEGATIVE_INFINITY ? x : Math.log(x + Math.sqrt(x * x + 1)));
        unary(r, "atan", Math::atan);
        unary(r, "atanh", x -> 0.5 * Math.log((1 + x) / (1 - x)));
        r.register(filter("base_convert").arg("from", INT).arg("to", INT).build(), c -> {
            int from = (int) c.integer(0);
            int to = (int) c.integer(1);
            if (from < 2 || from > 36 || to < 2 || to > 36) {
                throw c.error("bases must be between 2 and 36");
            }
            return Values.of(toBase(parseBase(c.inputText(), from), to));
        });
        r.register(filter("bindec").build(), c -> fromBase(c.inputText(), 2));
        bits(r, "bitwise_and", (a, b) -> a & b);
        r.register(filter("bitwise_not").build(), c -> Values.of(~Values.toLong(c.inputNumber())));
        bits(r, "bitwise_or", (a, b) -> a | b);
        bits(r, "bitwise_xor", (a, b) -> a ^ b);
        r.register(filter("ceil").build(), c -> integral(Math.ceil(c.inputNumber().doubleValue()), c.inputNumber()));
        unary(r, "cos", Math::cos);
        unary(r, "cosh", Math::cosh);
        r.register(filter("decbin").build(), c -> Values.of(Long.toBinaryString(Values.toLong(c.inputNumber()))));
        r.register(filter("dechex").build(), c -> Values.of(Long.toHexString(Values.toLong(c.inputNumber()))));
        r.register(filter("decoct").build(), c -> Values.of(Long.toOctalString(Values.toLong(c.inputNumber()))));
        unary(r, "deg2rad", Math::toRadians);
        binary(r, "divide", Operators::divide);
        r.register(filter("even").build(), c -> Values.of(Values.toLong(c.inputNumber()) % 2 == 0));
        unary(r, "exp", Math::exp);
        r.register(filter("floor").build(), c -> integral(Math.floor(c.inputNumber().doubleValue()), c.inputNumber()));
        r.register(filter("hexdec").build(), c -> fromBase(c.inputText(), 16));
        unary(r, "ln", Math::log);
        r.register(filter("log").arg("base", NUMBER).build(),
                c -> Values.of(Math.log(c.inputNumber().doubleValue()) / Math.log(c.number(0))));
        unary(r, "log10", Math::log10);
        r.register(filter("max").opt("other", ANY, Values.NULL).build(), c -> extreme(c, 1));
        r.register(filter("min").opt("other", ANY, Values.NULL).build(), c -> extreme(c, -1));
        binary(r, "modulus", Operators::modulo);
        binary(r, "multiply", Operators::multiply);
        r.register(filter("octdec").build(), c -> fromBase(c.inputText(), 8));
        r.register(filter("odd").build(), c -> Values.of(Values.toLong(c.inputNumber()) % 2 != 0));
        r.register(filter("pow").arg("exponent", NUMBER).build(), c -> pow(c.inputNumber(), c.arg(0)));
        unary(r, "rad2deg", Math::toDegrees);
        r.register(filter("round").opt("precision", INT, Values.of(0)).build(), c -> {
            JsonNode n = c.inputNumber();
            long p = c.integer(0);
            if (p == 0) {
                if (n.isIntegralNumber()) {
                    return n;
                }
                return integral(TextFilters.roundHalfUp(n.doubleValue(), 0).doubleValue(), n);
            }
            if (n.isIntegralNumber() && p > 0) {
                return Values.of(n.doubleValue());
            }
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return n;
            }
            return Values.of(new BigDecimal(Double.toString(d)).setScale((int) p, java.math.RoundingMode.HALF_UP).doubleValue());
        });
        unary(r, "sin", Math::sin);
        unary(r, "sinh", Math::sinh);
        unary(r, "sqrt", Math::sqrt);
        binary(r, "subtract", Operators::subtract);
        unary(r, "tan", Math::tan);
        unary(r, "tanh", Math::tanh);
    }

    private static void unary(FilterRegistry r, String name, DoubleUnaryOperator f) {
        r.register(filter(name).build(), c -> Values.of(f.applyAsDouble(c.inputNumber().doubleValue())));
    }

    private static void binary(FilterRegistry r, String name, BinaryOperator<JsonNode> op) {
        r.register(filter(name).arg("x", ANY).build(), c -> {
            c.inputNumber();
            return op.apply(c.input(), c.arg(0));
        });
    }

    private static void bits(FilterRegistry r, String name, LongBinaryOperator op) {
        r.register(filter(name).arg("x", INT).build(),
                c -> Values.of(op.applyAsLong(Values.toLong(c.inputNumber()), c.integer(0))));
    }

    /** floor/ceil/round give ints; a value beyond the int range stays decimal. */
    private static JsonNode integral(double d, JsonNode original) {
        if (original.isIntegralNumber()) {
            return original;
        }
        if (Double.isNaN(d) || Double.isInfinite(d) || d >= 0x1p63 || d < -0x1p63) {
            return Values.of(d);
        }
        return Values.of((long) d);
    }

    private static JsonNode pow(JsonNode base, JsonNode exp) {
        if (base.isIntegralNumber() && exp.isIntegralNumber() && exp.longValue() >= 0) {
            long b = base.longValue();
            long e = exp.longValue();
            if (b == 0) {
                return Values.of(e == 0 ? 1 : 0);
            }
            if (b == 1 || b == -1) {
                return Values.of(b == -1 && e % 2 == 1 ? -1 : 1);
            }
            if (e < 64) {
                BigInteger v = BigInteger.valueOf(b).pow((int) e);
                if (v.bitLength() < 64) {
                    return Values.of(v.longValue());
                }
            }
        }
        return Values.of(Math.pow(base.doubleValue(), exp.doubleValue()));
    }

    /** PHP hexdec/bindec/octdec: invalid characters are ignored; overflow gives a decimal. */
    private static JsonNode fromBase(String s, int base) {
        BigInteger v = parseBase(s, base);
        return v.bitLength() < 64 ? Values.of(v.longValue()) : Values.of(v.doubleValue());
    }

    private static BigInteger parseBase(String s, int base) {
        BigInteger v = BigInteger.ZERO;
        BigInteger b = BigInteger.valueOf(base);
        for (char ch : s.toLowerCase(Locale.ROOT).toCharArray()) {
            int d = Character.digit(ch, base);
            if (d >= 0) {
                v = v.multiply(b).add(BigInteger.valueOf(d));
            }
        }
        return v;
    }

    private static String toBase(BigInteger v, int base) {
        return v.toString(base);
    }

    /**
     * {@code min}/{@code max} of the input and the argument. Written without an argument on an array,
     * they give the array's smallest/largest element: the engine's own names min and max stand for
     * array_min and array_max, and real programs rely on it.
     */
    private static JsonNode extreme(FilterCall c, int sign) {
        if (!c.has(0)) {
            if (c.input().isArray()) {
                JsonNode best = null;
                for (JsonNode e : c.input()) {
                    if (best == null || Operators.compare(e, best) * sign > 0) {
                        best = e;
                    }
                }
                return best == null ? Values.NULL : Values.copy(best);
            }
            return c.input();
        }
        return Operators.compare(c.arg(0), c.input()) * sign > 0 ? c.arg(0) : c.input();
    }
}
