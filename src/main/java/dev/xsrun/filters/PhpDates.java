package dev.xsrun.filters;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PHP's date handling on java.time: date() format letters, DateTime::createFromFormat, and the
 * strtotime phrases real programs use. Every entry point takes "now" explicitly, so results are
 * reproducible in tests.
 */
final class PhpDates {
    private PhpDates() {
    }

    /** A text that could not be read as a date. */
    static final class Unparseable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unparseable(String message) {
            super(message, null, false, false);
        }
    }

    private static final Map<String, ZoneId> ZONES = new HashMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            ZONES.put(id.toLowerCase(Locale.ROOT), ZoneId.of(id));
        }
        ZONES.put("utc", ZoneOffset.UTC);
        ZONES.put("gmt", ZoneOffset.UTC);
        ZONES.put("z", ZoneOffset.UTC);
        String[][] abbr = {{"est", "-05:00"}, {"edt", "-04:00"}, {"cst", "-06:00"}, {"cdt", "-05:00"}, {"mst", "-07:00"},
            {"mdt", "-06:00"}, {"pst", "-08:00"}, {"pdt", "-07:00"}, {"cet", "+01:00"}, {"cest", "+02:00"}, {"bst", "+01:00"},
            {"eet", "+02:00"}, {"eest", "+03:00"}, {"wet", "+00:00"}, {"west", "+01:00"}};
        for (String[] a : abbr) {
            ZONES.put(a[0], ZoneOffset.of(a[1]));
        }
    }

    /** A zone by IANA name (any case), UTC/GMT/Z, an abbreviation or an offset such as +02:00; null if unknown. */
    static ZoneId zone(String name) {
        String n = name.trim();
        ZoneId z = ZONES.get(n.toLowerCase(Locale.ROOT));
        if (z != null) {
            return z;
        }
        Matcher m = Pattern.compile("(?:utc|gmt)?([+-])(\\d{1,2})(?::?(\\d{2}))?", Pattern.CASE_INSENSITIVE).matcher(n);
        if (m.matches()) {
            int h = Integer.parseInt(m.group(2));
            int min = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            int sign = m.group(1).equals("-") ? -1 : 1;
            if (h <= 18 && min < 60) {
                return ZoneOffset.ofHoursMinutes(sign * h, sign * min);
            }
        }
        return null;
    }

    // ---- date() -----------------------------------------------------------------------------------

    private static final String[] SUFFIX = {"th", "st", "nd", "rd"};

    static String format(ZonedDateTime t, String f) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < f.length(); i++) {
            char ch = f.charAt(i);
            switch (ch) {
                case 'd':
                    pad(sb, t.getDayOfMonth(), 2);
                    break;
                case 'D':
                    sb.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                    break;
                case 'j':
                    sb.append(t.getDayOfMonth());
                    break;
                case 'l':
                    sb.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                    break;
                case 'N':
                    sb.append(t.getDayOfWeek().getValue());
                    break;
                case 'S': {
                    int d = t.getDayOfMonth();
                    sb.append(d >= 11 && d <= 13 || d % 10 > 3 ? "th" : SUFFIX[d % 10]);
                    break;
                }
                case 'w':
                    sb.append(t.getDayOfWeek().getValue() % 7);
                    break;
                case 'z':
                    sb.append(t.getDayOfYear() - 1);
                    break;
                case 'W':
                    pad(sb, t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2);
                    break;
                case 'F':
                    sb.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                    break;
                case 'm':
                    pad(sb, t.getMonthValue(), 2);
                    break;
                case 'M':
                    sb.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                    break;
                case 'n':
                    sb.append(t.getMonthValue());
                    break;
                case 't':
                    sb.append(t.toLocalDate().lengthOfMonth());
                    break;
                case 'L':
                    sb.append(t.toLocalDate().isLeapYear() ? 1 : 0);
                    break;
                case 'o':
                    sb.append(t.get(IsoFields.WEEK_BASED_YEAR));
                    break;
                case 'Y': {
                    int y = t.getYear();
                    if (y < 0) {
                        sb.append('-');
                    }
                    pad(sb, Math.abs(y), 4);
                    break;
                }
                case 'y':
                    pad(sb, Math.floorMod(t.getYear(), 100), 2);
                    break;
                case 'a':
                    sb.append(t.getHour() < 12 ? "am" : "pm");
                    break;
                case 'A':
                    sb.append(t.getHour() < 12 ? "AM" : "PM");
                    break;
                case 'B': {
                    long secs = t.toEpochSecond() + 3600;
                    pad(sb, (int) (Math.floorMod(secs, 86400L) * 10 / 864), 3);
                    break;
                }
                case 'g':
                    sb.append(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
                    break;
                case 'G':
                    sb.append(t.getHour());
                    break;
                case 'h':
                    pad(sb, t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, 2);
                    break;
                case 'H':
                    pad(sb, t.getHour(), 2);
                    break;
                case 'i':
                    pad(sb, t.getMinute(), 2);
                    break;
                case 's':
                    pad(sb, t.getSecond(), 2);
                    break;
                case 'u':
                    pad(sb, t.getNano() / 1000, 6);
                    break;
                case 'v':
                    pad(sb, t.getNano() / 1_000_000, 3);
                    break;
                case 'e':
                    sb.append(t.getZone() instanceof ZoneOffset ? offset(t, true) : t.getZone().getId());
                    break;
                case 'I':
                    sb.append(t.getZone().getRules().isDaylightSavings(t.toInstant()) ? 1 : 0);
                    break;
                case 'O':
                    sb.append(offset(t, false));
                    break;
                case 'P':
                    sb.append(offset(t, true));
                    break;
                case 'p':
                    sb.append(t.getOffset().getTotalSeconds() == 0 ? "Z" : offset(t, true));
                    break;
                case 'T':
                    sb.append(abbreviation(t));
                    break;
                case 'Z':
                    sb.append(t.getOffset().getTotalSeconds());
                    break;
                case 'c':
                    sb.append(format(t, "Y-m-d\\TH:i:sP"));
                    break;
                case 'r':
                    sb.append(format(t, "D, d M Y H:i:s O"));
                    break;
                case 'U':
                    sb.append(t.toEpochSecond());
                    break;
                case '\\':
                    if (i + 1 < f.length()) {
                        sb.append(f.charAt(++i));
                    }
                    break;
                default:
                    sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static void pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }

    private static String offset(ZonedDateTime t, boolean colon) {
        int total = t.getOffset().getTotalSeconds();
        int abs = Math.abs(total);
        StringBuilder sb = new StringBuilder(total < 0 ? "-" : "+");
        pad(sb, abs / 3600, 2);
        if (colon) {
            sb.append(':');
        }
        pad(sb, abs / 60 % 60, 2);
        return sb.toString();
    }

    private static String abbreviation(ZonedDateTime t) {
        if (t.getZone() instanceof ZoneOffset) {
            return t.getOffset().getTotalSeconds() == 0 ? "UTC" : offset(t, true);
        }
        if (t.getZone().getId().equals("UTC") || t.getZone().getId().equals("Etc/UTC")) {
            return "UTC";
        }
        String s = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(t);
        if (s.startsWith("GMT") && s.length() > 3 || s.matches("[+-].*")) {
            // zones without a letter abbreviation: PHP prints the offset as "+03" or "+0530"
            String o = offset(t, false);
            return o.endsWith("00") ? o.substring(0, 3) : o;
        }
        return s;
    }

    // ---- createFromFormat --------------------------------------------------------------------------

    private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
            + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
    private static final String DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun";

    static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String[] all = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < 12; i++) {
            if (n.startsWith(all[i])) {
                return i + 1;
            }
        }
        return -1;
    }

    static DayOfWeek weekday(String name) {
        String n = name.toLowerCase(Locale.ROOT).substring(0, 3);
        String[] all = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
        for (int i = 0; i < 7; i++) {
            if (n.equals(all[i])) {
                return DayOfWeek.of(i + 1);
            }
        }
        return null;
    }

    /** DateTime::createFromFormat: fields the format does not mention come from now, unless ! or | resets them. */
    static ZonedDateTime parseFormat(String f, String s, ZoneId zone, Instant now) {
        Integer y = null;
        Integer mo = null;
        Integer d = null;
        Integer doy = null;
        Integer h = null;
        Integer mi = null;
        Integer sec = null;
        Integer micro = null;
        Integer pm = null;
        Long epoch = null;
        ZoneId z = zone;
        boolean reset = false;
        int p = 0;
        for (int i = 0; i < f.length(); i++) {
            char ch = f.charAt(i);
            Matcher m;
            switch (ch) {
                case 'd':
                case 'j':
                    d = number(s, p, 1, 2, "day");
                    p += digits(s, p, 2);
                    break;
                case 'z':
                    doy = number(s, p, 1, 3, "day of year");
                    p += digits(s, p, 3);
                    break;
                case 'm':
                case 'n':
                    mo = number(s, p, 1, 2, "month");
                    p += digits(s, p, 2);
                    break;
                case 'Y': {
                    int n = digits(s, p, 4);
                    y = number(s, p, 1, 4, "year");
                    p += n;
                    break;
                }
                case 'y': {
                    int v = number(s, p, 2, 2, "year");
                    y = v < 70 ? 2000 + v : 1900 + v;
                    p += 2;
                    break;
                }
                case 'H':
                case 'G':
                case 'h':
                case 'g':
                    h = number(s, p, 1, 2, "hour");
                    p += digits(s, p, 2);
                    break;
                case 'i':
                    mi = number(s, p, 2, 2, "minute");
                    p += 2;
                    break;
                case 's':
                    sec = number(s, p, 2, 2, "second");
                    p += 2;
                    break;
                case 'v':
                    micro = number(s, p, 3, 3, "milliseconds") * 1000;
                    p += 3;
                    break;
                case 'u': {
                    int n = digits(s, p, 6);
                    if (n == 0) {
                        throw new Unparseable("a microsecond value was expected");
                    }
                    micro = Integer.parseInt((s.substring(p, p + n) + "00000").substring(0, 6));
                    p += n;
                    break;
                }
                case 'a':
                case 'A':
                    m = Pattern.compile("(am|pm|a\\.m\\.|p\\.m\\.)", Pattern.CASE_INSENSITIVE).matcher(s).region(p, s.length());
                    if (!m.lookingAt()) {
                        throw new Unparseable("a meridian was expected");
                    }
                    pm = m.group(1).toLowerCase(Locale.ROOT).startsWith("p") ? 1 : 0;
                    p = m.end();
                    break;
                case 'D':
                case 'l':
                    m = Pattern.compile("(" + DAYS + ")", Pattern.CASE_INSENSITIVE).matcher(s).region(p, s.length());
                    if (!m.lookingAt()) {
                        throw new Unparseable("a textual day was expected");
                    }
                    p = m.end();
                    break;
                case 'S':
                    m = Pattern.compile("(st|nd|rd|th)", Pattern.CASE_INSENSITIVE).matcher(s).region(p, s.length());
                    if (!m.lookingAt()) {
                        throw new Unparseable("an ordinal suffix was expected");
                    }
                    p = m.end();
                    break;
                case 'F':
                case 'M':
                    m = Pattern.compile("(" + MONTHS + ")", Pattern.CASE_INSENSITIVE).matcher(s).region(p, s.length());
                    if (!m.lookingAt()) {
                        throw new Unparseable("a textual month was expected");
                    }
                    mo = month(m.group(1));
                    p = m.end();
                    break;
                case 'U':
                    m = Pattern.compile("-?\\d+").matcher(s).region(p, s.length());
                    if (!m.lookingAt()) {
                        throw new Unparseable("a unix timestamp was expected");
                    }
                    epoch = Long.parseLong(m.group());
                    p = m.end();
                    break;
                case 'e':
                case 'T':
                case 'O':
                case 'P':
                case 'p':
                    m = Pattern.compile("z\\b|[+-]\\d{2}:?\\d{2}|[A-Za-z_]+(?:/[A-Za-z_+\\-]+)*", Pattern.CASE_INSENSITIVE)
                            .matcher(s).region(p, s.length());
                    if (!m.lookingAt() || zone(m.group()) == null) {
                        throw new Unparseable("a timezone was expected");
                    }
                    z = zone(m.group());
                    p = m.end();
                    break;
                case ' ':
                    while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
                        p++;
                    }
                    break;
                case '#':
                    if (p >= s.length() || ";:/.,-()".indexOf(s.charAt(p)) < 0) {
                        throw new Unparseable("a separation symbol was expected");
                    }
                    p++;
                    break;
                case '?':
                    if (p >= s.length()) {
                        throw new Unparseable("unexpected end of data");
                    }
                    p++;
                    break;
                case '*':
                    while (p < s.length() && !Character.isDigit(s.charAt(p)) && " ,;:/.-()".indexOf(s.charAt(p)) < 0) {
                        p++;
                    }
                    break;
                case '!':
                case '|':
                    reset = true;
                    break;
                case '+':
                    p = s.length();
                    break;
                case '\\':
                    i++;
                    if (i < f.length()) {
                        literal(s, p, f.charAt(i));
                        p++;
                    }
                    break;
                default:
                    literal(s, p, ch);
                    p++;
            }
        }
        if (p < s.length()) {
            throw new Unparseable("trailing data");
        }
        if (epoch != null) {
            return Instant.ofEpochSecond(epoch).atZone(z);
        }
        ZonedDateTime base = reset ? Instant.EPOCH.atZone(z).withZoneSameLocal(z) : now.atZone(z);
        if (reset) {
            base = LocalDateTime.of(1970, 1, 1, 0, 0).atZone(z);
        }
        boolean anyTime = h != null || mi != null || sec != null || micro != null;
        if (h != null && pm != null) {
            h = h % 12 + (pm == 1 ? 12 : 0);
        }
        int year = y != null ? y : base.getYear();
        int month = mo != null ? mo : base.getMonthValue();
        int day = d != null ? d : base.getDayOfMonth();
        LocalDate date = LocalDate.of(year, 1, 1).plusMonths(month - 1).plusDays(day - 1);
        if (doy != null) {
            date = LocalDate.of(year, 1, 1).plusDays(doy);
        }
        int hh = h != null ? h : anyTime ? 0 : base.getHour();
        int mm = mi != null ? mi : anyTime ? 0 : base.getMinute();
        int ss = sec != null ? sec : anyTime ? 0 : base.getSecond();
        int us = micro != null ? micro : anyTime ? 0 : base.getNano() / 1000;
        LocalDateTime ldt = date.atStartOfDay().plusHours(hh).plusMinutes(mm).plusSeconds(ss).plusNanos(us * 1000L);
        return ZonedDateTime.ofLocal(ldt, z, null);
    }

    private static int digits(String s, int p, int max) {
        int n = 0;
        while (p + n < s.length() && n < max && Character.isDigit(s.charAt(p + n))) {
            n++;
        }
        return n;
    }

    private static int number(String s, int p, int min, int max, String what) {
        int n = digits(s, p, max);
        if (n < min) {
            throw new Unparseable("a " + what + " was expected");
        }
        return Integer.parseInt(s.substring(p, p + n));
    }

    private static void literal(String s, int p, char ch) {
        if (p >= s.length() || s.charAt(p) != ch) {
            throw new Unparseable("the separation symbol could not be found");
        }
    }

    // ---- strtotime ---------------------------------------------------------------------------------

    private static final String UNITS = "msecs?|milliseconds?|ms|secs?|seconds?|mins?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?";
    private static final Pattern P_EPOCH = Pattern.compile("@(-?\\d+)(?:\\.(\\d+))?");
    private static final Pattern P_ISO = Pattern.compile(
            "([+-]?\\d{4})-(\\d{1,2})-(\\d{1,2})(?:(?:t|\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?)?");
    private static final Pattern P_SLASH_YMD = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");
    private static final Pattern P_US = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?");
    private static final Pattern P_EU = Pattern.compile("(\\d{1,2})[-.](\\d{1,2})[-.](\\d{4})");
    private static final Pattern P_TIME = Pattern.compile(
            "t?(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?(?:\\s*(am|pm|a\\.m\\.|p\\.m\\.))?");
    private static final Pattern P_HOUR_AMPM = Pattern.compile("(\\d{1,2})\\s*(am|pm|a\\.m\\.|p\\.m\\.)");
    private static final Pattern P_DAY_MONTH = Pattern.compile(
            "(\\d{1,2})(?:st|nd|rd|th)?[ \\-.]*(" + MONTHS + ")\\.?(?:[ \\-.,]*(\\d{4}))?\\b");
    private static final Pattern P_MONTH_DAY = Pattern.compile(
            "(" + MONTHS + ")\\.?[ \\-.]*(\\d{1,4})(?:st|nd|rd|th)?\\b(?:,?[ \\-.]*(\\d{4})\\b)?");
    private static final Pattern P_MONTH = Pattern.compile("(" + MONTHS + ")\\b");
    private static final Pattern P_REL = Pattern.compile("([+-]?)\\s*(\\d+)\\s*(" + UNITS + ")\\b(\\s+ago\\b)?");
    private static final Pattern P_REL_WORD = Pattern.compile("(next|last|previous|this)\\s+(" + UNITS + "|" + DAYS + ")\\b");
    private static final Pattern P_DAY_OF = Pattern.compile("(first|last) day of\\b");
    private static final Pattern P_WEEKDAY = Pattern.compile("(" + DAYS + ")\\b\\.?,?");
    private static final Pattern P_WORD = Pattern.compile("(now|today|midnight|noon|tomorrow|yesterday)\\b");
    private static final Pattern P_ZONE = Pattern.compile(
            "(z|utc|gmt|[a-z]+/[a-z_\\-]+(?:/[a-z_\\-]+)?|est|edt|cst|cdt|mst|mdt|pst|pdt|cet|cest|bst|eet|eest|wet|west)\\b"
                    + "|(?:utc|gmt)?[+-]\\d{1,2}(?::?\\d{2})?\\b");

    /** A date/time phrase as PHP strtotime reads it, relative to {@code base}. */
    static ZonedDateTime strtotime(String text, ZonedDateTime base) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw new Unparseable("empty date text");
        }
        Integer y = null;
        Integer mo = null;
        Integer d = null;
        Integer h = null;
        Integer mi = null;
        Integer sec = null;
        long nanos = 0;
        boolean timeReset = false;
        long ry = 0;
        long rm = 0;
        long rd = 0;
        long rh = 0;
        long rmin = 0;
        long rs = 0;
        long rms = 0;
        DayOfWeek wday = null;
        int wdayDir = 0;
        int dayOf = 0;
        ZoneId zone = null;
        int p = 0;
        while (p < s.length()) {
            char ch = s.charAt(p);
            if (Character.isWhitespace(ch) || ch == ',') {
                p++;
                continue;
            }
            Matcher m;
            if ((m = at(P_EPOCH, s, p)) != null) {
                ZonedDateTime t = Instant.ofEpochSecond(Long.parseLong(m.group(1))).atZone(ZoneOffset.UTC);
                y = t.getYear();
                mo = t.getMonthValue();
                d = t.getDayOfMonth();
                h = t.getHour();
                mi = t.getMinute();
                sec = t.getSecond();
                zone = ZoneOffset.UTC;
            } else if ((m = at(P_ISO, s, p)) != null) {
                y = Integer.parseInt(m.group(1));
                mo = Integer.parseInt(m.group(2));
                d = Integer.parseInt(m.group(3));
                if (m.group(4) != null) {
                    h = Integer.parseInt(m.group(4));
                    mi = Integer.parseInt(m.group(5));
                    sec = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
                    nanos = m.group(7) == null ? 0 : Long.parseLong((m.group(7) + "000000000").substring(0, 9));
                }
            } else if ((m = at(P_SLASH_YMD, s, p)) != null) {
                y = Integer.parseInt(m.group(1));
                mo = Integer.parseInt(m.group(2));
                d = Integer.parseInt(m.group(3));
            } else if ((m = at(P_EU, s, p)) != null) {
                d = Integer.parseInt(m.group(1));
                mo = Integer.parseInt(m.group(2));
                y = Integer.parseInt(m.group(3));
            } else if ((m = at(P_TIME, s, p)) != null) {
                h = hour(Integer.parseInt(m.group(1)), m.group(5));
                mi = Integer.parseInt(m.group(2));
                sec = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
                nanos = m.group(4) == null ? 0 : Long.parseLong((m.group(4) + "000000000").substring(0, 9));
            } else if ((m = at(P_US, s, p)) != null) {
                mo = Integer.parseInt(m.group(1));
                d = Integer.parseInt(m.group(2));
                if (m.group(3) != null) {
                    int yy = Integer.parseInt(m.group(3));
                    y = m.group(3).length() == 2 ? (yy < 70 ? 2000 + yy : 1900 + yy) : yy;
                }
            } else if ((m = at(P_HOUR_AMPM, s, p)) != null) {
                h = hour(Integer.parseInt(m.group(1)), m.group(2));
                mi = 0;
                sec = 0;
                nanos = 0;
            } else if ((m = at(P_REL, s, p)) != null) {
                long n = Long.parseLong(m.group(2)) * (m.group(1).equals("-") ? -1 : 1) * (m.group(4) != null ? -1 : 1);
                String u = m.group(3);
                if (u.startsWith("ms") || u.startsWith("milli")) {
                    rms += n;
                } else if (u.startsWith("sec")) {
                    rs += n;
                } else if (u.startsWith("min")) {
                    rmin += n;
                } else if (u.startsWith("hour")) {
                    rh += n;
                } else if (u.startsWith("day")) {
                    rd += n;
                } else if (u.startsWith("week")) {
                    rd += 7 * n;
                } else if (u.startsWith("fortnight")) {
                    rd += 14 * n;
                } else if (u.startsWith("month")) {
                    rm += n;
                } else {
                    ry += n;
                }
            } else if ((m = at(P_DAY_OF, s, p)) != null) {
                dayOf = m.group(1).equals("first") ? 1 : -1;
            } else if ((m = at(P_REL_WORD, s, p)) != null) {
                int n = m.group(1).equals("next") ? 1 : m.group(1).equals("this") ? 0 : -1;
                String u = m.group(2);
                DayOfWeek wd = u.matches(DAYS) ? weekday(u) : null;
                if (wd != null) {
                    wday = wd;
                    wdayDir = n;
                    timeReset = true;
                } else if (u.startsWith("ms") || u.startsWith("milli")) {
                    rms += n;
                } else if (u.startsWith("sec")) {
                    rs += n;
                } else if (u.startsWith("min")) {
                    rmin += n;
                } else if (u.startsWith("hour")) {
                    rh += n;
                } else if (u.startsWith("day")) {
                    rd += n;
                } else if (u.startsWith("week")) {
                    rd += 7L * n;
                } else if (u.startsWith("fortnight")) {
                    rd += 14L * n;
                } else if (u.startsWith("month")) {
                    rm += n;
                } else {
                    ry += n;
                }
            } else if ((m = at(P_DAY_MONTH, s, p)) != null) {
                d = Integer.parseInt(m.group(1));
                mo = month(m.group(2));
                if (m.group(3) != null) {
                    y = Integer.parseInt(m.group(3));
                }
            } else if ((m = at(P_MONTH_DAY, s, p)) != null) {
                mo = month(m.group(1));
                if (m.group(2).length() == 4) {
                    y = Integer.parseInt(m.group(2));
                    d = 1;
                } else {
                    d = Integer.parseInt(m.group(2));
                    if (m.group(3) != null) {
                        y = Integer.parseInt(m.group(3));
                    }
                }
            } else if ((m = at(P_MONTH, s, p)) != null) {
                mo = month(m.group(1));
                if (d == null && dayOf == 0) {
                    d = 1;
                }
            } else if ((m = at(P_WORD, s, p)) != null) {
                switch (m.group(1)) {
                    case "today":
                    case "midnight":
                        timeReset = true;
                        break;
                    case "noon":
                        h = 12;
                        mi = 0;
                        sec = 0;
                        nanos = 0;
                        break;
                    case "tomorrow":
                        rd += 1;
                        timeReset = true;
                        break;
                    case "yesterday":
                        rd -= 1;
                        timeReset = true;
                        break;
                    default:
                        break;
                }
            } else if ((m = at(P_WEEKDAY, s, p)) != null) {
                wday = weekday(m.group(1));
                wdayDir = 0;
                timeReset = true;
            } else if ((m = at(P_ZONE, s, p)) != null) {
                ZoneId z = zone(m.group());
                if (z == null) {
                    throw new Unparseable("unknown time zone \"" + m.group() + "\"");
                }
                zone = z;
            } else {
                throw new Unparseable("unexpected \"" + text.trim().substring(Math.min(p, text.trim().length())) + "\"");
            }
            p = m.end();
        }
        ZonedDateTime b = zone == null ? base : base.withZoneSameInstant(zone);
        ZoneId z = b.getZone();
        boolean dateSet = y != null || mo != null || d != null;
        int year = y != null ? y : b.getYear();
        int month = mo != null ? mo : b.getMonthValue();
        int day = d != null ? d : b.getDayOfMonth();
        long ym = (long) year * 12 + (month - 1) + rm + ry * 12;
        YearMonth target = YearMonth.of((int) Math.floorDiv(ym, 12), (int) Math.floorMod(ym, 12) + 1);
        if (dayOf == 1) {
            day = 1;
        } else if (dayOf == -1) {
            day = target.lengthOfMonth();
        }
        LocalDate date = target.atDay(1).plusDays(day - 1L + rd);
        int hh;
        int mm;
        int ss;
        long ns;
        if (h != null) {
            hh = h;
            mm = mi;
            ss = sec;
            ns = nanos;
        } else if (dateSet || timeReset) {
            hh = 0;
            mm = 0;
            ss = 0;
            ns = 0;
        } else {
            hh = b.getHour();
            mm = b.getMinute();
            ss = b.getSecond();
            ns = b.getNano();
        }
        if (wday != null) {
            int diff = wday.getValue() - date.getDayOfWeek().getValue();
            if (wdayDir == 0) {
                date = date.plusDays(Math.floorMod(diff, 7));
            } else if (wdayDir > 0) {
                date = date.plusDays(diff <= 0 ? diff + 7 : diff);
            } else {
                date = date.minusDays(diff >= 0 ? 7 - diff : -diff);
            }
        }
        LocalDateTime ldt = date.atTime(0, 0).plusHours(hh).plusMinutes(mm).plusSeconds(ss).plusNanos(ns);
        ZonedDateTime out = ZonedDateTime.ofLocal(ldt, z, null);
        return out.plus(rh, ChronoUnit.HOURS).plus(rmin, ChronoUnit.MINUTES).plus(rs, ChronoUnit.SECONDS).plus(rms, ChronoUnit.MILLIS);
    }

    private static Matcher at(Pattern p, String s, int pos) {
        Matcher m = p.matcher(s).region(pos, s.length());
        return m.lookingAt() && m.end() > pos ? m : null;
    }

    private static int hour(int h, String meridian) {
        if (meridian == null) {
            return h;
        }
        return h % 12 + (meridian.startsWith("p") ? 12 : 0);
    }
}
