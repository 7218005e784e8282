package dev.xsrun.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.xsrun.value.Json;
import org.junit.jupiter.api.Test;

class FormEncodingAndRouteTest {
    @Test
    void urlencodeIsPhps() {
        assertEquals("a+b%7E%2A%27%21-_.", FormEncoding.urlencode("a b~*'!-_."));
        assertEquals("%E2%82%AC", FormEncoding.urlencode("€"));
    }

    @Test
    void topLevelListsUseBareIndexesAndDeepNestingKeepsBrackets() throws Exception {
        assertEquals("0=a&1=b", FormEncoding.httpBuildQuery(Json.parse("[\"a\",\"b\"]")));
        assertEquals("a%5Bb%5D%5B0%5D%5Bc%5D=1&d=0.1",
                FormEncoding.httpBuildQuery(Json.parse("{\"a\":{\"b\":[{\"c\":1}]},\"d\":0.1,\"e\":{}}")));
        assertEquals("", FormEncoding.httpBuildQuery(Json.parse("{}")));
    }

    @Test
    void routeSplitsBeforeTheTargetUrl() {
        Route r = Route.parse("https://api.example.test/v1?x=1=http://127.0.0.1:8089/stub");
        assertEquals("https://api.example.test/v1?x=1", r.from());
        assertEquals("http://127.0.0.1:8089/stub", r.to());
        assertEquals("http://127.0.0.1:8089/stub&y=2", r.apply("https://api.example.test/v1?x=1&y=2"));
        assertNull(r.apply("https://other.test/"));
        assertEquals(new Route("a", "b"), Route.parse("a=b"));
        assertThrows(IllegalArgumentException.class, () -> Route.parse("=http://x"));
        assertThrows(IllegalArgumentException.class, () -> Route.parse("no-equals"));
    }
}
