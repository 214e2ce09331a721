package io.labctl.image;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throwaway copy of dockerfiles/ to build from, with the local Spark and Hadoop tarballs (and the .sha512 files
 * beside them, when present) placed in base/dist/. The checkout itself is never written to.
 */
public final class BuildContext implements AutoCloseable {
    private static final List<String> IMAGES = List.of("base", "master", "worker");

    private final Path root;

    private BuildContext(Path root) {
        this.root = root;
    }

    public static BuildContext prepare(ImageBuildRequest request) {
        try {
            Path root = Files.createTempDirectory("labctl-build-");
            for (String image : IMAGES) {
                copyTree(request.dockerfiles().resolve(image), root.resolve(image));
            }
            Path dist = Files.createDirectories(root.resolve("base/dist"));
            if (request.local()) {
                for (Path tarball : List.of(request.sparkTarball(), request.hadoopTarball())) {
                    link(tarball, dist.resolve(tarball.getFileName()));
                    Path checksum = tarball.resolveSibling(tarball.getFileName() + ".sha512");
                    if (Files.isRegularFile(checksum)) {
                        Files.copy(checksum, dist.resolve(checksum.getFileName()));
                    }
                }
            }
            return new BuildContext(root);
        } catch (IOException e) {
            throw new LabctlException(ExitCode.PRECONDITION, "cannot prepare the build context: " + e.getMessage(),
                    "check free space in " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    public Path dir(String image) {
        return root.resolve(image);
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the Dockerfile tree, but not whatever a student left in base/dist/ of the checkout. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(source);
                if (relative.startsWith("dist")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** A hard link when the temp dir shares the file system (tarballs are hundreds of MB), else a copy. */
    private static void link(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source.toAbsolutePath());
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, target);
        }
    }
}
