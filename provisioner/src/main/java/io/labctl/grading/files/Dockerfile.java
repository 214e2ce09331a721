package io.labctl.grading.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Dockerfile read the way a grader needs it: instructions with the line they start on, split into
 * stages, with build arguments substituted. Never fails: what Docker would reject is kept as well as it
 * can be, because the grade is about what the student meant.
 *
 * <ul>
 *   <li>Instructions are read as {@link DockerfileLines} joins them (continuations, comments, heredocs).</li>
 *   <li>FROM is resolved with the defaults of the ARGs before the first FROM ({@code ${VAR}}, {@code $VAR},
 *       {@code ${VAR:-default}}); {@code FROM name} naming an earlier stage ({@code AS name}) refers to it.</li>
 *   <li>Every other instruction also gets an expanded text, with the ARG defaults and ENV values known at
 *       that point, so {@code apt-get install ${PACKAGES}} shows the packages. Unknown variables stay.</li>
 * </ul>
 */
public final class Dockerfile {
    private static final int DESCRIBE_MAX = 100;
    /**
     * Real Dockerfiles have a handful of stages; past this many, a FROM line is kept as an instruction of the last
     * stage. Each stage looks up its parent and copies its environment, so without a bound 20,000 stages (a 240 KB
     * file) took 40 s.
     */
    static final int MAX_STAGES = 64;

    /**
     * One instruction.
     *
     * @param file      the Dockerfile's path in the submission
     * @param line      the line it starts on (1-based)
     * @param keyword   upper case (FROM, RUN, ...)
     * @param arguments as written, continuation lines joined
     * @param expanded  the arguments with known build arguments and environment variables substituted
     */
    public record Instruction(String file, int line, String keyword, String arguments, String expanded) {
        // ["a"] && b is the shell form for Docker: the whole text must be the array.
        private static final ObjectMapper JSON = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

        /** The expanded arguments as words: the JSON (exec) form's strings, or shell words. */
        public List<String> words() {
            return jsonForm().orElseGet(() -> ShellWords.split(expanded));
        }

        /** A RUN's command as shell text: the shell form as is, the JSON form's words joined. */
        public String shellText() {
            return jsonForm().map(words -> String.join(" ", words)).orElse(expanded);
        }

        /** The JSON form's strings, when the arguments are a JSON array (as for Docker, anything else is shell). */
        private Optional<List<String>> jsonForm() {
            String text = expanded.strip();
            if (!text.startsWith("[")) {
                return Optional.empty();
            }
            try {
                JsonNode array = JSON.readTree(text);
                List<String> words = new ArrayList<>();
                array.forEach(e -> words.add(e.asText()));
                return array.isArray() ? Optional.of(words) : Optional.empty();
            } catch (JsonProcessingException shellForm) {
                return Optional.empty();
            }
        }

        /** {@link #words()} without options ({@code --from=build}, {@code --chown=spark}). */
        public List<String> operands() {
            return words().stream().filter(w -> !w.startsWith("--")).toList();
        }

        /** "base/Dockerfile:12 RUN apt-get install ...", shortened to one readable line. */
        public String describe() {
            String text = (keyword + " " + arguments).replaceAll("\\s+", " ").strip();
            if (text.length() > DESCRIBE_MAX) {
                text = text.substring(0, DESCRIBE_MAX - 3) + "...";
            }
            return file + ":" + line + " " + text;
        }
    }

    /**
     * One build stage.
     *
     * @param name         the {@code AS} name in lower case, or null
     * @param from         its FROM instruction
     * @param image        the image it starts from, after substitution; null when it starts from a stage
     * @param parent       the earlier stage it starts from, or null
     * @param instructions the instructions after FROM, in order
     */
    public record Stage(String name, Instruction from, ImageRef image, Stage parent, List<Instruction> instructions) {

        /** "base/Dockerfile:21 FROM ubuntu:22.04 (${BASE_IMAGE})": what it resolved to, and what was written. */
        public String describeFrom() {
            String written = ShellWords.split(from.arguments()).stream().filter(w -> !w.startsWith("--"))
                    .findFirst().orElse("");
            String resolved = image != null ? image.reference() : parent.name();
            String text = from.file() + ":" + from.line() + " FROM " + resolved;
            return written.equals(resolved) ? text : text + " (" + written + ")";
        }
    }

    private final String path;
    private final List<Stage> stages;

    private Dockerfile(String path, List<Stage> stages) {
        this.path = path;
        this.stages = List.copyOf(stages);
    }

    public static Dockerfile parse(String path, String text) {
        Map<String, String> globalArgs = new HashMap<>();
        List<Stage> stages = new ArrayList<>();
        StageReader.Earlier earlier = new StageReader.Earlier();
        StageReader stage = null;
        for (DockerfileLines.Logical logical : DockerfileLines.read(text)) {
            String[] parts = logical.text().split("\\s+", 2);
            String keyword = parts[0].toUpperCase(Locale.ROOT);
            String arguments = parts.length > 1 ? parts[1] : "";
            if (keyword.equals("FROM") && stages.size() < MAX_STAGES - 1) {
                if (stage != null) {
                    stages.add(earlier.add(stage));
                }
                stage = StageReader.from(new Instruction(path, logical.line(), keyword, arguments,
                        expand(arguments, globalArgs)), earlier, globalArgs);
            } else if (stage == null) {
                // Before the first FROM only ARG means something: the defaults FROM lines may use.
                if (keyword.equals("ARG")) {
                    globalArgs.putAll(assignments(keyword, expand(arguments, globalArgs)));
                }
            } else {
                stage.add(new Instruction(path, logical.line(), keyword, arguments, expand(arguments, stage.variables)));
            }
        }
        if (stage != null) {
            stages.add(earlier.add(stage));
        }
        return new Dockerfile(path, stages);
    }

    /** The Dockerfile's path in the submission. */
    public String path() {
        return path;
    }

    /** Every stage in order; empty when the file has no FROM. */
    public List<Stage> stages() {
        return stages;
    }

    /**
     * The stages the image is made of, in build order: the stage that starts from an image, the stages
     * built FROM it, up to the last stage (the image). Stages only copied from are not part of it.
     */
    public List<Stage> chain() {
        List<Stage> chain = new ArrayList<>();
        for (Stage s = stages.isEmpty() ? null : stages.get(stages.size() - 1); s != null; s = s.parent()) {
            chain.add(s);
        }
        Collections.reverse(chain);
        return chain;
    }

    /** The stage the image starts from: the first of {@link #chain()}. */
    public Optional<Stage> osStage() {
        return chain().stream().findFirst();
    }

    /** The image this Dockerfile's image is built FROM. */
    public Optional<ImageRef> builtFrom() {
        return osStage().map(Stage::image);
    }

    /** The stage being read: its FROM, its instructions so far, and the variables they can use. */
    private static final class StageReader {
        private final String name;
        private final Instruction from;
        private final ImageRef image;
        private final Stage parent;
        private final List<Instruction> instructions = new ArrayList<>();
        private final Map<String, String> variables;
        /** The ENV values at the end of this stage, inherited ones included: what a stage built FROM it starts with. */
        private final Map<String, String> environment;

        private StageReader(String name, Instruction from, ImageRef image, Stage parent, Map<String, String> variables,
                            Map<String, String> environment) {
            this.name = name;
            this.from = from;
            this.image = image;
            this.parent = parent;
            this.variables = variables;
            this.environment = environment;
        }

        /** The stages read so far, by name, with their environment at the end: each looked up once, not rescanned. */
        static final class Earlier {
            private final Map<String, Stage> byName = new HashMap<>();
            private final Map<Stage, Map<String, String>> environment = new IdentityHashMap<>();

            Stage add(StageReader reader) {
                Stage stage = reader.build();
                if (stage.name() != null) {
                    byName.put(stage.name(), stage); // a later stage of the same name hides the earlier one
                }
                environment.put(stage, reader.environment);
                return stage;
            }
        }

        static StageReader from(Instruction from, Earlier earlier, Map<String, String> globalArgs) {
            List<String> words = from.operands();
            String reference = words.isEmpty() ? "" : words.get(0);
            String name = words.size() >= 3 && words.get(1).equalsIgnoreCase("AS")
                    ? words.get(2).toLowerCase(Locale.ROOT) : null;
            Stage parent = earlier.byName.get(reference.toLowerCase(Locale.ROOT));
            // A stage inherits the environment of the stages it is built FROM; global ARG defaults stand in for
            // ARGs a stage redeclares without a default.
            Map<String, String> inherited = parent == null ? Map.of() : earlier.environment.get(parent);
            Map<String, String> variables = new HashMap<>(globalArgs);
            variables.putAll(inherited);
            return new StageReader(name, from, parent == null ? ImageRef.parse(reference) : null, parent, variables,
                    new HashMap<>(inherited));
        }

        void add(Instruction instruction) {
            instructions.add(instruction);
            if (instruction.keyword().equals("ARG") || instruction.keyword().equals("ENV")) {
                Map<String, String> assigned = assignments(instruction.keyword(), instruction.expanded());
                variables.putAll(assigned);
                if (instruction.keyword().equals("ENV")) {
                    environment.putAll(assigned);
                }
            }
        }

        Stage build() {
            return new Stage(name, from, image, parent, Collections.unmodifiableList(instructions));
        }
    }

    /** ARG {@code NAME[=default] ...} and ENV {@code NAME=value ...} (or the legacy {@code ENV NAME value}). */
    static Map<String, String> assignments(String keyword, String expandedArguments) {
        List<String> words = ShellWords.split(expandedArguments);
        Map<String, String> values = new LinkedHashMap<>();
        if (keyword.equals("ENV") && !words.isEmpty() && !words.get(0).contains("=")) {
            values.put(words.get(0), String.join(" ", words.subList(1, words.size())));
            return values;
        }
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                values.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return values;
    }

    private static String expand(String text, Map<String, String> variables) {
        return VariableExpansion.expand(text, variables);
    }
}
