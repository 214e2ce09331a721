package io.labctl.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.labctl.grading.Lab.CheckSpec;
import io.labctl.grading.Lab.Exercise;
import io.labctl.grading.Lab.Step;
import io.labctl.grading.LabDocument.CheckDocument;
import io.labctl.grading.LabDocument.ExerciseDocument;
import io.labctl.grading.LabDocument.StepDocument;
import io.labctl.grading.checks.CheckType;
import io.labctl.grading.checks.LabValidationException;
import io.labctl.grading.files.ShellWords;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads lab files (format: labs/README.md): parses the YAML, validates it with the schema that ships beside the labs
 * ({@link LabSchema}), binds it ({@link LabDocument}), resolves {@code extends:} ({@link LabInheritance}) and checks
 * what a schema cannot: ids unique, check types known, params valid for their type, prerequisites declared before
 * use, every variable declared ({@link LabVariables}). Every problem is one line naming the file and the field
 * ("labs/x.yaml: exercises[2].checks[0]: unknown check type 'alive-worker' (...)"), before anything is graded.
 */
public final class LabLoader {
    public static final String API_VERSION = "labctl.io/v1";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Function<String, Optional<CheckType>> checkTypes;
    private final LabResolver resolver;

    /**
     * The text of a lab file and where it came from.
     *
     * @param source what messages call it (a path, or {@code labs/NAME.yaml} for a built-in lab)
     * @param yaml   its text
     * @param dir    the folder a relative {@code extends:} in it is resolved against; null for a built-in lab
     * @param shipped a built-in lab from labctl's own jar: the build already proved it matches the schema
     *                ({@code LabSchemaTest}), so loading it skips the JSON Schema validator, which is most of what
     *                {@code labctl lab show} would otherwise spend starting up (a second Jackson, the compiled schema)
     */
    public record LabSource(String source, String yaml, Path dir, boolean shipped) {
        public LabSource(String source, String yaml, Path dir) {
            this(source, yaml, dir, false);
        }

        public LabSource(String source, String yaml) {
            this(source, yaml, null, false);
        }
    }

    /** Finds the lab an {@code extends:} names: a built-in name, or a path relative to the extending file. */
    @FunctionalInterface
    public interface LabResolver {
        LabSource resolve(String ref, LabSource extending);
    }

    public LabLoader(Function<String, Optional<CheckType>> checkTypes, LabResolver resolver) {
        this.checkTypes = checkTypes;
        this.resolver = resolver;
    }

    public Lab load(LabSource file) {
        return load(file, new LinkedHashSet<>());
    }

    private Lab load(LabSource file, Set<String> chain) {
        String src = file.source();
        if (!chain.add(src)) {
            throw LabValidationException.at(src, "extends", "circular extends: " + String.join(" -> ", chain) + " -> "
                    + src);
        }
        JsonNode root = parse(file);
        if (!root.has("extends") && !"Lab".equals(root.path("kind").asText())) {
            // Say nothing of what is in it: --lab or extends: may name any file the user can read.
            throw LabValidationException.at(src, "", "is not a labctl lab file (it has neither kind: Lab nor extends:)");
        }
        if (root.has("extends")) {
            if (root.has("exercises")) {
                throw LabValidationException.at(src, "exercises",
                        "a lab that extends another changes it with vars and overrides only");
            }
            LabSchema.shipped().validate(src, root, LabSchema.Form.EXTENSION);
            LabDocument extension = YAML.convertValue(root, LabDocument.class);
            Lab parent = load(resolver.resolve(extension.extends_(), file), chain);
            return validated(LabInheritance.apply(src, extension, parent));
        }
        if (root.has("overrides")) {
            throw LabValidationException.at(src, "overrides", "only a lab that extends another may have overrides");
        }
        if (!file.shipped()) {
            LabSchema.shipped().validate(src, root, LabSchema.Form.LAB);
        }
        LabDocument lab = YAML.convertValue(root, LabDocument.class);
        List<Exercise> exercises = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < lab.exercises().size(); i++) {
            Exercise ex = exercise(src, "exercises[" + i + "]", lab.exercises().get(i));
            if (!ids.add(ex.id())) {
                throw LabValidationException.at(src, "exercises[" + i + "].id", "duplicate exercise id '" + ex.id() + "'");
            }
            exercises.add(ex);
        }
        return validated(new Lab(lab.name(), lab.title(), src, LabVariables.defaults(lab.vars()), exercises));
    }

    private static JsonNode parse(LabSource file) {
        try {
            JsonNode root = YAML.readTree(file.yaml());
            if (root == null || !root.isObject()) {
                throw LabValidationException.at(file.source(), "",
                        "is not a YAML map (expected apiVersion, kind: Lab, name, exercises)");
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new LabValidationException(file.source() + (line > 0 ? ":" + line : "") + ": not valid YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    private Exercise exercise(String src, String where, ExerciseDocument doc) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < doc.steps().size(); i++) {
            steps.add(step(src, where + ".steps[" + i + "]", doc.steps().get(i)));
        }
        List<CheckSpec> checks = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < doc.checks().size(); i++) {
            CheckSpec c = check(src, where + ".checks[" + i + "]", doc.checks().get(i));
            if (!ids.add(c.id())) {
                throw LabValidationException.at(src, where + ".checks[" + i + "].id", "duplicate check id '" + c.id() + "'");
            }
            checks.add(c);
        }
        return new Exercise(doc.id(), doc.title(), doc.guide(), steps, checks);
    }

    private static Step step(String src, String where, StepDocument doc) {
        if (doc.labctl() == null || doc.labctl().isNull()) {
            return new Step(doc.explain(), null, doc.kubectl());
        }
        List<String> labctl = new ArrayList<>();
        if (doc.labctl().isArray()) {
            doc.labctl().forEach(a -> labctl.add(a.asText()));
        } else {
            labctl.addAll(ShellWords.split(doc.labctl().asText()));
        }
        if (labctl.isEmpty()) {
            throw LabValidationException.at(src, where + ".labctl", "is empty");
        }
        if (labctl.get(0).equals("labctl")) {
            throw LabValidationException.at(src, where + ".labctl",
                    "starts with 'labctl'; give the arguments only (spark deploy ...)");
        }
        return new Step(doc.explain(), labctl, doc.kubectl());
    }

    private CheckSpec check(String src, String where, CheckDocument doc) {
        if (checkTypes.apply(doc.type()).isEmpty()) {
            throw LabValidationException.at(src, where + ".type", "unknown check type '" + doc.type()
                    + "' (see `labctl lab types`)");
        }
        return new CheckSpec(doc.id(), doc.type(), doc.title(), doc.points(), doc.hint(), doc.requires(), doc.params(),
                doc.tags(), doc.visibility(), doc.review());
    }

    /** What the schema cannot say: prerequisites come first, variables are declared, params fit their type. */
    private Lab validated(Lab lab) {
        LabVariables.requireDeclared(lab);
        Set<String> seen = new LinkedHashSet<>();
        for (Exercise ex : lab.exercises()) {
            for (CheckSpec c : ex.checks()) {
                String qid = ex.id() + "." + c.id();
                for (String r : c.requires()) {
                    String target = r.contains(".") ? r : ex.id() + "." + r;
                    if (!seen.contains(target)) {
                        throw LabValidationException.at(lab.source(), qid + ".requires", "'" + r
                                + "' is not a check declared before " + qid + " (prerequisites come first in the lab)");
                    }
                }
                seen.add(qid);
                // Build the check once with the default variables: bad params fail now, not mid-grading.
                Grader.instantiate(checkTypes.apply(c.type()).orElseThrow(), c, qid, lab, lab.vars());
            }
        }
        return lab;
    }
}
