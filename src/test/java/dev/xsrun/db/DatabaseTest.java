package dev.xsrun.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.cli.Cli;
import dev.xsrun.value.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The database through the command line, on every engine: the embedded SQLite file, memory, and a
 * real PostgreSQL when one is configured (env XSRUN_TEST_PG or -Dxsrun.test.pg=postgresql://...; .ci/run
 * starts one). The same expectations hold on each.
 */
class DatabaseTest {
    @TempDir
    Path dir;

    static String pg() {
        String url = System.getProperty("xsrun.test.pg");
        return url != null && !url.isBlank() ? url : System.getenv("XSRUN_TEST_PG");
    }

    static Stream<String> engines() {
        List<String> out = new ArrayList<>(List.of("file", "memory"));
        if (pg() != null && !pg().isBlank()) {
            out.add("postgresql");
        }
        return out.stream();
    }

    static final String PRODUCT = """
            table "product" {
              schema {
                int id
                timestamp created_at?=now
                text name filters=trim
                text sku
                decimal price filters=min:0
                int stock?=0
                bool is_active?=true
                enum status?="draft" {
                  values = ["draft", "live"]
                }
                json meta?
                password secret?
                int category_id? {
                  table = "category"
                }
              }
              index = [
                {type: "primary", field: [{name: "id"}]}
                {type: "btree|unique", field: [{name: "sku"}]}
                {type: "btree", field: [{name: "price", op: "desc"}]}
              ]
            }
            """;

    static final String CATEGORY = """
            table "category" {
              schema {
                int id
                text label
              }
              index = [{type: "primary", field: [{name: "id"}]}]
            }
            """;

    /** Writes a job folder whose function "f" has the given stack and response, with the tables. */
    Path job(String name, String input, String stack, String response, String... tables) throws IOException {
        Path job = dir.resolve(name);
        Files.createDirectories(job.resolve("table"));
        Files.writeString(job.resolve("run.xs"), "run.job \"" + name + "\" {\n  main = {name: \"f\", input: {}}\n}\n");
        Files.writeString(job.resolve("f.xs"), "function \"f\" {\n  input {\n" + input + "\n  }\n  stack {\n" + stack
                + "\n  }\n  response = " + response + "\n}\n");
        int i = 0;
        for (String t : tables) {
            Files.writeString(job.resolve("table").resolve("t" + (i++) + ".xs"), t);
        }
        return job;
    }

    String db(String engine, Path job) {
        switch (engine) {
            case "memory":
                return "memory";
            case "postgresql":
                return pg();
            default:
                return job.resolve(".xsrun").resolve("xsrun.db").toString();
        }
    }

    /** Runs the job from an empty database of its tables. */
    Cli fresh(String engine, Path job, String... extra) {
        if (!engine.equals("memory")) {
            Cli reset = Cli.run("db", "reset", "--job", job.toString(), "--db", db(engine, job));
            assertEquals(0, reset.exit, reset.toString());
        }
        return again(engine, job, extra);
    }

    Cli again(String engine, Path job, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", job.toString(), "--db", db(engine, job)));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(new String[0]));
    }

    static JsonNode json(Cli c) throws IOException {
        assertEquals(0, c.exit, c.toString());
        return Json.parse(c.out);
    }

    static final String SEED = """
                db.add "product" { data = {name: "  Lamp ", sku: "A1", price: 12.5, meta: {color: "red"}, secret: "hunter2"} } as $a
                db.add "product" { data = {name: "Desk", sku: "B2", price: 99, status: "live"} } as $b
                db.add "product" { data = {name: "Pen", sku: "C3", price: 1.25, is_active: false} } as $c
            """;

    @ParameterizedTest
    @MethodSource("engines")
    void writesAndReadsWithXanoShapes(String engine) throws IOException {
        Path job = job("crud", "", SEED + """
                    db.edit "product" { field_name = "sku" field_value = "B2" data = {stock: 7} } as $b2
                    var $changes { value = {price: 100} }
                    db.patch "product" { field_name = "id" field_value = 2 data = $changes } as $b3
                    db.get "product" { field_name = "sku" field_value = "A1" } as $got
                    db.get "product" { field_name = "sku" field_value = "zz" } as $missing
                    db.has "product" { field_name = "sku" field_value = "C3" } as $has
                    db.has "product" { field_name = "sku" field_value = "nope" } as $hasnt
                    db.add_or_edit "product" { field_name = "sku" field_value = "D4" data = {name: "Cup", price: 3} } as $added
                    db.add_or_edit "product" { field_name = "sku" field_value = "D4" data = {price: 4} } as $edited
                    db.del "product" { field_name = "sku" field_value = "C3" }
                    db.query "product" { return = {type: "count"} } as $count
                """, "{a: $a, b2: $b2, b3: $b3, got: $got, missing: $missing, has: $has, hasnt: $hasnt, added: $added, edited: $edited, count: $count}",
                PRODUCT, CATEGORY);
        JsonNode r = json(fresh(engine, job));
        JsonNode a = r.get("a");
        assertEquals(1, a.get("id").asInt());
        assertEquals("Lamp", a.get("name").textValue(), "filters=trim applied on write");
        assertTrue(a.get("created_at").isIntegralNumber() && a.get("created_at").longValue() > 1_600_000_000_000L, "created_at?=now as epoch ms");
        assertTrue(a.get("price").isDouble());
        assertEquals(0, a.get("stock").asInt());
        assertTrue(a.get("is_active").isBoolean() && a.get("is_active").booleanValue());
        assertEquals("draft", a.get("status").textValue());
        assertEquals("red", a.get("meta").get("color").textValue());
        assertTrue(a.get("secret").textValue().startsWith("$2y$10$"), "password stored as a bcrypt hash");
        assertFalse(r.toString().contains("hunter2"));
        assertTrue(Passwords.verify("hunter2", a.get("secret").textValue()));
        assertTrue(a.get("category_id").isNull());
        assertEquals(7, r.get("b2").get("stock").asInt());
        assertEquals(100.0, r.get("b3").get("price").doubleValue());
        assertEquals(7, r.get("b3").get("stock").asInt(), "patch keeps other fields");
        assertEquals("A1", r.get("got").get("sku").textValue());
        assertTrue(r.get("missing").isNull());
        assertTrue(r.get("has").booleanValue());
        assertFalse(r.get("hasnt").booleanValue());
        assertEquals(4, r.get("added").get("id").asInt());
        assertEquals("D4", r.get("added").get("sku").textValue(), "add_or_edit sets field_name on insert");
        assertEquals(4, r.get("edited").get("id").asInt());
        assertEquals(4.0, r.get("edited").get("price").doubleValue());
        assertEquals("Cup", r.get("edited").get("name").textValue());
        assertEquals(3, r.get("count").asInt());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void queriesWhereSortPagingAndReturnTypes(String engine) throws IOException {
        Path job = job("query", "text wanted?\nint min?", SEED + """
                    db.add "product" { data = {name: "Mug", sku: "D4", price: 8, category_id: 1} }
                    db.add "category" { data = {label: "Kitchen"} }
                    db.query "product" {
                      where = $db.product.price >= 1 && $db.product.is_active == true
                      sort = {price: "desc"}
                    } as $active
                    db.query "product" {
                      where = $db.product.sku ==? $input.wanted && $db.product.price >=? $input.min
                    } as $nullsafe
                    db.query "product" {
                      where = $db.product.status != "live" || $db.product.price < 2
                      sort = {name: "asc"}
                    } as $or
                    db.query "product" {
                      where = ($db.product.name|to_lower) == "desk"
                      return = {type: "single"}
                    } as $single
                    db.query "product" { where = $db.product.price > 1000 return = {type: "single"} } as $none
                    db.query "product" { where = $db.product.price > 5 return = {type: "count"} } as $count
                    db.query "product" { where = $db.product.sku == "B2" return = {type: "exists"} } as $exists
                    db.query "product" { where = $db.product.meta == null return = {type: "count"} } as $nulls
                    db.query "product" {
                      sort = {id: "asc"}
                      return = {type: "list", paging: {page: 2, per_page: 3, totals: true}}
                    } as $page2
                    db.query "product" {
                      sort = {id: "asc"}
                      return = {type: "list", paging: {page: 1, per_page: 3}}
                    } as $page1
                    db.query "product" { sort = {id: "rand"} } as $random
                    db.query "product" { where = $db.product.price > 5 sort = {id: "asc"} return = {type: "stream", chunk_size: 2} } as $stream
                    var $streamed { value = [] }
                    foreach ($stream) {
                      each as $row {
                        var.update $streamed { value = $streamed|push:$row.sku }
                      }
                    }
                    db.query "product" {
                      join = {category: {table: "category", type: "inner", where: $db.product.category_id == $db.category.id}}
                      eval = {category_label: $db.category.label, double: $db.product.price * 2}
                    } as $joined
                """, "{active: $active|map:$$.sku, nullsafe: $nullsafe|count, or: $or|map:$$.sku, single: $single.sku, none: $none, count: $count, exists: $exists, nulls: $nulls, page2: $page2, page1: $page1|unset:\"items\", random: $random|count, streamed: $streamed, joined: $joined}",
                PRODUCT, CATEGORY);
        JsonNode r = json(fresh(engine, job));
        assertEquals("[\"B2\",\"A1\",\"D4\"]", r.get("active").toString());
        assertEquals(4, r.get("nullsafe").asInt(), "==? with a null value drops the condition");
        assertEquals("[\"A1\",\"D4\",\"C3\"]", r.get("or").toString());
        assertEquals("B2", r.get("single").textValue());
        assertTrue(r.get("none").isNull());
        assertEquals(3, r.get("count").asInt());
        assertTrue(r.get("exists").booleanValue());
        assertEquals(3, r.get("nulls").asInt());
        JsonNode p2 = r.get("page2");
        assertEquals(1, p2.get("itemsReceived").asInt());
        assertEquals(2, p2.get("curPage").asInt());
        assertTrue(p2.get("nextPage").isNull());
        assertEquals(1, p2.get("prevPage").asInt());
        assertEquals(3, p2.get("offset").asInt());
        assertEquals(3, p2.get("perPage").asInt());
        assertEquals(4, p2.get("itemsTotal").asInt());
        assertEquals(2, p2.get("pageTotal").asInt());
        assertEquals("D4", p2.get("items").get(0).get("sku").textValue());
        assertEquals(2, r.get("page1").get("nextPage").asInt());
        assertTrue(r.get("page1").get("prevPage").isNull());
        assertEquals(4, r.get("random").asInt());
        assertEquals("[\"A1\",\"B2\",\"D4\"]", r.get("streamed").toString(), "a stream is read record after record by foreach");
        assertEquals(1, r.get("joined").size());
        assertEquals("Kitchen", r.get("joined").get(0).get("category_label").textValue());
        assertEquals(16.0, r.get("joined").get(0).get("double").doubleValue());
        assertEquals(1, json(fresh(engine, job, "--input", "wanted=A1")).get("nullsafe").asInt());
        assertEquals(2, json(fresh(engine, job, "--input", "min=9")).get("nullsafe").asInt());
    }

    static final String ITEM = """
            table "item" {
              schema {
                int id
                text name
                text category?
                decimal price
                text[] tags?
                json meta?
              }
            }
            """;

    /** Each where-form of Xano's docs, with the ids it selects from the four items of {@link #wordOperatorsOfTheDocsTranslateAlike}. */
    static final String[][] OPERATORS = {
            {"includes", "$db.item.name includes \"phone\"", "[1,3]"},
            {"includes_case", "$db.item.name includes \"PHONE\"", "[]"},
            {"text_contains", "$db.item.name contains \"PHONE\"", "[1,3]"},
            {"contains", "$db.item.tags contains \"featured\"", "[1]"},
            {"not_contains", "$db.item.tags not contains \"hidden\"", "[1,3,4]"},
            {"overlaps", "$db.item.tags overlaps [\"new\", \"hidden\"]", "[1,2]"},
            {"not_overlaps", "$db.item.tags not overlaps [\"new\", \"hidden\"]", "[3,4]"},
            {"between", "$db.item.price between 10:50", "[2,4]"},
            {"not_between", "$db.item.price not between 10:50", "[1,3]"},
            {"in", "$db.item.category in [\"tech\", \"home\"]", "[1,2,4]"},
            {"not_in", "$db.item.category not in [\"tech\"]", "[2,3,4]"},
            {"in_empty", "$db.item.category in []", "[]"},
            {"like", "$db.item.name like \"%amp\"", "[2]"},
            {"like_case", "$db.item.name like \"%AMP\"", "[]"},
            {"ilike", "$db.item.name ilike \"%PHONE%\"", "[1,3]"},
            {"not_ilike", "$db.item.name not ilike \"%PHONE%\"", "[2,4]"},
            {"json_contains", "$db.item.meta @> {type: \"featured\"}", "[1,4]"},
            {"json_nested", "$db.item.meta @> {dims: {w: 2}}", "[4]"},
            {"regex", "$db.item.name ~ \"^[A-Z]\"", "[1,2,4]"},
            {"not_regex", "$db.item.name !~ \"^[A-Z]\"", "[3]"},
            {"filter_contains", "$db.item.tags|contains:\"new\"", "[1]"},
            {"filter_between", "$db.item.price|between:1:20", "[2,3]"},
            {"value_in_list", "\"new\" in $db.item.tags", "[1]"},
            {"null_safe", "$db.item.category in? $input.none && $db.item.name includes? $input.none", "[1,2,3,4]"},
            {"evil", "$db.item.name includes $input.evil || $db.item.tags contains $input.evil", "[]"},
    };

    /**
     * The older form of paging, {@code paging = {..}} beside {@code where} (run.md of earlier revisions),
     * whose result those docs use as a list: a page of the list; {@code metadata: true} gives the paging object.
     */
    @ParameterizedTest
    @MethodSource("engines")
    void theOlderTopLevelPagingGivesAPageOfTheList(String engine) throws IOException {
        Path job = job("older_paging", "int size", SEED + """
                    db.query "product" {
                      where = $db.product.price > 1
                      sort = {id: "asc"}
                      paging = {page: 1, per_page: $input.size}
                    } as $first
                    db.query "product" {
                      sort = {id: "asc"}
                      paging = {page: 2, per_page: 2, metadata: true}
                    } as $second
                """, "{first: $first|map:$$.sku, count: $first|count, second: $second|unset:\"items\", items: $second.items|map:$$.sku}",
                PRODUCT, CATEGORY);
        JsonNode r = json(fresh(engine, job, "--input", "size=2"));
        assertEquals("[\"A1\",\"B2\"]", r.get("first").toString());
        assertEquals(2, r.get("count").asInt());
        assertEquals(2, r.get("second").get("curPage").asInt());
        assertEquals("[\"C3\"]", r.get("items").toString());

        Path twice = job("paging_twice", "", SEED + """
                    db.query "product" {
                      paging = {page: 1, per_page: 2}
                      return = {type: "list", paging: {page: 1, per_page: 2}}
                    } as $x
                """, "$x", PRODUCT, CATEGORY);
        Cli c = fresh(engine, twice);
        assertEquals(65, c.exit, c.toString());
        assertTrue(c.err.contains("f.xs:") && c.err.contains("`paging` is given twice"), c.err);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void wordOperatorsOfTheDocsTranslateAlike(String engine) throws IOException {
        StringBuilder stack = new StringBuilder("""
                    db.add "item" { data = {name: "Smartphone X", category: "tech", price: 100, tags: ["featured", "new"], meta: {type: "featured", n: 1}} }
                    db.add "item" { data = {name: "Lamp", category: "home", price: 20, tags: ["hidden"], meta: {type: "basic"}} }
                    db.add "item" { data = {name: "phone case", price: 5, tags: []} }
                    db.add "item" { data = {name: "Desk", category: "home", price: 50, meta: {type: "featured", dims: {w: 2}}} }
                    var $r { value = {} }
                """);
        for (String[] op : OPERATORS) {
            stack.append("db.query \"item\" { where = ").append(op[1]).append(" } as $x\n")
                    .append("var.update $r { value = $r|set:\"").append(op[0]).append("\":($x|map:$$.id) }\n");
        }
        stack.append("db.query \"item\" { where = !($db.item.price between 10:50) && $db.item.tags overlaps [\"new\"] return = {type: \"count\"} } as $n\n");
        Path job = job("operators", "text none?\ntext evil?", stack.toString(), "$r|set:\"combined\":$n", ITEM);
        JsonNode r = json(fresh(engine, job, "--input", "evil=x' OR '1'='1"));
        for (String[] op : OPERATORS) {
            assertEquals(op[2], r.get(op[0]).toString(), op[1] + " on " + engine);
        }
        assertEquals(1, r.get("combined").asInt());
    }

    /** A zero, 0.0 and false read back as themselves, and a NULL of each of those columns as null. */
    @ParameterizedTest
    @MethodSource("engines")
    void zeroFalseAndNullReadBackApart(String engine) throws IOException {
        Path job = job("zeros", "", """
                    db.add "num" { data = {n: 0, d: 0, b: false} }
                    db.add "num" { data = {} }
                    db.add "num" { data = {n: -3, d: 2.5, b: true} }
                    db.query "num" { sort = {id: "asc"} } as $rows
                """, "$rows|map:[$$.n, $$.d, $$.b]", """
                table "num" {
                  schema {
                    int id
                    int n?
                    decimal d?
                    bool b?
                  }
                }
                """);
        assertEquals("[[0,0.0,false],[null,null,null],[-3,2.5,true]]", json(fresh(engine, job)).toString(), engine);
    }

    /**
     * The same queries run three times: the first run reads its rows through a JDBC result set, the later
     * ones on SQLite through the driver's own calls. Every type of field, its NULL, zero, false, empty and
     * non-ASCII values read back the same each time, as do db.get's and a single result's.
     */
    @ParameterizedTest
    @MethodSource("engines")
    void aQueryRunAgainReadsItsRowsAsTheFirstRunDid(String engine) throws IOException {
        Path job = job("again", "", """
                    db.add "kinds" { data = {n: 0, d: 0, b: false, t: "", j: {a: [1, "x"]}, l: [1, 2], ts: 1700000000000, tags: ["é", "日本"]} }
                    db.add "kinds" { data = {} }
                    db.add "kinds" { data = {n: -9007199254740993, d: -0.00000025, b: true, t: "naïve ☃ 😀", j: [null, true], l: [], ts: 0, tags: []} }
                    var $runs { value = [] }
                    for (3) {
                      each as $k {
                        db.query "kinds" { sort = {id: "asc"} } as $all
                        db.query "kinds" { where = $db.kinds.t == "naïve ☃ 😀" return = {type: "single"} } as $one
                        db.query "kinds" { where = $db.kinds.n == null return = {type: "list"} } as $none
                        db.query "kinds" { where = $db.kinds.b == true || $db.kinds.d == 0 return = {type: "count"} } as $flags
                        db.query "kinds" { where = $db.kinds.b == false return = {type: "single"} } as $off
                        db.get "kinds" { field_name = "id" field_value = 1 } as $first
                        array.push $runs { value = [$all, $one, $none, $first, $flags, $off.id] }
                      }
                    }
                """, "$runs", """
                table "kinds" {
                  schema {
                    int id
                    int n?
                    decimal d?
                    bool b?
                    text t?
                    json j?
                    int[] l?
                    timestamp ts?
                    text[] tags?
                  }
                }
                """);
        JsonNode runs = json(fresh(engine, job));
        assertEquals(3, runs.size(), engine);
        assertEquals(runs.get(0), runs.get(1), engine);
        assertEquals(runs.get(0), runs.get(2), engine);
        JsonNode all = runs.get(0).get(0);
        assertEquals(3, all.size(), engine);
        assertEquals("{\"a\":[1,\"x\"]}", all.get(0).get("j").toString(), engine);
        assertEquals("[\"é\",\"日本\"]", all.get(0).get("tags").toString(), engine);
        assertEquals(0, all.get(0).get("n").asLong(), engine);
        assertEquals(false, all.get(0).get("b").booleanValue(), engine);
        assertEquals("", all.get(0).get("t").textValue(), engine);
        assertEquals(true, all.get(1).get("n").isNull() && all.get(1).get("d").isNull() && all.get(1).get("b").isNull()
                && all.get(1).get("t").isNull() && all.get(1).get("j").isNull(), engine);
        assertEquals(-9007199254740993L, all.get(2).get("n").longValue(), engine);
        assertEquals(-2.5e-7, all.get(2).get("d").doubleValue(), engine);
        assertEquals("naïve ☃ 😀", runs.get(0).get(1).get("t").textValue(), engine);
        assertEquals(3, runs.get(0).get(1).get("id").asLong(), engine);
        assertEquals("[2]", runs.get(0).get(2).findValuesAsText("id").toString(), engine);
        assertEquals(1, runs.get(0).get(3).get("id").asLong(), engine);
        assertEquals(2, runs.get(0).get(4).asLong(), engine);
        assertEquals(1, runs.get(0).get(5).asLong(), engine);
    }

    /**
     * A query site whose statement failed on a later run (an invalid pattern for `~`, met by the first
     * step) reports the database's message as the first run would, and the site answers again after it.
     */
    @ParameterizedTest
    @MethodSource("engines")
    void aReusedQueryThatFailsReportsAndRecovers(String engine) throws IOException {
        Path job = job("again_fails", "", """
                    db.add "pat" { data = {p: "abc"} }
                    var $out { value = [] }
                    foreach (["a", "(", "b", "(x", "z"]) {
                      each as $k {
                        try_catch {
                          try {
                            db.query "pat" { where = $db.pat.p ~ $k } as $rows
                            array.push $out { value = $rows|count }
                          }
                          catch {
                            array.push $out { value = $error.message }
                          }
                        }
                      }
                    }
                """, "$out", """
                table "pat" {
                  schema {
                    int id
                    text p
                  }
                }
                """);
        JsonNode out = json(fresh(engine, job));
        assertEquals(1, out.get(0).asInt(), engine);
        assertEquals(1, out.get(2).asInt(), engine);
        assertEquals(0, out.get(4).asInt(), engine);
        for (int i : new int[] {1, 3}) {
            assertTrue(out.get(i).isTextual() && out.get(i).textValue().contains("invalid regular expression"), engine + ": " + out);
        }
    }

    /**
     * One db.query site run again and again with values that change its SQL text: a null that drops a
     * null-safe condition or makes it IS NULL, lists of other lengths for `in`, an empty list, a condition
     * that reads no field turning false, and another sort. Each run gives what a fresh translation gives.
     */
    @ParameterizedTest
    @MethodSource("engines")
    void aQuerySiteWhoseValuesChangeItsShapeGivesEachRunsOwnResult(String engine) throws IOException {
        Path job = job("site_shapes", "", """
                    db.add "item" { data = {name: "a", category: "tech", price: 1} }
                    db.add "item" { data = {name: "b", price: 2} }
                    db.add "item" { data = {name: "c", category: "home", price: 3} }
                    db.add "item" { data = {name: "d", category: "tech", price: 4} }
                    var $r { value = [] }
                    foreach ([null, "tech", "", "home", null, "none", "tech"]) {
                      each as $c {
                        db.query "item" { where = $db.item.category ==? $c return = {type: "count"} } as $n
                        db.query "item" { where = $db.item.category == $c && $db.item.price >= 1 } as $rows
                        array.push $r { value = [$n, $rows|map:$$.name] }
                      }
                    }
                    var $s { value = [] }
                    foreach ([["a", "b"], [], ["c"], null, ["a", "b", "d"], ["zz"], [], ["d"]]) {
                      each as $names {
                        db.query "item" { where = $db.item.name in? $names sort = {name: "desc"} } as $rows
                        db.query "item" { where = $db.item.name not in? $names && $db.item.name != null return = {type: "single"} } as $first
                        array.push $s { value = [$rows|map:$$.name, $first.name] }
                      }
                    }
                    var $t { value = [] }
                    foreach ([true, false, true, 0, 2]) {
                      each as $on {
                        db.query "item" {
                          where = $on && $db.item.price > 1
                          sort = {price: $on|is_bool ? "asc" : "desc"}
                          return = {type: "exists"}
                        } as $any
                        db.query "item" { where = $db.item.price > 1 sort = {price: $on|is_bool ? "asc" : "desc"} return = {type: "single"} } as $top
                        array.push $t { value = [$any, $top.name] }
                      }
                    }
                """, "{eq: $r, in: $s, truth: $t}", ITEM);
        JsonNode r = json(fresh(engine, job));
        assertEquals("[[4,[\"b\"]],[2,[\"a\",\"d\"]],[4,[]],[1,[\"c\"]],[4,[\"b\"]],[0,[]],[2,[\"a\",\"d\"]]]",
                r.get("eq").toString(), engine);
        assertEquals("[[[\"b\",\"a\"],\"c\"],[[],\"a\"],[[\"c\"],\"a\"],[[\"d\",\"c\",\"b\",\"a\"],\"a\"],"
                + "[[\"d\",\"b\",\"a\"],\"c\"],[[],\"a\"],[[],\"a\"],[[\"d\"],\"a\"]]", r.get("in").toString(), engine);
        assertEquals("[[true,\"b\"],[false,\"b\"],[true,\"b\"],[false,\"d\"],[true,\"d\"]]", r.get("truth").toString(), engine);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void bulkStatementsDirectQueryAndSchema(String engine) throws IOException {
        Path job = job("bulk", "", """
                    db.bulk.add "product" {
                      data = [{name: "A", sku: "a", price: 1}, {name: "B", sku: "b", price: 2}, {name: "C", sku: "c", price: 3, stock: 5}]
                    } as $inserted
                    db.bulk.update "product" { where = $db.product.price >= 2 data = {status: "live"} } as $updated
                    db.bulk.patch "product" { where = $db.product.sku == "a" data = {stock: 9} } as $patched
                    db.bulk.delete "product" { where = $db.product.price > 2 } as $deleted
                    db.direct_query {
                      sql = "SELECT sku, stock FROM product WHERE status = ? ORDER BY id"
                      arg = ["live"]
                      response_type = "list"
                    } as $direct
                    db.direct_query { sql = "SELECT COUNT(*) AS n FROM product WHERE sku = ?" arg = ["a"] response_type = "single" } as $one
                    db.schema { table = "product" } as $schema
                    db.schema "category" as $named
                    db.truncate "product" { reset = true }
                    db.add "product" { data = {name: "Z", sku: "z", price: 1} } as $after
                """, "{inserted: $inserted, updated: $updated, patched: $patched, deleted: $deleted, direct: $direct, one: $one, columns: $schema.columns|map:$$.name, idx: $schema.indexes|count, named: $named.name, after: $after.id}",
                PRODUCT, CATEGORY);
        JsonNode r = json(fresh(engine, job));
        assertEquals(3, r.get("inserted").asInt());
        assertEquals(2, r.get("updated").asInt());
        assertEquals(1, r.get("patched").asInt());
        assertEquals(1, r.get("deleted").asInt());
        assertEquals("[{\"sku\":\"b\",\"stock\":0}]", r.get("direct").toString());
        assertEquals(1, r.get("one").get("n").asInt());
        assertEquals("id", r.get("columns").get(0).textValue());
        assertEquals(3, r.get("idx").asInt());
        assertEquals("category", r.get("named").textValue(), "db.schema also takes the table as its target");
        assertEquals(1, r.get("after").asInt(), "truncate with reset restarts ids");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void anErrorInsideATransactionLeavesNothingWritten(String engine) throws IOException {
        Path job = job("tx", "bool fail", """
                    db.transaction {
                      stack {
                        db.add "category" { data = {label: "one"} }
                        db.add "category" { data = {label: "two"} }
                        conditional {
                          if ($input.fail) {
                            throw { name = "Stop" value = "no" }
                          }
                        }
                      }
                    }
                    db.query "category" { return = {type: "count"} } as $n
                """, "$n", CATEGORY);
        if (engine.equals("memory")) {
            return;
        }
        Cli failed = fresh(engine, job, "--input", "fail=true");
        assertEquals(70, failed.exit, failed.toString());
        assertEquals("2", again(engine, job, "--input", "fail=false").out.strip());
        assertEquals(70, again(engine, job, "--input", "fail=true").exit);
        assertEquals("4", again(engine, job, "--input", "fail=false").out.strip());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void badStatementsAreNamedWithTheirPlace(String engine) throws IOException {
        Path unknownTable = job("t1", "", "db.get \"prodcut\" { field_value = 1 } as $x", "$x", PRODUCT, CATEGORY);
        Cli c = fresh(engine, unknownTable);
        assertEquals(65, c.exit, c.toString());
        assertTrue(c.err.contains("f.xs:6:") && c.err.contains("unknown table `prodcut`; did you mean `product`?"), c.err);

        Path unknownField = job("t2", "", "db.query \"product\" { where = $db.product.prise > 1 } as $x", "$x", PRODUCT, CATEGORY);
        c = fresh(engine, unknownField);
        assertEquals(65, c.exit, c.toString());
        assertTrue(c.err.contains("unknown field `prise` of table `product`; did you mean `price`?"), c.err);

        Path unknownWrite = job("t3", "", "db.add \"product\" { data = {name: \"a\", sku: \"a\", price: 1, colour: 2} } as $x", "$x", PRODUCT, CATEGORY);
        c = fresh(engine, unknownWrite);
        assertEquals(65, c.exit, c.toString());
        assertTrue(c.err.contains("unknown field `colour` of table `product`"), c.err);

        Path mismatch = job("t4", "", "db.add \"product\" { data = {name: \"a\", sku: \"a\", price: \"cheap\"} } as $x", "$x", PRODUCT, CATEGORY);
        c = fresh(engine, mismatch);
        assertEquals(65, c.exit, c.toString());
        assertTrue(c.err.contains("price") && c.err.contains("product"), c.err);

        Path badEnum = job("t5", "", "db.add \"product\" { data = {name: \"a\", sku: \"a\", price: 1, status: \"gone\"} } as $x", "$x", PRODUCT, CATEGORY);
        c = fresh(engine, badEnum);
        assertEquals(65, c.exit, c.toString());

        Path missing = job("t6", "", "db.add \"product\" { data = {name: \"a\", price: 1} } as $x", "$x", PRODUCT, CATEGORY);
        c = fresh(engine, missing);
        assertEquals(65, c.exit, c.toString());
        assertTrue(c.err.contains("Missing param: sku"), c.err);

        Path duplicate = job("t7", "", "db.add \"product\" { data = {name: \"a\", sku: \"a\", price: 1} }\n"
                + "db.add \"product\" { data = {name: \"b\", sku: \"a\", price: 1} }", "null", PRODUCT, CATEGORY);
        c = fresh(engine, duplicate);
        assertEquals(70, c.exit, c.toString());
        assertTrue(c.err.contains("Duplicate record detected") && c.err.contains("f.xs:7:"), c.err);

        Path noRecord = job("t8", "", "db.edit \"product\" { field_name = \"sku\" field_value = \"nope\" data = {stock: 1} } as $x", "$x", PRODUCT, CATEGORY);
        c = fresh(engine, noRecord);
        assertEquals(70, c.exit, c.toString());
        assertTrue(c.err.contains("ERROR_CODE_NOT_FOUND"), c.err);

        Path addon = job("t9", "", "db.query \"product\" { eval = {d: dbAddonAttr(\"disc\", {id: $db.product.id})} } as $x", "$x", PRODUCT, CATEGORY);
        c = fresh(engine, addon);
        assertEquals(65, c.exit, c.toString());
        assertTrue(c.err.contains("f.xs:6:") && c.err.contains("unknown addon `disc` (the job folder has no `addon` documents)"), c.err);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void valuesNeverChangeTheSql(String engine) throws IOException {
        String evil = "x' OR '1'='1";
        Path job = job("inject", "text evil", SEED + """
                    db.get "product" { field_name = "sku" field_value = $input.evil } as $get
                    db.has "product" { field_name = "sku" field_value = $input.evil } as $has
                    db.query "product" { where = $db.product.sku == $input.evil return = {type: "count"} } as $query
                    db.query "product" { where = ($db.product.name|to_lower) == $input.evil return = {type: "count"} } as $filtered
                    db.del "product" { field_name = "sku" field_value = $input.evil }
                    db.bulk.update "product" { where = $db.product.sku == $input.evil data = {stock: 1} } as $bulk
                    db.bulk.delete "product" { where = $db.product.sku == $input.evil } as $bulkdel
                    db.direct_query { sql = "SELECT COUNT(*) AS n FROM product WHERE sku = ?" arg = [$input.evil] response_type = "single" } as $direct
                    db.add "product" { data = {name: $input.evil, sku: $input.evil, price: 1} } as $added
                    db.edit "product" { field_name = "sku" field_value = $input.evil data = {name: $input.evil} } as $edited
                    db.query "product" { return = {type: "count"} } as $count
                """, "{get: $get, has: $has, query: $query, filtered: $filtered, bulk: $bulk, bulkdel: $bulkdel, direct: $direct.n, added: $added.sku, edited: $edited.name, count: $count}",
                PRODUCT, CATEGORY);
        JsonNode r = json(fresh(engine, job, "--input", "evil=" + evil));
        assertTrue(r.get("get").isNull());
        assertFalse(r.get("has").booleanValue());
        assertEquals(0, r.get("query").asInt());
        assertEquals(0, r.get("filtered").asInt());
        assertEquals(0, r.get("bulk").asInt());
        assertEquals(0, r.get("bulkdel").asInt());
        assertEquals(0, r.get("direct").asInt());
        assertEquals(evil, r.get("added").textValue());
        assertEquals(evil, r.get("edited").textValue());
        assertEquals(4, r.get("count").asInt());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void importAndExportJsonLinesAndCsv(String engine) throws IOException {
        Assumptions.assumeFalse(engine.equals("memory"), "a memory database lives for one command");
        Path job = job("io", "", "db.query \"category\" { sort = {id: \"asc\"} } as $x", "$x|map:$$.label", CATEGORY);
        String where = db(engine, job);
        assertEquals(0, Cli.run("db", "reset", "--job", job.toString(), "--db", where).exit);
        Path jsonl = dir.resolve("c.jsonl");
        Files.writeString(jsonl, "{\"label\": \"Kitchen\"}\n\n{\"id\": 7, \"label\": \"Garden\"}\n");
        Cli imp = Cli.run("db", "import", "category", jsonl.toString(), "--job", job.toString(), "--db", where);
        assertEquals(0, imp.exit, imp.toString());
        Path csv = dir.resolve("c.csv");
        Files.writeString(csv, "label\n\"Tools, hand\"\n\"say \"\"hi\"\"\"\n");
        assertEquals(0, Cli.run("db", "import", "category", csv.toString(), "--job", job.toString(), "--db", where).exit);
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"label\": \"ok\"}\n{\"label\": \n");
        Cli badRun = Cli.run("db", "import", "category", bad.toString(), "--job", job.toString(), "--db", where);
        assertEquals(65, badRun.exit, badRun.toString());
        assertTrue(badRun.err.contains("bad.jsonl:2:"), badRun.err);
        JsonNode labels = json(again(engine, job));
        assertEquals("[\"Kitchen\",\"Garden\",\"Tools, hand\",\"say \\\"hi\\\"\"]", labels.toString(), "nothing of the bad file was written");
        Cli export = Cli.run("db", "export", "category", "--job", job.toString(), "--db", where);
        assertEquals(0, export.exit, export.toString());
        assertEquals("{\"id\":1,\"label\":\"Kitchen\"}", export.out.lines().findFirst().orElse(""));
        assertTrue(export.out.contains("{\"id\":7,\"label\":\"Garden\"}"));
        Cli exportCsv = Cli.run("db", "export", "category", "--format", "csv", "--job", job.toString(), "--db", where);
        assertEquals("id,label", exportCsv.out.lines().findFirst().orElse(""));
        assertTrue(exportCsv.out.contains("8,\"Tools, hand\""), exportCsv.out);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void batchLinesRunConcurrentlyWithoutLostWrites(String engine) throws IOException {
        Assumptions.assumeFalse(engine.equals("memory"));
        Path job = job("batch", "int n", """
                    db.transaction {
                      stack {
                        db.add "category" { data = {label: "line " ~ $input.n} }
                        db.query "category" { return = {type: "count"} } as $count
                      }
                    }
                """, "$input.n", CATEGORY);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            lines.append("{\"n\": ").append(i).append("}\n");
        }
        Path inputs = dir.resolve("in.jsonl");
        Files.writeString(inputs, lines);
        Cli c = fresh(engine, job, "--inputs", inputs.toString(), "--concurrency", "16");
        assertEquals(0, c.exit, c.toString());
        assertFalse(c.all().contains("locked"));
        assertEquals(200, c.out.lines().count());
        Path count = job("batchcount", "", "db.query \"category\" { return = {type: \"count\"} } as $n", "$n", CATEGORY);
        String where = db(engine, job);
        Cli n = Cli.run("run", count.toString(), "--db", where);
        assertEquals("200", n.out.strip(), n.toString());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void batchLinesReadingThenWritingOneRecordLoseNoUpdate(String engine) throws IOException {
        Assumptions.assumeFalse(engine.equals("memory"), "the count is read after the batch, by another process");
        String counter = """
                table "counter" {
                  schema {
                    int id
                    int n?=0
                  }
                }
                """;
        Path job = job("counter", "int k", """
                    db.transaction {
                      stack {
                        db.get "counter" { field_name = "id" field_value = 1 } as $c
                        db.edit "counter" { field_name = "id" field_value = 1 data = {n: $c.n + 1} }
                      }
                    }
                    db.add_or_edit "category" { field_name = "label" field_value = "shared" data = {label: "shared"} }
                """, "$input.k", counter, CATEGORY);
        String where = db(engine, job);
        assertEquals(0, Cli.run("db", "reset", "--job", job.toString(), "--db", where).exit);
        assertEquals(0, Cli.run("db", "import", "counter", write("counter.jsonl", "{\"n\": 0}\n").toString(), "--job", job.toString(),
                "--db", where).exit);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            lines.append("{\"k\": ").append(i).append("}\n");
        }
        Cli c = again(engine, job, "--inputs", write("counter-in.jsonl", lines.toString()).toString(), "--concurrency", "16");
        assertEquals(0, c.exit, c.toString());
        Path read = job("counter-read", "", """
                    db.get "counter" { field_name = "id" field_value = 1 } as $c
                    db.query "category" { return = {type: "count"} } as $shared
                """, "{n: $c.n, shared: $shared}", counter, CATEGORY);
        JsonNode r = json(Cli.run("run", read.toString(), "--db", where));
        assertEquals(300, r.get("n").asInt(), "a db.get then db.edit in one db.transaction never loses another line's update");
        assertEquals(1, r.get("shared").asInt(), "concurrent db.add_or_edit of one key adds it once");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void tablesGrowWithTheirDocumentsAndTypeChangesAreRefused(String engine) throws IOException {
        Assumptions.assumeFalse(engine.equals("memory"));
        Path job = job("migrate", "", "db.query \"category\" {} as $x", "$x", CATEGORY);
        String where = db(engine, job);
        assertEquals(0, fresh(engine, job).exit);
        assertEquals(0, Cli.run("db", "import", "category", write("one.jsonl", "{\"label\": \"kept\"}\n").toString(),
                "--job", job.toString(), "--db", where).exit);
        Files.writeString(job.resolve("table").resolve("t0.xs"), CATEGORY.replace("text label", "text label\n    int rank?=3"));
        Cli plan = Cli.run("db", "migrate", "--dry-run", "--job", job.toString(), "--db", where);
        assertEquals(0, plan.exit, plan.toString());
        assertTrue(plan.out.contains("would add field category.rank (int)"), plan.out);
        JsonNode rows = json(again(engine, job));
        assertEquals("kept", rows.get(0).get("label").textValue());
        assertTrue(rows.get(0).get("rank").isNull(), "an added column is null in old rows");
        Files.writeString(job.resolve("table").resolve("t0.xs"), CATEGORY.replace("text label", "int label\n    int rank?=3"));
        Cli refused = again(engine, job);
        assertEquals(65, refused.exit, refused.toString());
        assertTrue(refused.err.contains("table `category`: field `label`") && refused.err.contains("xsrun db reset"), refused.err);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void unreachablePostgresExits69(String engine) throws IOException {
        Assumptions.assumeTrue(engine.equals("file"));
        Path job = job("pgdown", "", "db.query \"category\" {} as $x", "$x", CATEGORY);
        Cli c = Cli.run("run", job.toString(), "--db", "postgresql://u:topsecret@127.0.0.1:1/none");
        assertEquals(69, c.exit, c.toString());
        assertTrue(c.err.contains("cannot reach PostgreSQL at postgresql://127.0.0.1:1/none"), c.err);
        assertFalse(c.all().contains("topsecret"));
    }

    static final String MANY_TRANSACTIONS = """
                for (400) {
                  each as $i {
                    db.transaction {
                      stack {
                        for (250) {
                          each as $j {
                            db.add "category" { data = {label: "batch " ~ $i} }
                          }
                        }
                      }
                    }
                  }
                }
            """;

    private long rows(String engine, Path job) {
        try (Engine e = Engine.forSetting(db(engine, job), job)) {
            return e.once(c -> {
                try (java.sql.Statement s = c.createStatement();
                     java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + Engine.q("category"))) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aKilledRunLeavesWholeTransactionsOnly(String engine) throws Exception {
        Assumptions.assumeFalse(engine.equals("memory"));
        Path job = job("killed", "", MANY_TRANSACTIONS, "null", CATEGORY);
        assertEquals(0, Cli.run("db", "reset", "--job", job.toString(), "--db", db(engine, job)).exit);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.xsrun.cli.Main",
                "run", job.toString(), "--db", db(engine, job)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long seen = 0;
        long deadline = System.currentTimeMillis() + 60_000;
        while (seen == 0 && p.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            seen = rows(engine, job);
        }
        p.destroyForcibly().waitFor();
        assertTrue(seen > 0, "the child wrote something before it was killed");
        long after = rows(engine, job);
        assertTrue(after >= seen && after < 100_000, "killed mid-run: " + after);
        assertEquals(0, after % 250, "only whole transactions: " + after);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aTimeoutLeavesWholeTransactionsOnly(String engine) throws Exception {
        Assumptions.assumeFalse(engine.equals("memory"));
        // ten times the killed run's work: on a quiet machine 100,000 rows can be written within the limit
        Path job = job("timeout", "", MANY_TRANSACTIONS.replace("for (400)", "for (4000)"), "null", CATEGORY);
        Cli c = fresh(engine, job, "--timeout", "1500ms");
        assertEquals(75, c.exit, c.toString());
        long after = rows(engine, job);
        assertEquals(0, after % 250, "only whole transactions: " + after);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void referenceFieldsHoldAnyIdAndAMissingTableIsAWarning(String engine) throws IOException {
        Path dangling = job("refs", "", """
                    db.add "product" { data = {name: "Mug", sku: "M1", price: 3, category_id: 999} } as $p
                """, "$p.category_id", PRODUCT, CATEGORY);
        assertEquals("999", fresh(engine, dangling).out.strip(), "as in Xano, the referenced record is not looked up on write");

        Path missing = job("refs-missing", "", "db.query \"product\" { return = {type: \"count\"} } as $n", "$n",
                PRODUCT.replace("table = \"category\"", "table = \"categry\""), CATEGORY);
        Cli c = again(engine, missing);
        assertEquals(0, c.exit, c.toString());
        String warning = "table `product`: field `category_id` refers to table `categry`, which no `table` document of the job declares;"
                + " did you mean `category`?";
        assertTrue(c.err.contains("t0.xs:") && c.err.contains(warning), c.err);
        if (!engine.equals("memory")) {
            Cli migrate = Cli.run("db", "migrate", "--dry-run", "--job", missing.toString(), "--db", db(engine, missing));
            assertEquals(0, migrate.exit, migrate.toString());
            assertTrue(migrate.err.contains("note: ") && migrate.err.contains(warning), migrate.err);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void passwordFieldsVerifyWithCheckPassword(String engine) throws IOException {
        String account = """
                table "account" {
                  schema {
                    int id
                    text login
                    password password
                  }
                }
                """;
        Path job = job("passwords", "text given", """
                    db.add "account" { data = {login: "ann", password: "correct horse"} }
                    db.get "account" { field_name = "login" field_value = "ann" } as $user
                    security.check_password { text_password = $input.given hash_password = $user.password } as $valid
                    security.check_password { text_password = "correct horse!" hash_password = $user.password } as $wrong
                    db.edit "account" { field_name = "login" field_value = "ann" data = {password: "battery staple"} } as $edited
                    security.check_password { text_password = "battery staple" hash_password = $edited.password } as $changed
                    security.check_password { text_password = $input.given hash_password = $edited.password } as $old
                    db.add "account" { data = {login: "bob", password: "$2y$04$saltsaltsaltsaltsalt.uYdq2ryPPz6zx/0dbT5QYF0uS4r5I4c6"} } as $imported
                    security.check_password { text_password = $input.given hash_password = $imported.password } as $kept
                """, "{valid: $valid, wrong: $wrong, changed: $changed, old: $old, kept: $kept, hash: $user.password}", account);
        Cli c = fresh(engine, job, "--input", "given=correct horse");
        JsonNode r = json(c);
        assertTrue(r.get("valid").booleanValue(), "a password written by db.add verifies with security.check_password");
        assertFalse(r.get("wrong").booleanValue());
        assertTrue(r.get("changed").booleanValue(), "db.edit hashes the new password");
        assertFalse(r.get("old").booleanValue());
        assertTrue(r.get("kept").booleanValue(), "a bcrypt hash given as the value is stored as it is");
        assertTrue(Passwords.isHash(r.get("hash").textValue()), r.get("hash").textValue());
        assertFalse(c.all().contains("battery staple"), "the plain password is never printed");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void sensitiveFieldsAreMaskedInOutput(String engine) throws IOException {
        String person = """
                table "person" {
                  schema {
                    int id
                    text name
                    text ssn {
                      sensitive = true
                    }
                  }
                }
                """;
        Path job = job("sensitive", "", """
                    db.add "person" { data = {name: "Ann", ssn: "078-05-1120"} }
                    db.query "person" { return = {type: "single"} } as $p
                    debug.log { value = $p }
                """, "$p", person);
        Cli c = fresh(engine, job);
        assertEquals(0, c.exit, c.toString());
        assertFalse(c.all().contains("078-05-1120"), c.toString());
        assertTrue(c.out.contains("Ann"));
    }

    /**
     * Statements are prepared once per connection and reused: a reused statement binds each run's own
     * values, one that failed (a unique violation) is prepared afresh, and after the job's own SQL changes
     * a table, reads show its new column (PostgreSQL prepares on the server after five runs).
     */
    @ParameterizedTest
    @MethodSource("engines")
    void reusedStatementsFollowValuesFailuresAndChangedTables(String engine) throws IOException {
        Path job = job("reuse", "", """
                    var $labels { value = [] }
                    for (7) {
                      each as $i {
                        db.add "category" { data = {label: "c" ~ $i} } as $added
                        db.get "category" { field_name = "id" field_value = $added.id } as $got
                        array.push $labels { value = $got.label }
                      }
                    }
                    var $duplicate { value = "" }
                    try_catch {
                      try {
                        db.add "product" { data = {name: "A", sku: "same", price: 1} }
                        db.add "product" { data = {name: "B", sku: "same", price: 2} }
                      }
                      catch {
                        var $duplicate { value = $error.message }
                      }
                    }
                    db.add "product" { data = {name: "C", sku: "other", price: 3} } as $after
                    db.direct_query { sql = "ALTER TABLE category ADD COLUMN note TEXT" }
                    db.get "category" { field_name = "id" field_value = 1 } as $changed
                """, "{labels: $labels, duplicate: $duplicate, after: $after.sku, changed: $changed}", PRODUCT, CATEGORY);
        JsonNode r = json(fresh(engine, job));
        assertEquals("[\"c0\",\"c1\",\"c2\",\"c3\",\"c4\",\"c5\",\"c6\"]", r.get("labels").toString());
        assertFalse(r.get("duplicate").asText().isEmpty(), r.toString());
        assertEquals("other", r.get("after").asText());
        assertEquals("{\"id\":1,\"label\":\"c0\",\"note\":null}", r.get("changed").toString());
    }

    static final String KINDS = """
            table "kinds" {
              schema {
                int id
                text label filters=trim
                int n?
                decimal price?
                bool flag?
                timestamp at?
                date day?
                json doc?
                text[] tags?
                int[] nums?
                enum status?="draft" {
                  values = ["draft", "live"]
                }
                email mail?
                text secret? {
                  sensitive = true
                }
              }
              index = [{type: "primary", field: [{name: "id"}]}]
            }
            """;

    /**
     * What {@code db.add} and {@code db.add_or_edit} give back is the record as stored, the same as a
     * later read of it, for every field type and for values the database changes as it stores them
     * (an int given to a decimal, negative zero, text beyond the basic plane, JSON text and documents,
     * absent fields); and after the job's own SQL gives a column a default, the default is in it too.
     */
    @ParameterizedTest
    @MethodSource("engines")
    void addGivesTheRecordAsStored(String engine) throws IOException {
        Path job = job("stored", "", """
                    var $rows { value = [] }
                    var $given { value = [
                      {label: "  full  ", n: 5, price: 3, flag: "yes", at: "2024-01-02T03:04:05Z", day: "2024-02-03",
                       doc: {x: 1.0, y: [1, "two", null, true], z: {}}, tags: ["a", "b"], nums: [1, 2], status: "live",
                       mail: "a@b.co", secret: "s3cr3t"},
                      {label: "é ✓ 😀 日本", n: 9007199254740993, price: -0.0, flag: false, doc: "{\\"a\\":1}", tags: []},
                      {label: "numbers", price: 123456789012.5, doc: 12, nums: [0, -1]},
                      {label: "text doc", doc: "just text", price: 0.1},
                      {label: "nothing else"}
                    ] }
                    foreach ($given) {
                      each as $g {
                        db.add "kinds" { data = $g } as $added
                        db.get "kinds" { field_name = "id" field_value = $added.id } as $got
                        array.push $rows { value = [$added, $got] }
                      }
                    }
                    db.add_or_edit "kinds" { field_name = "label" field_value = "upserted" data = {n: 7, doc: [1, 2]} } as $added
                    db.get "kinds" { field_name = "id" field_value = $added.id } as $got
                    array.push $rows { value = [$added, $got] }
                    db.direct_query { sql = "ALTER TABLE kinds ADD COLUMN note TEXT DEFAULT 'from sql'" }
                    db.add "kinds" { data = {label: "after the default"} } as $added
                    db.get "kinds" { field_name = "id" field_value = $added.id } as $got
                    array.push $rows { value = [$added, $got] }
                """, "$rows", KINDS);
        JsonNode rows = json(fresh(engine, job));
        assertEquals(7, rows.size(), rows.toString());
        for (JsonNode pair : rows) {
            assertEquals(pair.get(1).toString(), pair.get(0).toString(), "the added record is the stored one");
        }
        assertEquals("from sql", rows.get(6).get(0).get("note").asText(), rows.get(6).toString());
        assertEquals(3.0, rows.get(0).get(0).get("price").doubleValue());
        assertTrue(rows.get(4).get(0).get("n").isNull(), rows.get(4).toString());
    }

    static final String CITY = """
            table "city" {
              schema {
                int id
                text name filters=trim
                int population?=0
                date? founded?
                timestamp created_at?=now
              }
              index = [{type: "primary", field: [{name: "id"}]}]
              items = [
                {"id": 5, "name": " Oslo ", "population": 700000}
                {"id": 9, "name": "Bergen"}
              ]
            }
            """;

    /**
     * A table's {@code items = [..]} are its records when xsrun creates it (validated like db.add, their ids
     * kept, later ids following the highest); a table that already exists does not get them again.
     */
    @ParameterizedTest
    @MethodSource("engines")
    void tableItemsAreTheRecordsOfANewTable(String engine) throws IOException {
        Path job = job("items", "", """
                    db.add "city" { data = {name: "Turku"} } as $new
                    db.query "city" { sort = {id: "asc"} } as $all
                """, "{new: $new.id, all: $all|map:{id: $$.id, name: $$.name, population: $$.population}}", CITY);
        String want = "[{\"id\":5,\"name\":\"Oslo\",\"population\":700000},{\"id\":9,\"name\":\"Bergen\",\"population\":0},"
                + "{\"id\":10,\"name\":\"Turku\",\"population\":0}]";
        JsonNode r = json(fresh(engine, job));
        assertEquals(10, r.get("new").asInt());
        assertEquals(want, r.get("all").toString());
        if (!engine.equals("memory")) {
            JsonNode second = json(again(engine, job));
            assertEquals(11, second.get("new").asInt(), "items are not added again to a table that exists");
            assertEquals(4, second.get("all").size());
            Cli reset = Cli.run("db", "reset", "--job", job.toString(), "--db", db(engine, job));
            assertEquals(0, reset.exit, reset.toString());
            assertEquals(want, json(again(engine, job)).get("all").toString(), "reset makes the table hold its items again");
        }
        if (engine.equals("file")) {
            Path planned = job("items_plan", "", "db.query \"city\" {} as $x", "$x", CITY);
            Cli plan = Cli.run("db", "migrate", "--dry-run", "--job", planned.toString(), "--db", db(engine, planned));
            assertTrue(plan.out.contains("would add table city's 2 items"), plan.toString());
        }
        if (!engine.equals("postgresql")) {
            // a bad item stops the run before any statement, naming the table and the field (a shared server keeps its tables)
            Path bad = job("bad_items", "", "db.query \"city\" {} as $x", "$x",
                    CITY.replace("{\"id\": 9, \"name\": \"Bergen\"}", "{\"id\": 9, \"population\": 3}"));
            Cli failed = again(engine, bad);
            assertEquals(65, failed.exit, failed.toString());
            assertTrue(failed.err.contains("t0.xs:1:1: table `city`, items: Missing param: name"), failed.err);
        }
    }

    /**
     * db.get, db.has, db.edit, db.patch, db.del and db.add_or_edit name their record by a {@code where}
     * when they give no field_name (as Xano's essentials page does): the first, by id, that matches.
     */
    @ParameterizedTest
    @MethodSource("engines")
    void singleRecordStatementsFindTheirRecordByWhere(String engine) throws IOException {
        Path job = job("by_where", "text wanted", """
                    db.get "city" { where = $db.city.population > 1000 } as $big
                    db.get "city" { where = $db.city.name == $input.wanted } as $wanted
                    db.has "city" { where = $db.city.name == "Rome" } as $rome
                    db.edit "city" { where = $db.city.name == "Bergen" data = {population: 285000} } as $edited
                    db.patch "city" { where = $db.city.population >= 285000 && $db.city.id > 5 data = {name: " Bergen by the sea "} } as $patched
                    db.add_or_edit "city" { where = $db.city.name == "Rome" data = {name: "Rome", population: 3} } as $added
                    db.add_or_edit "city" { where = $db.city.name == "Rome" data = {population: 4} } as $changed
                    db.del "city" { where = $db.city.population > 500000 }
                    db.query "city" { sort = {id: "asc"} } as $left
                    var $missing { value = null }
                    try_catch {
                      try {
                        db.edit "city" { where = $db.city.name == "Oslo" data = {population: 1} }
                      }
                      catch {
                        var $missing { value = $error }
                      }
                    }
                """, "{big: $big.id, wanted: $wanted.id, rome: $rome, edited: $edited.population, patched: $patched.name, "
                + "added: $added.id, changed: $changed.population, left: $left|map:$$.name, missing: $missing}", CITY);
        JsonNode r = json(fresh(engine, job, "--input", "wanted=Bergen"));
        assertEquals(5, r.get("big").asInt(), "the first match by id");
        assertEquals(9, r.get("wanted").asInt(), "an input in the where is a bound value");
        assertFalse(r.get("rome").booleanValue());
        assertEquals(285000, r.get("edited").asInt());
        assertEquals("Bergen by the sea", r.get("patched").asText(), "the where of db.patch combines conditions; filters apply");
        assertEquals(10, r.get("added").asInt());
        assertEquals(4, r.get("changed").asInt());
        assertEquals("[\"Bergen by the sea\",\"Rome\"]", r.get("left").toString());
        assertEquals("ERROR_CODE_NOT_FOUND", r.get("missing").get("code").asText());
        assertEquals("Unable to locate record: no row of table `city` matches the where condition.", r.get("missing").get("message").asText());
    }

    /** A date field compared with a timestamp (now, epoch milliseconds) compares with that moment's UTC date. */
    @ParameterizedTest
    @MethodSource("engines")
    void dateFieldsCompareWithTimestampsByTheirDate(String engine) throws IOException {
        Path job = job("dates", "", """
                    db.edit "city" { field_name = "id" field_value = 5 data = {founded: "2001-02-03"} }
                    db.add "city" { data = {name: "Future", founded: "2999-01-01"} }
                    db.query "city" { where = $db.city.founded >= now sort = {id: "asc"} } as $upcoming
                    db.query "city" { where = $db.city.founded < now sort = {id: "asc"} } as $before
                    db.query "city" { where = $db.city.founded == 981158400000 } as $sameDay
                    db.query "city" { where = $db.city.founded == "2001-02-03" } as $byText
                """, "{upcoming: $upcoming|map:$$.name, before: $before|map:$$.name, same_day: $sameDay|map:$$.name, by_text: $byText|map:$$.name}", CITY);
        JsonNode r = json(fresh(engine, job));
        assertEquals("[\"Future\"]", r.get("upcoming").toString(), "Bergen has no date");
        assertEquals("[\"Oslo\"]", r.get("before").toString());
        assertEquals("[\"Oslo\"]", r.get("same_day").toString(), "2001-02-03T00:00:00Z as epoch ms is that date");
        assertEquals("[\"Oslo\"]", r.get("by_text").toString());
    }

    /** {@code select = [..]} keeps only the named fields of each record, in that order, evals included. */
    @ParameterizedTest
    @MethodSource("engines")
    void selectKeepsTheNamedFields(String engine) throws IOException {
        Path job = job("select", "", """
                    db.query "city" { select = ["name", "id"] sort = {id: "asc"} } as $all
                    db.query "city" {
                      eval = {people: $db.city.population}
                      select = ["people"]
                      return = {type: "list", paging: {page: 1, per_page: 1}}
                    } as $paged
                    db.query "city" { where = $db.city.id == 9 select = ["population"] return = {type: "single"} } as $one
                    var $bad { value = "" }
                    try_catch {
                      try {
                        db.query "city" { select = ["nmae"] } as $x
                      }
                      catch {
                        var $bad { value = $error.message }
                      }
                    }
                """, "{all: $all, paged: $paged.items, one: $one, bad: $bad}", CITY);
        JsonNode r = json(fresh(engine, job));
        assertEquals("[{\"name\":\"Oslo\",\"id\":5},{\"name\":\"Bergen\",\"id\":9}]", r.get("all").toString());
        assertEquals("[{\"people\":700000}]", r.get("paged").toString());
        assertEquals("{\"population\":0}", r.get("one").toString());
        assertTrue(r.get("bad").asText().contains("`select` names `nmae`"), r.toString());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void evalConditionsAreBoolsOnEveryEngine(String engine) throws IOException {
        Path job = job("eval-bool", "", """
                    db.query "city" {
                      eval = {big: $db.city.population > 1000, both: $db.city.population > 1000 && $db.city.id == 5,
                              none: !($db.city.id == 5), named: $db.city.name includes "erg", people: $db.city.population}
                      sort = {id: "asc"}
                    } as $all
                """, "$all", CITY);
        JsonNode r = json(fresh(engine, job));
        List<String> seen = new ArrayList<>();
        for (JsonNode row : r) {
            seen.add(row.get("big") + " " + row.get("both") + " " + row.get("none") + " " + row.get("named") + " " + row.get("people"));
        }
        assertEquals(List.of("true true false false 700000", "false false true true 0"), seen, r.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
