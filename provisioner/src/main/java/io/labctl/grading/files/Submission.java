package io.labctl.grading.files;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.grading.checks.GradedSubmission;
import io.labctl.grading.checks.GradingContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A student's submitted folder (an unpacked zip), read once as an untrusted tree: every regular file with its
 * SHA-256, and what was refused. Hidden files and the junk zip tools add ({@code __MACOSX}, {@code .DS_Store})
 * are ignored.
 *
 * <p>The grader runs with the instructor's files and credentials, and whatever it reads can end up in a report
 * the student sees. So links are never followed (a {@code report.md -> /etc/shadow} would otherwise be quoted
 * back), devices and FIFOs are never opened, every file is checked to be inside the folder again right before it
 * is opened, and {@link SubmissionLimits} caps what is read. A refused file is listed with the reason
 * ({@link #refused()}), never with its content or hash; a check that needs it gets an
 * {@link UnreadableFileException} naming it, which the grader reports as that check's ERROR. A refused folder (a
 * link to one, one nested or named past a cap, one that cannot be listed) could hold anything, so every check
 * that looks for files gets that error.
 */
public final class Submission implements GradedSubmission {
    private final Path root;
    private final SubmissionLimits limits;
    private final Map<String, Long> sizes;
    private final Map<String, String> sha256;
    private final Map<String, String> refused;
    private final String overFileCap;
    private final Set<String> refusedFolders;
    /** Parsed forms of the files, built once per submission and shared by every check ({@link #memo}). */
    private final Map<Class<?>, Object> memo = new HashMap<>();

    private Submission(SubmissionWalker walk) {
        this.root = walk.root;
        this.limits = walk.limits;
        this.sizes = Collections.unmodifiableMap(walk.sizes);
        this.sha256 = Collections.unmodifiableMap(walk.sha256);
        this.refused = Collections.unmodifiableMap(walk.refused);
        this.overFileCap = walk.overFileCap;
        this.refusedFolders = walk.refusedFolders;
    }

    /** Reads the folder; a missing folder is a usage error (the caller decides if that is "not gradable"). */
    public static Submission read(Path root) {
        return read(root, SubmissionLimits.DEFAULT);
    }

    public static Submission read(Path root, SubmissionLimits limits) {
        return read(root, limits, Map.of());
    }

    /**
     * @param refusedBefore what was refused before the folder existed (the links of an unpacked archive), by relative
     *                      path: a check that needs such a file is an ERROR naming it, as for a link in a folder
     */
    public static Submission read(Path root, SubmissionLimits limits, Map<String, String> refusedBefore) {
        if (!Files.isDirectory(root)) {
            throw new LabctlException(ExitCode.USAGE, "submission folder " + root + " does not exist",
                    "pass the student's folder, .zip or .tar.gz with --submission PATH");
        }
        SubmissionWalker walk = SubmissionWalker.walk(root, limits);
        refusedBefore.forEach(walk.refused::putIfAbsent);
        return new Submission(walk);
    }

    /**
     * Reads what {@code path} names: a folder, or an archive unpacked into {@code unpacked} (the caller closes it
     * after grading). A missing {@code path} with an archive beside it of the same name ({@code alice} and
     * {@code alice.zip}) is that archive: a roster's {@code submissions/${student}} then fits a folder of zips named
     * by student as the course platform hands them out.
     */
    public static Submission open(Path path, java.util.function.Consumer<SubmissionArchive> unpacked) {
        Path given = path;
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            for (String extension : java.util.List.of(".zip", ".tar.gz", ".tgz")) {
                Path archive = path.resolveSibling(path.getFileName() + extension);
                if (Files.exists(archive, LinkOption.NOFOLLOW_LINKS)) {
                    given = archive;
                    break;
                }
            }
        }
        if (!SubmissionArchive.isArchive(given) || Files.isDirectory(given)) {
            return read(given);
        }
        SubmissionArchive archive = SubmissionArchive.unpack(given, SubmissionLimits.DEFAULT);
        unpacked.accept(archive);
        return read(archive.folder(), SubmissionLimits.DEFAULT, archive.refused());
    }

    /** The submission a file check grades. */
    public static Submission of(GradingContext context) {
        return context.requireSubmission(Submission.class);
    }

    /** The folder, with links in its own path resolved: every file read must be inside it. */
    public Path root() {
        return root;
    }

    /**
     * Relative paths ('/' separated) of every file that was read, sorted.
     *
     * @throws UnreadableFileException when part of the tree was not read at all (a folder refused, more files than
     *                                 the cap): any check could be missing what is there
     */
    public List<String> files() {
        requireWholeTree();
        return List.copyOf(sizes.keySet());
    }

    /**
     * Relative paths of every regular file read, sorted, even when a folder was refused (its contents are unknown,
     * and listed in {@link #refused()}): what {@link HandIn} may pack.
     *
     * @throws UnreadableFileException when the walk stopped at the file cap: part of the tree was not even listed
     */
    List<String> filesRead() {
        if (overFileCap != null) {
            throw new UnreadableFileException("the submission folder", overFileCap);
        }
        return List.copyOf(sizes.keySet());
    }

    /**
     * Files whose name (last path element, lower case) satisfies the predicate, sorted.
     *
     * @throws UnreadableFileException when a refused file has such a name: a check looking for Dockerfiles must
     *                                 not grade as if a linked or oversized Dockerfile were not there
     */
    public List<String> filesNamed(Predicate<String> lowerCaseName) {
        requireWholeTree();
        Predicate<String> named = rel -> lowerCaseName.test(name(rel));
        refused.entrySet().stream().filter(e -> named.test(e.getKey())).findFirst().ifPresent(e -> {
            throw new UnreadableFileException(e.getKey(), e.getValue());
        });
        return sizes.keySet().stream().filter(named).toList();
    }

    /** Files refused (not read, not hashed), by relative path, with the reason ("is a symbolic link; ..."). */
    @Override
    public Map<String, String> refused() {
        return refused;
    }

    /**
     * The file's text, decoded as {@link TextDecoding} reads it; empty when its bytes are not text.
     *
     * @throws UnreadableFileException when it is larger than {@link SubmissionLimits#maxTextBytes()}, was refused,
     *                                 or is no longer a regular file inside the folder
     */
    public Optional<String> text(String relativePath) {
        String refusal = refused.get(relativePath);
        if (refusal != null) {
            throw new UnreadableFileException(relativePath, refusal);
        }
        Long size = sizes.get(relativePath);
        if (size == null) {
            throw new UnreadableFileException(relativePath, "is not a file of the submission");
        }
        if (size > limits.maxTextBytes()) {
            throw tooLarge(relativePath, size);
        }
        try (InputStream in = open(root, relativePath)) {
            // At most one byte more than the cap: a file that grew since the walk is refused, not read whole.
            byte[] bytes = in.readNBytes((int) limits.maxTextBytes() + 1);
            if (bytes.length > limits.maxTextBytes()) {
                throw tooLarge(relativePath, bytes.length);
            }
            return TextDecoding.decode(bytes);
        } catch (IOException e) {
            throw new UnreadableFileException(relativePath, SubmissionWalker.cannotRead(e));
        }
    }

    /** SHA-256 (hex) of every file read, by relative path: the evidence part of the report. */
    @Override
    public Map<String, String> sha256() {
        return sha256;
    }

    /**
     * The value built from this submission for {@code type}, built by {@code build} the first time: the YAML and
     * the Dockerfiles are parsed once per student, not once per check. Checks of one student run one after the
     * other, but the lock keeps a second caller from building twice.
     */
    synchronized <T> T memo(Class<T> type, Supplier<T> build) {
        Object value = memo.get(type);
        if (value == null) {
            value = build.get();
            memo.put(type, value);
        }
        return type.cast(value);
    }

    /**
     * Opens a file the walk found, again refusing anything that is not a regular file inside {@code root}: the
     * tree can change while it is graded (a folder swapped for a link to /), and O_NOFOLLOW alone only guards
     * the last element of the path.
     */
    static InputStream open(Path root, String relativePath) throws IOException {
        Path file = root.resolve(relativePath);
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new UnreadableFileException(relativePath, "is no longer a regular file");
        }
        if (!file.toRealPath().startsWith(root)) {
            throw new UnreadableFileException(relativePath, "resolves to a place outside the submission folder");
        }
        return Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    private void requireWholeTree() {
        if (overFileCap != null) {
            throw new UnreadableFileException("the submission folder", overFileCap);
        }
        if (!refusedFolders.isEmpty()) {
            String folder = refusedFolders.iterator().next();
            throw new UnreadableFileException(folder, refused.get(folder));
        }
    }

    private UnreadableFileException tooLarge(String relativePath, long size) {
        return new UnreadableFileException(relativePath, "is " + SubmissionLimits.size(size) + "; files over "
                + SubmissionLimits.size(limits.maxTextBytes()) + " are not read as text");
    }

    private static String name(String relativePath) {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }
}
