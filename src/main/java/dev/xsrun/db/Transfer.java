package dev.xsrun.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xsrun.ast.InputField;
import dev.xsrun.value.Json;
import dev.xsrun.value.Values;
import dev.xsrun.value.XsError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** {@code xsrun db import} and {@code export}: a table's records as JSON lines or CSV. */
public final class Transfer {
    private Transfer() {
    }

    /** Reads, validates and inserts every record of the file in one transaction; returns how many. */
    public static long importFile(Database db, TableSchema t, Path file) throws IOException {
        boolean csv = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
        List<ObjectNode> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            List<String> header = null;
            while ((line = csv ? csvRecord(r) : r.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode record;
                if (csv) {
                    List<String> cells = csvCells(line);
                    if (header == null) {
                        header = cells;
                        for (String h : header) {
                            if (t.field(h) == null) {
                                throw XsError.input(file + ":" + number + ": unknown field `" + h + "` of table `" + t.name() + "`"
                                        + dev.xsrun.diag.Suggestions.hint(h, t.fields().keySet()), null);
                            }
                        }
                        continue;
                    }
                    ObjectNode o = Values.object();
                    for (int i = 0; i < header.size() && i < cells.size(); i++) {
                        String cell = cells.get(i);
                        InputField f = t.field(header.get(i));
                        if (cell.isEmpty()) {
                            continue;
                        }
                        JsonNode parsed = TableSchema.isJson(f) ? Json.tryParse(cell) : null;
                        o.set(header.get(i), parsed != null ? parsed : Values.of(cell));
                    }
                    record = o;
                } else {
                    record = Json.tryParse(line);
                    if (record == null || !record.isObject()) {
                        throw XsError.input(file + ":" + number + ": not a JSON object; nothing was imported", null);
                    }
                }
                try {
                    rows.add(t.bindNew(record, true));
                } catch (XsError e) {
                    throw XsError.input(file + ":" + number + ": " + e.getMessage() + "; nothing was imported", null);
                }
            }
        }
        try {
            return db.insertAll(t, rows, true);
        } catch (XsError e) {
            throw new XsError(e.kind(), e.code(), e.name(), e.status(), file + ": " + e.getMessage() + " Nothing was imported.", e.payload(), null);
        }
    }

    /** Writes every record, by id. */
    public static void export(Database db, TableSchema t, boolean csv, PrintWriter out) {
        List<String> names = new ArrayList<>(t.fields().keySet());
        if (csv) {
            out.println(String.join(",", names.stream().map(Transfer::csvCell).toList()));
        }
        db.engine().once(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + Engine.q(t.name()) + " ORDER BY " + Engine.q("id"));
                 ResultSet rs = ps.executeQuery()) {
                Prepared.Plan plan = t.plan(rs);
                while (rs.next()) {
                    ObjectNode row = plan.read(rs);
                    if (!csv) {
                        out.println(Json.encode(row));
                        continue;
                    }
                    StringBuilder sb = new StringBuilder();
                    for (String n : names) {
                        JsonNode v = row.path(n);
                        sb.append(sb.length() > 0 || n != names.get(0) ? "," : "")
                                .append(v.isNull() || v.isMissingNode() ? "" : csvCell(v.isTextual() ? v.textValue() : Json.encode(v)));
                    }
                    out.println(sb);
                }
            }
            return null;
        });
    }

    private static String csvCell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** One CSV record (which may span lines inside quotes), or null at the end. */
    private static String csvRecord(BufferedReader r) throws IOException {
        String line = r.readLine();
        if (line == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(line);
        while (quotes(sb) % 2 == 1) {
            String more = r.readLine();
            if (more == null) {
                break;
            }
            sb.append('\n').append(more);
        }
        return sb.toString();
    }

    private static int quotes(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '"') {
                n++;
            }
        }
        return n;
    }

    private static List<String> csvCells(String record) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString().strip());
        return out;
    }
}
