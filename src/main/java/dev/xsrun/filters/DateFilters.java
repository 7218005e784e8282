package dev.xsrun.filters;

import static dev.xsrun.filters.ArgType.NUMBER;
import static dev.xsrun.filters.ArgType.TEXT;
import static dev.xsrun.filters.FilterSpec.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.Operators;
import dev.xsrun.value.Values;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.function.ToLongFunction;

/**
 * Dates and times (spec 6.9): timestamps are epoch milliseconds; text is read as digits (ms), ISO 8601,
 * "YYYY-MM-DD HH:MM:SS±hhmm" or a strtotime phrase; zones are IANA names, UTC by default. A null input
 * gives null. The timestamp_* names of spec 6.13 are offered in expressions as a convenience.
 */
final class DateFilters {
    private static volatile Clock clock = Clock.systemUTC();

    private DateFilters() {
    }

    /** Tests pin "now" so that phrases such as "tomorrow" are reproducible. */
    static void useClock(Clock c) {
        clock = c == null ? Clock.systemUTC() : c;
    }

    static void register(FilterRegistry r) {
        r.register(filter("add_ms_to_timestamp").arg("ms", NUMBER).build(),
                c -> nullOr(c, () -> Operators.add(Values.of(millis(c, c.input(), zone(c, -1))), Values.of(Math.round(c.number(0))))));
        r.register(filter("add_secs_to_timestamp").arg("seconds", NUMBER).build(),
                c -> nullOr(c, () -> Operators.add(Values.of(millis(c, c.input(), zone(c, -1))), Values.of(Math.round(c.number(0) * 1000)))));
        r.register(filter("format_timestamp").arg("format", TEXT).opt("timezone", TEXT, Values.of("UTC")).build(),
                c -> nullOr(c, () -> {
                    ZoneId z = zone(c, 1);
                    return Values.of(PhpDates.format(Instant.ofEpochMilli(millis(c, c.input(), z)).atZone(z), c.text(0)));
                }));
        r.register(filter("parse_timestamp").arg("format", TEXT).opt("timezone", TEXT, Values.of("UTC")).build(),
                c -> nullOr(c, () -> {
                    try {
                        return Values.of(PhpDates.parseFormat(c.text(0), c.inputText(), zone(c, 1), clock.instant()).toInstant().toEpochMilli());
                    } catch (PhpDates.Unparseable e) {
                        throw c.error("\"" + c.inputText() + "\" does not match the format \"" + c.text(0) + "\": " + e.getMessage());
                    } catch (java.time.DateTimeException e) {
                        throw c.error("invalid date: " + e.getMessage());
                    }
                }));
        for (String unit : new String[] {"timestamp", "ms", "seconds", "minutes", "hours", "days"}) {
            long per = unitMillis(unit);
            String name = unit.equals("timestamp") ? "to_timestamp" : "to_" + unit;
            r.register(filter(name).opt("timezone", TEXT, Values.of("UTC")).build(),
                    c -> nullOr(c, () -> Values.of(Math.floorDiv(millis(c, c.input(), zone(c, 0)), per))));
        }
        r.register(filter("transform_timestamp").arg("modifier", TEXT).opt("timezone", TEXT, Values.of("UTC")).build(),
                c -> nullOr(c, () -> {
                    ZoneId z = zone(c, 1);
                    ZonedDateTime base = Instant.ofEpochMilli(millis(c, c.input(), z)).atZone(z);
                    return Values.of(phrase(c, c.text(0), base));
                }));
        registerParts(r);
    }

    private static long unitMillis(String unit) {
        switch (unit) {
            case "seconds":
                return 1000L;
            case "minutes":
                return 60_000L;
            case "hours":
                return 3_600_000L;
            case "days":
                return 86_400_000L;
            default:
                return 1L;
        }
    }

    /** The timestamp_* family of spec 6.13 (Postgres semantics: day of week 0 = Sunday, months clamp). */
    private static void registerParts(FilterRegistry r) {
        String[][] units = {{"seconds", "SECONDS"}, {"minutes", "MINUTES"}, {"hours", "HOURS"}, {"days", "DAYS"},
            {"months", "MONTHS"}, {"years", "YEARS"}};
        for (String[] u : units) {
            ChronoUnit cu = ChronoUnit.valueOf(u[1]);
            r.register(filter("timestamp_add_" + u[0]).arg("amount", NUMBER).opt("timezone", TEXT, Values.of("UTC")).build(),
                    c -> shift(c, cu, 1));
            r.register(filter("timestamp_subtract_" + u[0]).arg("amount", NUMBER).opt("timezone", TEXT, Values.of("UTC")).build(),
                    c -> shift(c, cu, -1));
        }
        part(r, "timestamp_day_of_month", ZonedDateTime::getDayOfMonth);
        part(r, "timestamp_day_of_week", t -> t.getDayOfWeek().getValue() % 7);
        part(r, "timestamp_day_of_year", ZonedDateTime::getDayOfYear);
        part(r, "timestamp_epoch_day", t -> Math.floorDiv(t.toInstant().toEpochMilli(), 86_400_000L));
        part(r, "timestamp_epoch_hour", t -> Math.floorDiv(t.toInstant().toEpochMilli(), 3_600_000L));
        part(r, "timestamp_epoch_minute", t -> Math.floorDiv(t.toInstant().toEpochMilli(), 60_000L));
        part(r, "timestamp_epoch_sec", t -> Math.floorDiv(t.toInstant().toEpochMilli(), 1000L));
        part(r, "timestamp_hour", ZonedDateTime::getHour);
        part(r, "timestamp_minute", ZonedDateTime::getMinute);
        part(r, "timestamp_month", ZonedDateTime::getMonthValue);
        part(r, "timestamp_week", t -> t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        part(r, "timestamp_year", ZonedDateTime::getYear);
    }

    private static void part(FilterRegistry r, String name, ToLongFunction<ZonedDateTime> f) {
        r.register(filter(name).opt("timezone", TEXT, Values.of("UTC")).build(), c -> nullOr(c, () -> {
            ZoneId z = zone(c, 0);
            return Values.of(f.applyAsLong(Instant.ofEpochMilli(millis(c, c.input(), z)).atZone(z)));
        }));
    }

    private static JsonNode shift(FilterCall c, ChronoUnit unit, int sign) {
        return nullOr(c, () -> {
            ZoneId z = zone(c, 1);
            ZonedDateTime t = Instant.ofEpochMilli(millis(c, c.input(), z)).atZone(z);
            double amount = c.number(0) * sign;
            if (unit.isDateBased() || amount == Math.rint(amount)) {
                return Values.of(t.plus((long) amount, unit).toInstant().toEpochMilli());
            }
            return Values.of(t.toInstant().toEpochMilli() + Math.round(amount * unit.getDuration().toMillis()));
        });
    }

    private static JsonNode nullOr(FilterCall c, java.util.function.Supplier<JsonNode> body) {
        return c.input().isNull() ? Values.NULL : body.get();
    }

    /** The zone named by argument i ("UTC" when i < 0 or not given). */
    private static ZoneId zone(FilterCall c, int i) {
        String name = i < 0 ? "UTC" : c.text(i);
        if (name.isEmpty()) {
            return ZoneId.of("UTC");
        }
        ZoneId z = PhpDates.zone(name);
        if (z == null) {
            throw c.error("unknown time zone \"" + name + "\"");
        }
        return z.getId().equals("Z") ? ZoneId.of("UTC") : z;
    }

    /** A value read as epoch milliseconds: numbers and digit text are ms; other text is a date phrase. */
    static long millis(FilterCall c, JsonNode v, ZoneId zone) {
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return (long) Math.floor(v.doubleValue());
        }
        if (!v.isTextual()) {
            throw c.unsupported();
        }
        String s = v.textValue().trim();
        if (s.matches("-?\\d{1,18}")) {
            return Long.parseLong(s);
        }
        return phrase(c, s, clock.instant().atZone(zone));
    }

    private static long phrase(FilterCall c, String text, ZonedDateTime base) {
        try {
            return PhpDates.strtotime(text, base).toInstant().toEpochMilli();
        } catch (PhpDates.Unparseable e) {
            throw c.error("unable to read \"" + text + "\" as a date: " + e.getMessage());
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw c.error("invalid date \"" + text + "\": " + e.getMessage());
        }
    }
}
