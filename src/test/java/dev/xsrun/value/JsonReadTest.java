package dev.xsrun.value;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Json's own tree reader gives exactly the trees (node classes included) Jackson's ObjectMapper gives. */
class JsonReadTest {
    private static final List<String> SAMPLES = List.of(
            "0", "-1", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "123456789012345678901234567890", "1.5", "-0.0", "1e3", "1E-7", "2.0",
            "0.1000000000000000055511151231257827", "true", "false", "null", "\"\"", "\"h\\u00e9llo \\ud83d\\ude00\\n\"",
            "[]", "{}", "[1, [2, [3, {\"a\": [null]}]]]", "{\"a\": 1, \"a\": 2}", "{\"k\": {\"x\": [], \"y\": {}}}",
            "  {\"user_id\": \"u1\", \"properties\": {\"n\": 12.25, \"big\": 1e400}}  ",
            "{\"\": \"empty key\", \"é\": \"ü\"}");

    @Test
    void treesMatchObjectMapper() throws Exception {
        for (String s : SAMPLES) {
            JsonNode mine = Json.parse(s);
            JsonNode theirs = Json.mapper().readTree(s);
            assertEquals(theirs, mine, s);
            sameClasses(theirs, mine, s);
        }
    }

    private static void sameClasses(JsonNode a, JsonNode b, String where) {
        assertEquals(a.getClass(), b.getClass(), where);
        if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                sameClasses(a.get(i), b.get(i), where);
            }
        } else if (a.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = a.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sameClasses(e.getValue(), b.get(e.getKey()), where);
            }
        }
    }

    @Test
    void emptyTextIsNullAndTrailingTextIsIgnoredByParse() throws Exception {
        assertEquals(Values.NULL, Json.parse(""));
        assertEquals(Json.parse("[1]"), Json.parse("[1] trailing"));
        assertNull(Json.tryParse("[1] trailing"));
        assertNull(Json.tryParse("{\"a\": }"));
    }

    @Test
    void badJsonNamesItsPlace() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> Json.parse("{\"a\": 1,\n \"b\": }"));
        assertEquals(2, e.getLocation().getLineNr());
    }
}
