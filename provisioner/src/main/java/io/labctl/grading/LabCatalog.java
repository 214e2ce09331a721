package io.labctl.grading;

import io.labctl.grading.checks.LabValidationException;
import io.labctl.grading.LabLoader.LabSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds labs: the built-in ones shipped in the jar (from {@code labs/}), or a file. {@code --lab}
 * takes either: a value with a '/' or ending in .yaml/.yml is a file, anything else a built-in name.
 */
public final class LabCatalog {
    /** The labs under labs/ (a test checks that this list and the folder agree). */
    public static final List<String> BUILT_IN = List.of(
            "spark-k8s"); // Lab 3 part 2: Spark standalone on Kubernetes (seeds/002)

    private static final long MAX_LAB_BYTES = 1024 * 1024;

    private final LabLoader loader = new LabLoader(CheckTypes::named, this::parent);
    private final Path baseDir;

    /** @param baseDir where relative lab paths (in --lab or a roster) are resolved */
    public LabCatalog(Path baseDir) {
        this.baseDir = baseDir;
    }

    public Lab load(String ref) {
        return loader.load(source(ref));
    }

    /** The text of a lab, by built-in name or path (relative to the catalog's folder). */
    public LabSource source(String ref) {
        return source(ref, baseDir);
    }

    /** The lab an {@code extends:} names: a path in it is relative to the extending file, as in any file format. */
    private LabSource parent(String ref, LabSource extending) {
        return source(ref, extending.dir() != null ? extending.dir() : baseDir);
    }

    private LabSource source(String ref, Path dir) {
        if (isFile(ref)) {
            Path file = dir.resolve(ref);
            if (!Files.isReadable(file)) {
                throw new LabValidationException("lab file " + file + " does not exist (built-in labs: "
                        + String.join(", ", BUILT_IN) + ")");
            }
            // A lab file is a page or two of YAML; /dev/zero or a 4 GB log named by mistake must not be read whole.
            try {
                if (!Files.isRegularFile(file) || Files.size(file) > MAX_LAB_BYTES) {
                    throw new LabValidationException("lab file " + file + " is not a regular file of at most "
                            + MAX_LAB_BYTES / 1024 + " KiB");
                }
                return new LabSource(file.toString(), Files.readString(file), file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new LabValidationException("cannot read lab file " + file + ": " + e.getClass().getSimpleName());
            }
        }
        if (!BUILT_IN.contains(ref)) {
            throw new LabValidationException("no built-in lab named '" + ref + "' (built-in: " + String.join(", ", BUILT_IN)
                    + "); give a file path to use your own");
        }
        try (InputStream in = LabCatalog.class.getResourceAsStream("/labs/" + ref + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("built-in lab " + ref + " is missing from the jar");
            }
            return new LabSource("labs/" + ref + ".yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8), null, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFile(String ref) {
        return ref.contains("/") || ref.endsWith(".yaml") || ref.endsWith(".yml");
    }
}
