package io.labctl.grading;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A lab file as written, bound by Jackson once {@link LabSchema} has accepted it: the types here can trust the
 * shapes the schema guarantees (a list is a list, points are a number). {@link LabLoader} turns it into a
 * {@link Lab}; what the schema cannot say (ids unique, types known, variables declared) is checked there.
 */
record LabDocument(String apiVersion, String kind, String name, String title, Map<String, Object> vars,
                   List<ExerciseDocument> exercises, String extends_, Map<String, OverrideDocument> overrides) {

    /** Binds with the field names of the file ({@code extends} is a Java keyword). */
    @JsonCreator
    static LabDocument of(@JsonProperty("apiVersion") String apiVersion,
                          @JsonProperty("kind") String kind,
                          @JsonProperty("name") String name,
                          @JsonProperty("title") String title,
                          @JsonProperty("vars") Map<String, Object> vars,
                          @JsonProperty("exercises") List<ExerciseDocument> exercises,
                          @JsonProperty("extends") String extendsLab,
                          @JsonProperty("overrides")
                          Map<String, OverrideDocument> overrides) {
        return new LabDocument(apiVersion, kind, name, title, vars == null ? Map.of() : vars,
                exercises == null ? List.of() : exercises, extendsLab, overrides == null ? Map.of() : overrides);
    }

    record ExerciseDocument(String id, String title, String guide, List<StepDocument> steps,
                            List<CheckDocument> checks) {
        ExerciseDocument {
            steps = steps == null ? List.of() : steps;
            checks = checks == null ? List.of() : checks;
        }
    }

    /** @param labctl text (split like a shell line) or a list of arguments; null when the student does it */
    record StepDocument(String explain, JsonNode labctl, String kubectl) {
    }

    record CheckDocument(String id, String type, String title, double points, String hint, List<String> requires,
                         Map<String, Object> params, List<String> tags, String visibility, String review) {
        CheckDocument {
            requires = requires == null ? List.of() : requires;
            params = params == null ? Map.of() : params;
            tags = tags == null ? List.of() : tags;
            visibility = visibility == null ? "visible" : visibility;
        }
    }

    /** What an extending lab changes in one check; null: unchanged. */
    record OverrideDocument(Double points, String hint, String visibility, Boolean remove, String review) {
        OverrideDocument(Double points, String hint, String visibility, Boolean remove) {
            this(points, hint, visibility, remove, null);
        }

        boolean removes() {
            return Boolean.TRUE.equals(remove);
        }
    }
}
