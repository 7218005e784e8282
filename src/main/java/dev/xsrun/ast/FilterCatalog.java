package dev.xsrun.ast;

import java.util.Collection;

/** What the syntax checker needs to know about filters, supplied by the filter registry. */
public interface FilterCatalog {
    /** True for a filter name or alias usable in expressions. */
    boolean isKnown(String name);

    /** True for names valid only inside database queries. */
    boolean isDbOnly(String name);

    /** A message when {@code count} arguments do not fit the filter's signature, else null. */
    String arityProblem(String name, int count);

    /** Every name, for suggestions. */
    Collection<String> names();

    /** The names valid only inside database queries ({@link #isDbOnly}), for suggestions there. */
    default Collection<String> dbOnlyNames() {
        return java.util.List.of();
    }

    /** Accepts everything: parsing without checking filter names. */
    FilterCatalog ANY = new FilterCatalog() {
        public boolean isKnown(String name) {
            return true;
        }

        public boolean isDbOnly(String name) {
            return false;
        }

        public String arityProblem(String name, int count) {
            return null;
        }

        public Collection<String> names() {
            return java.util.List.of();
        }
    };
}
