package dev.xsrun.filters;

/** What a filter parameter accepts; the binder converts or rejects arguments by it. */
public enum ArgType {
    /** any value, passed as it is */
    ANY("any value"),
    /** a scalar, converted to text */
    TEXT("text"),
    /** a number or numeric text */
    NUMBER("a number"),
    /** a number or numeric text, truncated to an int */
    INT("an int"),
    /** any value, read for truthiness */
    BOOL("a bool"),
    /** a path: dot-separated text ("items.0.sku") or an int index; lists and objects are rejected */
    PATH("a path (text or int)"),
    /** an array (null reads as an empty array) */
    LIST("an array"),
    /** an object (null reads as an empty object) */
    OBJECT("an object"),
    /** an unevaluated expression, evaluated by the filter per element ($$, $index, $result) */
    EXPR("an expression");

    public final String description;

    ArgType(String description) {
        this.description = description;
    }
}
