package io.labctl.grading.files;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Walks a submission folder for {@link Submission} without following links: {@link Files#walkFileTree} without
 * {@code FOLLOW_LINKS} reports a link as a file of its own, whatever it points to, and never descends into a
 * linked folder. Regular files are hashed (within {@link SubmissionLimits#maxTotalBytes()}); everything else is
 * recorded as refused, with a reason that names no target and quotes no content.
 */
final class SubmissionWalker implements FileVisitor<Path> {
    private static final int SHOWN_PATH_CHARS = 80;

    final Path root;
    final SubmissionLimits limits;
    final Map<String, Long> sizes = new TreeMap<>();
    final Map<String, String> sha256 = new TreeMap<>();
    final Map<String, String> refused = new TreeMap<>();
    /** The refused entries that are (or may be) folders: what is in them is unknown to every check. */
    final Set<String> refusedFolders = new TreeSet<>();
    /** Why the walk stopped early (too many files), or null when it saw the whole tree. */
    String overFileCap;
    private long hashedBytes;

    private SubmissionWalker(Path root, SubmissionLimits limits) {
        this.root = root;
        this.limits = limits;
    }

    /** Walks {@code folder} (an existing directory; links in its own path are resolved once, here). */
    static SubmissionWalker walk(Path folder, SubmissionLimits limits) {
        try {
            SubmissionWalker walker = new SubmissionWalker(folder.toRealPath(), limits);
            Files.walkFileTree(walker.root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), limits.maxDepth() + 1,
                    walker);
            return walker;
        } catch (IOException e) {
            throw new LabctlException(ExitCode.USAGE, "cannot read submission folder " + folder + ": " + cannotRead(e),
                    "check that the folder exists and is readable");
        }
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        if (dir.equals(root)) {
            return FileVisitResult.CONTINUE;
        }
        String rel = relative(dir);
        if (ignored(rel)) {
            return FileVisitResult.SKIP_SUBTREE;
        }
        if (rel.length() > limits.maxPathLength()) {
            refuseFolder(rel, "has a path longer than " + limits.maxPathLength() + " characters; nothing in it was read");
            return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        String rel = relative(file);
        if (ignored(rel)) {
            return FileVisitResult.CONTINUE;
        }
        if (rel.length() > limits.maxPathLength()) {
            refuse(rel, "has a path longer than " + limits.maxPathLength() + " characters and was not read");
        } else if (attributes.isSymbolicLink()) {
            String reason = "is a symbolic link; links are not followed, so what it points to was not read";
            // Whether it points to a folder is a stat of the target, never a read of it.
            if (Files.isDirectory(file)) {
                refuseFolder(rel, reason);
            } else {
                refuse(rel, reason);
            }
        } else if (attributes.isDirectory()) {
            // walkFileTree hands over folders at the depth cap as files.
            refuseFolder(rel, "is nested more than " + limits.maxDepth() + " folders deep; nothing in it was read");
        } else if (!attributes.isRegularFile()) {
            refuse(rel, "is not a regular file (a device, FIFO or socket) and was not opened");
        } else if (sizes.size() + 1 > limits.maxFiles()) {
            overFileCap = "has more than " + limits.maxFiles() + " files; the grader reads at most that many,"
                    + " so the file checks cannot judge it";
            return FileVisitResult.TERMINATE;
        } else if (hashedBytes + attributes.size() > limits.maxTotalBytes()) {
            refuse(rel, "was not read: the submission's files add up to more than "
                    + SubmissionLimits.size(limits.maxTotalBytes()));
        } else {
            hash(rel, attributes.size());
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
        String rel = relative(file);
        if (!ignored(rel)) {
            refuseFolder(rel, cannotRead(e)); // a file or a folder: either way, what it holds is unknown
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
        if (e != null && !dir.equals(root)) {
            refuseFolder(relative(dir), cannotRead(e));
        }
        return FileVisitResult.CONTINUE;
    }

    private void hash(String rel, long size) {
        try (InputStream in = Submission.open(root, rel)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                read += n;
                if (hashedBytes + read > limits.maxTotalBytes()) {
                    refuse(rel, "grew while it was read and was not hashed");
                    return;
                }
                digest.update(buffer, 0, n);
            }
            hashedBytes += read;
            sizes.put(rel, read);
            sha256.put(rel, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            refuse(rel, cannotRead(e));
        } catch (UnreadableFileException e) {
            refuse(rel, e.reason());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void refuse(String rel, String reason) {
        refused.put(shown(rel), reason);
    }

    private void refuseFolder(String rel, String reason) {
        refuse(rel, reason);
        refusedFolders.add(shown(rel));
    }

    /** Over-long paths are cut for the report: the point is which file, not all 4,000 characters of its name. */
    private String shown(String rel) {
        return rel.length() <= SHOWN_PATH_CHARS ? rel : rel.substring(0, SHOWN_PATH_CHARS) + "...";
    }

    private String relative(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private static boolean ignored(String rel) {
        for (String part : rel.split("/")) {
            if (part.startsWith(".") || part.equals("__MACOSX")) {
                return true;
            }
        }
        return false;
    }

    /** Why a file could not be read, without the absolute path an exception's message starts with. */
    static String cannotRead(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "cannot be read: permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "vanished while the submission was read";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return "cannot be read: " + fs.getReason();
        }
        return "cannot be read: " + e.getClass().getSimpleName();
    }
}
