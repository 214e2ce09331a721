package io.labctl.grading;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lab as data (a file under {@code labs/}): exercises with their guide, scripted steps and checks.
 * Variables ({@code ${namespace}}) are still unresolved here; {@link #resolve(Map)} substitutes them.
 *
 * @param name      short name ("spark-k8s"), what {@code --lab NAME} matches
 * @param title     one line
 * @param source    where it was read from (file path or built-in resource), for error messages
 * @param vars      variables and their defaults, in file order
 * @param exercises in lab order
 */
public record Lab(String name, String title, String source, Map<String, String> vars, List<Exercise> exercises) {
    public Lab {
        vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        exercises = List.copyOf(exercises);
    }

    /** An exercise: what the student reads ({@code guide}), does ({@code steps}) and is graded on. */
    public record Exercise(String id, String title, String guide, List<Step> steps, List<CheckSpec> checks) {
        public Exercise {
            steps = List.copyOf(steps);
            checks = List.copyOf(checks);
        }
    }

    /**
     * One step of an exercise.
     *
     * @param explain what and why, for the student
     * @param labctl  labctl arguments that perform it (null: the student does it, e.g. writes a Dockerfile)
     * @param kubectl the plain kubectl (or docker) equivalent, printed so students learn Kubernetes, not labctl
     */
    public record Step(String explain, List<String> labctl, String kubectl) {
        public Step {
            labctl = labctl == null ? null : List.copyOf(labctl);
        }
    }

    /**
     * A check as the lab file declares it.
     *
     * @param id         unique in the exercise; reports use "exercise.id"
     * @param type       a check type name (see CheckTypes)
     * @param requires   qualified ids ("ex3.deployments") of checks that must pass first
     */
    public record CheckSpec(String id, String type, String title, double points, String hint, List<String> requires,
                            Map<String, Object> params, List<String> tags, String visibility, String review) {
        /** {@code review: manual}: the points wait for an instructor, who reads what the check quotes. */
        public static final String MANUAL = "manual";

        public CheckSpec {
            requires = List.copyOf(requires);
            params = params == null ? Map.of() : params;
            tags = List.copyOf(tags);
        }

        /** Graded by the grader alone (no {@code review}). */
        public CheckSpec(String id, String type, String title, double points, String hint, List<String> requires,
                         Map<String, Object> params, List<String> tags, String visibility) {
            this(id, type, title, points, hint, requires, params, tags, visibility, null);
        }

        public boolean manualReview() {
            return MANUAL.equals(review);
        }
    }

    public Optional<Exercise> exercise(String id) {
        return exercises.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public double maxScore() {
        return exercises.stream().flatMap(e -> e.checks().stream()).mapToDouble(CheckSpec::points).sum();
    }
}
