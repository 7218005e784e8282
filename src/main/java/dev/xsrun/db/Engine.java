package dev.xsrun.db;

import dev.xsrun.value.XsError;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One database the job's statements run on: the embedded SQLite file (or memory) or a PostgreSQL
 * server. Owns the connections, lends one per statement (or one per {@code db.transaction}), and
 * knows the few places where the two dialects differ.
 */
public final class Engine implements AutoCloseable {
    /** Work done on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final boolean postgres;
    private final String url;
    private final Properties properties;
    private final String shown;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private final int size;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();
    /** Each connection's prepared statements by SQL text; only the thread that holds the connection uses them. */
    private final Map<Connection, Statements> statements = new ConcurrentHashMap<>();
    /** Bumped when SQL that xsrun did not write may have changed tables: statements are then prepared again. */
    private volatile int tablesVersion;

    private Engine(boolean postgres, String url, Properties properties, String shown, int size) {
        this.postgres = postgres;
        this.url = url;
        this.properties = properties;
        this.shown = shown;
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    /**
     * The engine for a {@code --db} value: null or empty for the job folder's {@code .xsrun/xsrun.db},
     * {@code memory}, a file path, or a {@code postgresql://} / {@code jdbc:postgresql:} URL.
     */
    public static Engine forSetting(String where, Path jobFolder) {
        if (where == null || where.isBlank()) {
            Path dir = (jobFolder == null ? Path.of(".") : jobFolder).resolve(".xsrun");
            try {
                Files.createDirectories(dir);
                Path ignore = dir.resolve(".gitignore");
                if (!Files.exists(ignore)) {
                    Files.writeString(ignore, "*\n");
                }
            } catch (java.io.IOException e) {
                throw XsError.fatal("cannot create the database folder " + dir + ": " + e.getMessage());
            }
            return sqlite(dir.resolve("xsrun.db").toString());
        }
        if (where.equals("memory")) {
            return new Engine(false, "jdbc:sqlite::memory:", new Properties(), "memory", 1);
        }
        if (isServer(where)) {
            return postgres(where);
        }
        return sqlite(where);
    }

    /** Whether a {@code --db} value names a PostgreSQL server (anything else is SQLite: the default file, memory or a path). */
    public static boolean isServer(String where) {
        return where != null && (where.startsWith("postgresql://") || where.startsWith("postgres://") || where.startsWith("jdbc:postgresql:"));
    }

    /**
     * A private in-memory copy of an SQLite database file (empty when the file does not exist): what is
     * written to it never reaches the file. {@code xsrun test} starts a test from such a copy.
     */
    public static Engine copyOf(Path file) {
        Engine copy = new Engine(false, "jdbc:sqlite::memory:", new Properties(), "memory (a copy of " + file + ")", 1);
        if (Files.isRegularFile(file)) {
            copy.once(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("restore from \"" + file.toAbsolutePath().toString().replace("\"", "\"\"") + "\"");
                }
                return null;
            });
        }
        return copy;
    }

    private static Engine sqlite(String file) {
        Path parent = Path.of(file).toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (java.io.IOException e) {
                throw XsError.fatal("cannot create the folder of the database " + file + ": " + e.getMessage());
            }
        }
        return new Engine(false, "jdbc:sqlite:" + file, new Properties(), file, 1);
    }

    /** A PostgreSQL engine for a {@code postgresql://user:pass@host:port/db} or JDBC URL. */
    public static Engine postgres(String where) {
        Properties p = new Properties();
        String jdbc;
        String shown;
        if (where.startsWith("jdbc:")) {
            jdbc = where;
            shown = where.replaceAll("password=[^&]*", "password=****");
        } else {
            URI u = URI.create(where.replaceFirst("^postgres://", "postgresql://"));
            String info = u.getRawUserInfo();
            if (info != null) {
                int colon = info.indexOf(':');
                p.setProperty("user", decode(colon < 0 ? info : info.substring(0, colon)));
                if (colon >= 0) {
                    p.setProperty("password", decode(info.substring(colon + 1)));
                }
            }
            String host = u.getHost() == null ? "localhost" : u.getHost();
            int port = u.getPort() < 0 ? 5432 : u.getPort();
            jdbc = "jdbc:postgresql://" + host + ":" + port + (u.getRawPath() == null ? "/" : u.getRawPath())
                    + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
            shown = "postgresql://" + host + ":" + port + (u.getRawPath() == null ? "" : u.getRawPath());
        }
        // text parameters are sent untyped, so the server reads them as jsonb, text or date by column
        p.setProperty("stringtype", "unspecified");
        p.setProperty("connectTimeout", "5");
        p.setProperty("ApplicationName", "xsrun");
        return new Engine(true, jdbc, p, shown, 8);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    public boolean postgres() {
        return postgres;
    }

    /** Where the data lives, for messages (never with a password). */
    public String shown() {
        return shown;
    }

    /**
     * Readies the SQLite driver on a daemon thread while the job loads: its native library, the
     * java.util.logging set-up its loader asks for, and the date format (with the calendar data of the
     * default locale) that every connection's settings make. That is about 70 ms of a first connection,
     * none of which touches a database file, so a job that never reaches a db statement loses nothing
     * but the thread. The first connection waits on the class and library locks for whatever is left.
     */
    public static void readySqliteInBackground() {
        Thread t = new Thread(() -> {
            SqliteNative.prepare();
            try {
                org.sqlite.SQLiteJDBCLoader.initialize();
            } catch (Exception e) {
                // the first connection reports it
            }
            new org.sqlite.SQLiteConfig();
        }, "xsrun-sqlite-ready");
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((th, e) -> { });
        t.start();
    }

    private Connection open() {
        try {
            // the drivers are called directly: DriverManager would load and start every driver in the jar
            if (postgres) {
                Connection c = new org.postgresql.Driver().connect(url, properties);
                if (c == null) {
                    throw new SQLException("not a PostgreSQL URL");
                }
                return c;
            }
            SqliteNative.prepare();
            // no "SELECT last_insert_rowid()" prepared by the driver after every INSERT it runs: xsrun never asks for generated keys
            properties.setProperty("jdbc.get_generated_keys", "false");
            Connection c = org.sqlite.JDBC.createConnection(url, properties);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 30000");
                if (!url.endsWith(":memory:")) {
                    s.execute("PRAGMA journal_mode = WAL");
                    s.execute("PRAGMA synchronous = NORMAL");
                    // up to 32 MiB of pages kept in memory (SQLite's default is 2 MiB): a look-up by an index of a
                    // table of 100,000 rows then reads its pages from here, not from the file, once they were read
                    s.execute("PRAGMA cache_size = -32768");
                }
            }
            SqliteFunctions.register(c);
            return c;
        } catch (SQLException e) {
            if (postgres) {
                throw XsError.service("cannot reach PostgreSQL at " + shown + ": " + firstLine(e.getMessage()));
            }
            throw XsError.fatal("cannot open the database " + shown + ": " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.split("\n")[0];
    }

    private Connection acquire() {
        Connection c = idle.poll();
        if (c != null) {
            return c;
        }
        synchronized (all) {
            if (all.size() < size) {
                c = open();
                all.add(c);
                return c;
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XsError(XsError.Kind.TIMEOUT, XsError.FATAL, "timeout", 500, "Execution stopped", null, null);
        }
    }

    private void release(Connection c) {
        idle.offer(c);
    }

    /** Runs one unit of work atomically: on the current transaction's connection, or in one of its own. */
    public <T> T atomically(Work<T> w) {
        Connection c = bound.get();
        if (c != null) {
            return attempt(c, w);
        }
        c = acquire();
        try {
            c.setAutoCommit(false);
            try {
                T out = attempt(c, w);
                c.commit();
                return out;
            } catch (RuntimeException | Error e) {
                rollback(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Errors.of(e, this);
        } finally {
            release(c);
        }
    }

    /** Runs work whose single SQL statement is atomic by itself (a read, or one insert). */
    public <T> T once(Work<T> w) {
        Connection c = bound.get();
        if (c != null) {
            return attempt(c, w);
        }
        c = acquire();
        try {
            return attempt(c, w);
        } finally {
            release(c);
        }
    }

    private <T> T attempt(Connection c, Work<T> w) {
        try {
            return w.run(c);
        } catch (SQLException e) {
            // a statement that failed may be left in any state: the connection prepares afresh
            Statements kept = statements.remove(c);
            if (kept != null) {
                kept.closeAll();
            }
            throw Errors.of(e, this);
        }
    }

    /**
     * The statement for this SQL text on this connection (held by the calling thread): prepared on its
     * first use, then reused. The caller binds every parameter and closes each result set, never the
     * statement.
     */
    Prepared prepare(Connection c, String sql) throws SQLException {
        Statements kept = kept(c);
        Prepared p = kept.get(sql);
        if (p == null) {
            p = new Prepared(sql, c.prepareStatement(sql));
            kept.put(sql, p);
        }
        return p;
    }

    private Statements kept(Connection c) {
        Statements kept = statements.computeIfAbsent(c, k -> new Statements());
        if (kept.version != tablesVersion) {
            kept.closeAll();
            kept.version = tablesVersion;
        }
        return kept;
    }

    /**
     * How an insert into {@code t} on this connection gives back its record without reading it
     * ({@link StoredRow}), or null when it must read it back: always on PostgreSQL, whose jsonb
     * columns store documents in their own form. Worked out once per connection and table.
     */
    StoredRow storedRow(Connection c, TableSchema t) throws SQLException {
        if (postgres) {
            return null;
        }
        Statements kept = kept(c);
        if (!kept.rows.containsKey(t)) {
            kept.rows.put(t, StoredRow.of(this, c, t));
        }
        return kept.rows.get(t);
    }

    /** The rowid of the last row this connection inserted. */
    long lastInsertId(Connection c) throws SQLException {
        try (java.sql.ResultSet rs = prepare(c, "SELECT last_insert_rowid()").statement().executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** After SQL of the job's own ({@code db.direct_query}) ran: tables may have changed shape. */
    void tablesMayHaveChanged() {
        tablesVersion++;
    }

    /** A connection's prepared statements, the least recently used closed beyond a few hundred. */
    private static final class Statements extends LinkedHashMap<String, Prepared> {
        private static final int MOST = 256;
        int version;
        /** Each table's {@link StoredRow} (null: rows are read back), for the tables' shape at {@link #version}. */
        final Map<TableSchema, StoredRow> rows = new java.util.HashMap<>();

        Statements() {
            super(64, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Prepared> eldest) {
            if (size() <= MOST) {
                return false;
            }
            eldest.getValue().close();
            return true;
        }

        void closeAll() {
            values().forEach(Prepared::close);
            clear();
            rows.clear();
        }
    }

    /** A {@code db.transaction}: the body's statements all commit together, or none does. */
    public void transaction(Runnable body) {
        if (bound.get() != null) {
            body.run();
            return;
        }
        Connection c = acquire();
        bound.set(c);
        try {
            c.setAutoCommit(false);
            try {
                exclusive(c);
                body.run();
                c.commit();
            } catch (RuntimeException | Error e) {
                rollback(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Errors.of(e, this);
        } finally {
            bound.remove();
            release(c);
        }
    }

    /**
     * Makes the current transaction wait for, and then hold off, every other transaction that asks
     * the same, until it ends. The embedded engine lends its one connection to one transaction at a time,
     * so its transactions never interleave; PostgreSQL runs them side by side at READ COMMITTED, where a
     * db.get then db.edit of one record in two concurrent transactions would lose one update. A
     * transaction-scoped advisory lock gives PostgreSQL the embedded engine's order, for every process
     * that uses the same database.
     */
    void exclusive(Connection c) throws SQLException {
        if (postgres) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + TRANSACTION_LOCK + ")");
            }
        }
    }

    /** The advisory lock key of {@link #exclusive}: "xsrun" in ASCII. */
    private static final long TRANSACTION_LOCK = 0x7873_7275_6EL;

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the server has rolled back
        }
    }

    // ---- dialect -------------------------------------------------------------------------------

    /** A table or column name, quoted. Names only ever come from table documents. */
    public static String q(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** The column type that stores a field of this XanoScript type. */
    public String columnType(String type, boolean list) {
        if (TableSchema.kind(type, list) == TableSchema.JSON) {
            return postgres ? "JSONB" : "TEXT";
        }
        switch (type) {
            case "int":
            case "timestamp":
                return postgres ? "BIGINT" : "INTEGER";
            case "decimal":
                return postgres ? "DOUBLE PRECISION" : "REAL";
            case "bool":
                return postgres ? "BOOLEAN" : "INTEGER";
            default:
                return "TEXT";
        }
    }

    public String idColumn() {
        return postgres ? q("id") + " BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
                : q("id") + " INTEGER PRIMARY KEY AUTOINCREMENT";
    }

    /** Random order. */
    public String random() {
        return "RANDOM()";
    }

    /** SQL that empties a table (and restarts its ids when reset). */
    public List<String> truncate(String table, boolean reset) {
        if (postgres) {
            return List.of("TRUNCATE " + q(table) + (reset ? " RESTART IDENTITY" : " CONTINUE IDENTITY"));
        }
        List<String> out = new ArrayList<>();
        out.add("DELETE FROM " + q(table));
        if (reset) {
            out.add("DELETE FROM sqlite_sequence WHERE name = '" + table.replace("'", "''") + "'");
        }
        return out;
    }

    /** After rows were inserted with explicit ids, the next assigned id follows the highest. */
    public String syncIds(String table) {
        return postgres ? "SELECT setval(pg_get_serial_sequence('" + q(table).replace("'", "''") + "', 'id'), "
                + "GREATEST((SELECT COALESCE(MAX(id), 0) FROM " + q(table) + "), 1), (SELECT COUNT(*) > 0 FROM " + q(table) + "))" : null;
    }

    @Override
    public void close() {
        statements.clear();
        synchronized (all) {
            for (Connection c : all) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing at exit
                }
            }
            all.clear();
            idle.clear();
        }
    }
}
