package io.labctl.grading.files;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A student's submitted folder (an unpacked zip), read once: every regular file with its SHA-256.
 * Hidden files and the junk zip tools add ({@code __MACOSX}, {@code .DS_Store}) are ignored.
 */
public final class Submission {
    /** Larger files are listed and hashed but never read as text (a student may zip a Spark tarball). */
    private static final long MAX_TEXT_BYTES = 2L * 1024 * 1024;

    private final Path root;
    private final Map<String, String> sha256;

    private Submission(Path root, Map<String, String> sha256) {
        this.root = root;
        this.sha256 = sha256;
    }

    /** Reads the folder; a missing folder is a usage error (the caller decides if that is "not gradable"). */
    public static Submission read(Path root) {
        if (!Files.isDirectory(root)) {
            throw new LabctlException(ExitCode.USAGE, "submission folder " + root + " does not exist",
                    "pass the folder of the unpacked submission with --submission DIR");
        }
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (!ignored(rel)) {
                    hashes.put(rel, sha256(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read submission " + root, e);
        }
        return new Submission(root, hashes);
    }

    private static boolean ignored(String rel) {
        for (String part : rel.split("/")) {
            if (part.startsWith(".") || part.equals("__MACOSX")) {
                return true;
            }
        }
        return false;
    }

    public Path root() {
        return root;
    }

    /** Relative paths ('/' separated) of every file, sorted. */
    public List<String> files() {
        return List.copyOf(sha256.keySet());
    }

    /** Files whose name (last path element, lower case) satisfies the predicate. */
    public List<String> filesNamed(java.util.function.Predicate<String> lowerCaseName) {
        return sha256.keySet().stream()
                .filter(rel -> lowerCaseName.test(rel.substring(rel.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** The file's text (UTF-8, invalid bytes replaced), or empty when it is too large to be text. */
    public Optional<String> text(String relativePath) {
        Path p = root.resolve(relativePath);
        try {
            if (Files.size(p) > MAX_TEXT_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    /** SHA-256 (hex) of every file, by relative path: the evidence part of the report. */
    public Map<String, String> sha256() {
        return sha256;
    }

    private static String sha256(Path p) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(p)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
