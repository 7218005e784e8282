package dev.xsrun.syntax;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.Values;

/** The casts behind typed constants such as {@code !int "42"}. */
final class TypedConstants {
    private TypedConstants() {
    }

    static JsonNode cast(String type, String text) {
        switch (type) {
            case "int":
                return Values.of(Values.toLong(Values.of(text)));
            case "decimal":
                return Values.of(Values.toDouble(Values.of(text)));
            case "bool": {
                String t = text.trim().toLowerCase();
                return Values.of(t.equals("true") || t.equals("1") || t.equals("yes") || t.equals("on"));
            }
            case "null":
                return Values.NULL;
            case "timestamp":
                return Values.of(text);
            default:
                return Values.of(text);
        }
    }
}
