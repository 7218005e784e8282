package dev.xsrun.runtime;

import dev.xsrun.ast.Document;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A loaded job: its run.job (null when only functions were loaded) and its functions by declared name. */
public record Program(Document.RunJob job, Map<String, Document.FunctionDef> functions) {
    public Program {
        functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    }
}
