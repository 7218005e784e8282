package dev.xsrun.ast;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xsrun.value.SourceSpan;
import java.util.List;

/**
 * One declaration of an {@code input} or {@code schema} block, e.g.
 * {@code text? name?="x" filters=trim|lower { description = ".." sensitive = true }}.
 *
 * @param defaultValue the default, or Java null when none is declared
 * @param minItems     lower bound of a list's length, or -1
 * @param maxItems     upper bound of a list's length, or -1
 */
public record InputField(String type, String name, boolean list, int minItems, int maxItems, boolean nullable,
                         boolean optional, JsonNode defaultValue, List<InputFilter> filters, String description,
                         boolean sensitive, List<String> values, List<InputField> schema, SourceSpan span) {
    public InputField {
        filters = List.copyOf(filters);
        values = List.copyOf(values);
        schema = List.copyOf(schema);
    }

    /** {@code trim}, {@code min:3}, {@code pattern:^a+$:message}: a name and raw text arguments. */
    public record InputFilter(String name, List<String> args, SourceSpan span) {
        public InputFilter {
            args = List.copyOf(args);
        }
    }
}
