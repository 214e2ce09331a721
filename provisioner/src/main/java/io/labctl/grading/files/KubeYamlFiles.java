package io.labctl.grading.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.labctl.grading.checks.CheckOutcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every {@code *.yaml} / {@code *.yml} of a submission, read as multi-document YAML. A file that does not
 * parse is kept with its error (and the documents before it), never thrown: a syntax error is something
 * to grade. Only documents with a {@code kind} count as Kubernetes objects.
 */
public final class KubeYamlFiles {

    /**
     * One YAML file.
     *
     * @param path    its path in the submission
     * @param text    its raw text (comments are part of the grade)
     * @param objects its Kubernetes objects, in order
     * @param error   why it does not parse, or null
     */
    public record YamlFile(String path, String text, List<KubeObject> objects, ParseError error) {
    }

    /** A YAML syntax error: file, line (0 when unknown) and the parser's message. */
    public record ParseError(String file, int line, String message) {
        /** "spark.yaml:12: mapping values are not allowed here". */
        public String describe() {
            return file + (line > 0 ? ":" + line : "") + ": " + message;
        }
    }

    // kubectl refuses a key given twice in one map; Jackson would silently keep the last one.
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final List<YamlFile> files;
    /** The files with the fewest comment lines first: where the applied copy of an object is. */
    private final List<YamlFile> appliedFirst;

    private KubeYamlFiles(List<YamlFile> files) {
        this.files = files;
        this.appliedFirst = files.stream().sorted(Comparator.comparingInt((YamlFile f) -> YamlComments.lines(f.text()))
                .thenComparingLong(f -> f.path().chars().filter(c -> c == '/').count())
                .thenComparing(YamlFile::path)).toList();
    }

    /**
     * The submission's YAML, parsed once per submission and shared by every check (an 8 MB submission parsed by
     * each of nine checks took minutes).
     *
     * @throws UnreadableFileException when a YAML file was refused or is too large to read (the check's ERROR)
     */
    public static KubeYamlFiles of(Submission submission) {
        return submission.memo(KubeYamlFiles.class, () -> new KubeYamlFiles(
                submission.filesNamed(n -> n.endsWith(".yaml") || n.endsWith(".yml")).stream()
                        .map(path -> submission.text(path).map(text -> read(path, text))
                                .orElseGet(() -> new YamlFile(path, "", List.of(), new ParseError(path, 0,
                                        "not text (binary content, or an encoding other than UTF-8/UTF-16)"))))
                        .toList()));
    }

    static YamlFile read(String path, String text) {
        List<String> lines = text.lines().toList();
        List<KubeObject> objects = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(text)) {
            for (int document = 0; parser.nextToken() != null; document++) {
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode node = YAML.readTree(parser);
                if (node != null && node.isObject() && node.hasNonNull("kind")) {
                    objects.add(new KubeObject(path, document, line, node, lines));
                }
            }
            return new YamlFile(path, text, List.copyOf(objects), null);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new YamlFile(path, text, List.copyOf(objects), new ParseError(path, line, message(e)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail: " + path, e);
        }
    }

    /**
     * The parser's own words without its excerpt of the file: SnakeYAML's message has the problem on
     * unindented lines and the location ("in 'reader', line 5") and source excerpt indented below them.
     */
    private static String message(JsonProcessingException e) {
        return e.getOriginalMessage().lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .collect(Collectors.joining(": "));
    }

    public List<YamlFile> files() {
        return files;
    }

    /** Every object of every file, in file and document order. */
    public List<KubeObject> objects() {
        return files.stream().flatMap(f -> f.objects().stream()).toList();
    }

    /**
     * The objects once each, by {@link KubeObject#identity()}: the copy that would be applied. The lab asks for the
     * YAML and a commented copy of it; when an object is in several files, the one in the file with the fewest
     * comment lines is the one {@code kubectl apply} was run on (on a tie, the shallowest, then first by path: an
     * {@code exercise4/} copy scaled to 3 does not replace the exercise's own YAML), and the checks grade that
     * copy, never whichever looks best. {@link ObjectCopies} judges whether the copies agree.
     */
    public List<KubeObject> distinctObjects() {
        Map<String, KubeObject> applied = new LinkedHashMap<>();
        for (YamlFile file : appliedFirst) {
            file.objects().forEach(o -> applied.putIfAbsent(o.identity(), o));
        }
        // In file and document order, as before: messages list objects in the order the student wrote them.
        return objects().stream().filter(o -> applied.get(o.identity()) == o).toList();
    }

    /** Every copy of each object that is in more than one place, by identity, the applied copy first. */
    public Map<String, List<KubeObject>> copies() {
        Map<String, List<KubeObject>> copies = new LinkedHashMap<>();
        for (YamlFile file : appliedFirst) {
            file.objects().forEach(o -> copies.computeIfAbsent(o.identity(), k -> new ArrayList<>()).add(o));
        }
        copies.values().removeIf(list -> list.size() < 2);
        return copies;
    }

    /** The objects of one kind, once each. */
    public List<KubeObject> distinct(String kind) {
        return distinctObjects().stream().filter(o -> o.is(kind)).toList();
    }

    public List<ParseError> errors() {
        return files.stream().map(YamlFile::error).filter(Objects::nonNull).toList();
    }

    /** The failure when the submission has no YAML file at all; empty otherwise. */
    public Optional<CheckOutcome> noFiles() {
        return files.isEmpty()
                ? Optional.of(CheckOutcome.fail("no *.yaml or *.yml file in the submission",
                        "add the YAML files of exercise 3 to the submission"))
                : Optional.empty();
    }

    /**
     * The failure every object check gives when there is nothing to check: no YAML file, or no Kubernetes
     * object in them (syntax errors named, since they are the likely reason); empty otherwise.
     */
    public Optional<CheckOutcome> missing() {
        if (files.isEmpty()) {
            return noFiles();
        }
        if (objects().isEmpty()) {
            String errors = errors().stream().map(ParseError::describe).collect(Collectors.joining("; "));
            return Optional.of(CheckOutcome.fail("no Kubernetes object (a YAML document with kind:) in "
                    + files.stream().map(YamlFile::path).collect(Collectors.joining(", "))
                    + (errors.isEmpty() ? "" : "; " + errors), null));
        }
        return Optional.empty();
    }
}
