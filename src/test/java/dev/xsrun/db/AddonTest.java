package dev.xsrun.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Addons through the command line, on every engine of {@link DatabaseTest}: {@code addon = [..]} on
 * db.query (list, page, single) and db.get, {@code dbAddonAttr(..)} in an eval, {@code addon.call} of a
 * workflow test, and the errors of an unknown addon, an addon that is not one query and an {@code as}
 * path that cannot be set.
 */
class AddonTest {
    @TempDir
    Path dir;

    private final DatabaseTest db = new DatabaseTest();

    @BeforeEach
    void share() {
        db.dir = dir;
    }

    static final String TEAM = """
            table "team" {
              schema {
                int id
                text city
              }
            }
            """;

    static final String PLAYER = """
            table "player" {
              schema {
                int id
                int team_id {
                  table = "team"
                }
                text nick
                int goals?=0
              }
            }
            """;

    /** Three teams: Oslo with two players, Lima with one, Kyiv with none. */
    static final String SEED = """
                db.add team { data = {city: "Oslo"} } as $oslo
                db.add team { data = {city: "Lima"} } as $lima
                db.add team { data = {city: "Kyiv"} } as $kyiv
                db.add player { data = {team_id: $oslo.id, nick: "ole", goals: 3} }
                db.add player { data = {team_id: $oslo.id, nick: "kari", goals: 9} }
                db.add player { data = {team_id: $lima.id, nick: "rosa", goals: 5} }
            """;

    static final String SQUAD_SIZE = """
            addon squad_size {
              input {
                int team
              }
              stack {
                db.query player {
                  where = $db.player.team_id == $input.team
                  return = {type: "count"}
                }
              }
            }
            """;

    static final String SCORERS = """
            addon scorers {
              input {
                int team
                int at_least?=4
              }
              stack {
                db.query player {
                  where = $db.player.team_id == $input.team && $db.player.goals >= $input.at_least
                  sort = {goals: "desc"}
                  return = {type: "list"}
                }
              }
            }
            """;

    static final String TOP_SCORER = """
            addon top_scorer {
              input {
                int team
              }
              stack {
                db.query player {
                  where = $db.player.team_id == $input.team
                  sort = {goals: "desc"}
                  return = {type: "single"}
                }
              }
            }
            """;

    /** A job folder with the two tables, the three addons above and function "f" of that stack and response. */
    Path job(String name, String stack, String response) throws IOException {
        Path job = db.job(name, "", SEED + stack, response, TEAM, PLAYER);
        Files.createDirectories(job.resolve("addon"));
        Files.writeString(job.resolve("addon/squad_size.xs"), SQUAD_SIZE);
        Files.writeString(job.resolve("addon/scorers.xs"), SCORERS);
        Files.writeString(job.resolve("addon/top_scorer.xs"), TOP_SCORER);
        return job;
    }

    static String nicks(JsonNode players) {
        StringBuilder out = new StringBuilder();
        players.forEach(p -> out.append(out.length() > 0 ? "," : "").append(p.path("nick").asText()));
        return out.toString();
    }

    @ParameterizedTest
    @MethodSource("dev.xsrun.db.DatabaseTest#engines")
    void aListGetsEachAddonsValuePerRecordAtItsPath(String engine) throws IOException {
        Path job = job("list", """
                    db.query team {
                      sort = {id: "asc"}
                      addon = [
                        {name: "squad_size", input: {team: $output.id}, as: "items.size"}
                        {name: "scorers", input: {team: $output.id}, as: "stats.scorers"}
                        {name: "top_scorer", input: {team: $output.id}, as: "best"}
                      ]
                    } as $teams
                """, "$teams");
        JsonNode teams = DatabaseTest.json(db.fresh(engine, job));
        assertEquals(3, teams.size(), teams.toString());
        assertEquals("[2,1,0]", "[" + teams.get(0).get("size") + "," + teams.get(1).get("size") + "," + teams.get(2).get("size") + "]");
        assertEquals("kari", nicks(teams.get(0).path("stats").path("scorers")));
        assertEquals("rosa", nicks(teams.get(1).path("stats").path("scorers")));
        assertTrue(teams.get(2).path("stats").path("scorers").isArray() && teams.get(2).path("stats").path("scorers").isEmpty(), teams.toString());
        assertEquals("kari", teams.get(0).path("best").path("nick").asText());
        assertTrue(teams.get(2).get("best").isNull(), "a single with no record is null: " + teams);
        assertEquals("[\"id\",\"city\",\"size\",\"stats\",\"best\"]", fields(teams.get(0)));
    }

    private static String fields(JsonNode record) {
        StringBuilder out = new StringBuilder("[");
        record.fieldNames().forEachRemaining(n -> out.append(out.length() > 1 ? "," : "").append('"').append(n).append('"'));
        return out.append(']').toString();
    }

    @ParameterizedTest
    @MethodSource("dev.xsrun.db.DatabaseTest#engines")
    void aPageGetsItsItemsFilledAndASingleAGetOrAnAddTheirRecord(String engine) throws IOException {
        Path job = job("page", """
                    db.query team {
                      addon = [{name: "squad_size", input: {team: $output.id}, as: "items.size"}]
                      return = {type: "list", paging: {page: 2, per_page: 2}}
                    } as $page
                    db.query team {
                      where = $db.team.city == "Oslo"
                      addon = [{name: "scorers", input: {team: $output.id, at_least: 1}, as: "all"}]
                      return = {type: "single"}
                    } as $single
                    db.get team {
                      field_name = "city"
                      field_value = "Lima"
                      addon = [{name: "top_scorer", input: {team: $output.id}, as: "best"}]
                    } as $got
                    db.get team {
                      field_name = "city"
                      field_value = "Rome"
                      addon = [{name: "top_scorer", input: {team: $output.id}, as: "best"}]
                    } as $none
                    db.add team {
                      data = {city: "Rome"}
                      addon = [{name: "squad_size", input: {team: $output.id}, as: "size"}]
                    } as $added
                """, "{page: $page, single: $single, got: $got, none: $none, added: $added}");
        JsonNode r = DatabaseTest.json(db.fresh(engine, job));
        assertEquals(2, r.path("page").path("curPage").asInt(), r.toString());
        assertEquals(1, r.path("page").path("items").size(), r.toString());
        assertEquals("Kyiv", r.path("page").path("items").get(0).path("city").asText());
        assertEquals(0, r.path("page").path("items").get(0).path("size").asInt(-1), r.toString());
        assertFalse(r.path("page").has("size"), "the page itself gets no field: " + r);
        assertEquals("kari,ole", nicks(r.path("single").path("all")));
        assertEquals("rosa", r.path("got").path("best").path("nick").asText(), r.toString());
        assertTrue(r.get("none").isNull(), r.toString());
        assertEquals("Rome", r.path("added").path("city").asText(), r.toString());
        assertEquals(0, r.path("added").path("size").asInt(-1), r.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.xsrun.db.DatabaseTest#engines")
    void dbAddonAttrPutsTheAddonsValueForEachRowInItsEvalField(String engine) throws IOException {
        Path job = job("eval", """
                    var $bar { value = 6 }
                    db.query team {
                      eval = {
                        size: dbAddonAttr("squad_size", {team: $db.team.id}),
                        loud: $db.team.city|to_upper,
                        stars: dbAddonAttr("scorers", {team: $db.team.id, at_least: $bar})
                      }
                      sort = {loud: "desc"}
                      select = ["city", "size", "stars"]
                    } as $teams
                """, "$teams");
        JsonNode teams = DatabaseTest.json(db.fresh(engine, job));
        assertEquals("[\"city\",\"size\",\"stars\"]", fields(teams.get(0)), teams.toString());
        assertEquals("Oslo Lima Kyiv", teams.get(0).get("city").asText() + " " + teams.get(1).get("city").asText() + " "
                + teams.get(2).get("city").asText());
        assertEquals(2, teams.get(0).get("size").asInt(-1));
        assertEquals(1, teams.get(1).get("size").asInt(-1));
        assertEquals(0, teams.get(2).get("size").asInt(-1));
        assertEquals("kari", nicks(teams.get(0).get("stars")));
        assertEquals("", nicks(teams.get(1).get("stars")), "rosa's 5 goals are under the bar of 6: " + teams);
    }

    @ParameterizedTest
    @MethodSource("dev.xsrun.db.DatabaseTest#engines")
    void anUnknownAddonAnAddonOfOtherStatementsAndAPathThatCannotBeSetStopTheRunAtTheirSource(String engine) throws IOException {
        String sizeAs = "db.query team { addon = [{name: \"squad_size\", input: {team: $output.id}, as: ";
        stops(engine, job("unknown", "db.query team { addon = [{name: \"squad_sise\", input: {team: $output.id}, as: \"n\"}] } as $t", "$t"),
                65, "12:33: unknown addon `squad_sise`; did you mean `squad_size`?");

        Path notOneQuery = job("two", "db.query team { addon = [{name: \"busy\", input: {}, as: \"n\"}] } as $t", "$t");
        Files.writeString(notOneQuery.resolve("addon/busy.xs"), "addon busy {\n  input {\n  }\n  stack {\n    var $x { value = 1 }\n"
                + "    db.query player { return = {type: \"count\"} }\n  }\n}\n");
        stops(engine, notOneQuery, 65, "12:33: addon `busy` cannot run: an addon's stack is one `db.query`, this one has 2 statements");

        stops(engine, job("path", sizeAs + "\"city.n\"}] } as $t", "$t"),
                70, "12:78: addon `squad_size`: cannot set `city.n`: field `city` of the record holds text, not an object");
        stops(engine, job("items", sizeAs + "\"n\"}] return = {type: \"list\", paging: {page: 1}} } as $t", "$t"),
                65, "12:78: `as: \"n\"`: the records of a paged result are its `items`; write `items.n`");
        stops(engine, job("count", sizeAs + "\"n\"}] return = {type: \"count\"} } as $t", "$t"),
                65, "12:25: `addon` adds fields to records, and this db.query gives int");
        stops(engine, job("sort", "db.query team { eval = {n: dbAddonAttr(\"squad_size\", {team: $db.team.id})} sort = {n: \"asc\"} } as $t", "$t"),
                65, "12:83: cannot sort by `n`: it is an addon's value, computed after the query");
    }

    /** Runs the job from empty tables and expects that exit code and the error at that line:column of f.xs. */
    private void stops(String engine, Path job, int exit, String error) {
        Cli c = db.fresh(engine, job);
        assertEquals(exit, c.exit, c.toString());
        assertTrue(c.err.contains(job.resolve("f.xs") + ":" + error), c.err);
    }

    @Test
    void checkNoLongerWarnsAndAWorkflowTestsAddonCallGivesTheQuerysResult() throws IOException {
        Path job = job("calls", "db.query team { addon = [{name: \"squad_size\", input: {team: $output.id}, as: \"n\"}] } as $t", "$t");
        Files.createDirectories(job.resolve("workflow_test"));
        Files.writeString(job.resolve("workflow_test/sizes.xs"), """
                workflow_test "counts a squad through addon.call" {
                  stack {
                    db.add team { data = {city: "Quito"} } as $q
                    db.add player { data = {team_id: $q.id, nick: "ana"} }
                    addon.call "squad_size" { input = {team: $q.id} } as $size
                    expect.to_equal ($size) { value = 1 }
                    addon.call "top_scorer" { input = {team: $q.id} } as $best
                    expect.to_equal ($best.nick) { value = "ana" }
                  }
                }
                """);
        Cli check = Cli.run("check", job.toString());
        assertEquals(0, check.exit, check.toString());
        assertFalse(check.all().contains("warning"), check.toString());
        Cli test = Cli.run("test", job.toString());
        assertEquals(0, test.exit, test.toString());
        assertTrue(test.out.endsWith("1 passed, 0 failed\n"), test.out);
    }
}
