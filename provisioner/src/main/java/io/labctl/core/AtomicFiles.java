package io.labctl.core;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Replacing a file so that a reader sees the old or the new content, never half of it, and a crash right after
 * does not lose the new one: write a temporary file in the same folder, fsync it, rename it over the target,
 * fsync the folder. An existing target keeps its permissions (an instructor's 0644 report stays readable by the
 * web server that serves it); a new one gets the mode the caller asks for.
 *
 * <p>The target must be a regular file or absent: renaming over a symbolic link would replace the link, and over
 * a device node would replace the node, neither of which is what the user asked for. Callers that mean "the file
 * a link points to" resolve it first ({@link #followLinks}).
 */
public final class AtomicFiles {
    /** Owner read and write only: reports name students, kubeconfigs hold keys. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int MAX_LINK_HOPS = 40; // as Linux's ELOOP limit

    /** Writes the content through a Writer (UTF-8). */
    @FunctionalInterface
    public interface Body {
        void write(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * What is at {@code path} when it is there but not a regular file ("a symbolic link", "a directory", "a
     * device, FIFO or socket"); empty when it is a regular file or nothing.
     */
    public static Optional<String> notRegular(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(a.isSymbolicLink() ? "a symbolic link" : a.isDirectory() ? "a directory"
                    : "a device, FIFO or socket");
        } catch (IOException absent) {
            return Optional.empty();
        }
    }

    /**
     * The file {@code path} ends at after following symbolic links (relative ones against their own folder),
     * which need not exist yet: a dangling link names the file to create.
     */
    public static Path followLinks(Path path) throws IOException {
        Path current = path.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops == MAX_LINK_HOPS) {
                throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
            }
            current = current.getParent().resolve(Files.readSymbolicLink(current)).normalize();
        }
        return current;
    }

    /**
     * Replaces {@code target} (a regular file or nothing) with what {@code body} writes.
     *
     * @param newFileMode permissions when the target does not exist yet
     * @throws FileSystemException when the target exists and is not a regular file; nothing is written then
     */
    public static void write(Path target, Set<PosixFilePermission> newFileMode, Body body) throws IOException {
        write(target, newFileMode, true, body);
    }

    /**
     * As {@link #write(Path, Set, Body)}, but the file gets {@code mode} even when it existed with another one:
     * for files that hold secrets (a kubeconfig with client keys must not stay world-readable).
     */
    public static void writeWithMode(Path target, Set<PosixFilePermission> mode, Body body) throws IOException {
        write(target, mode, false, body);
    }

    private static void write(Path target, Set<PosixFilePermission> newFileMode, boolean keepExistingMode, Body body)
            throws IOException {
        Path file = target.toAbsolutePath();
        Optional<String> notRegular = notRegular(file);
        if (notRegular.isPresent()) {
            throw new FileSystemException(file.toString(), null, "is " + notRegular.get() + ", not a regular file");
        }
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            setMode(tmp, keepExistingMode ? existingMode(file).orElse(newFileMode) : newFileMode);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                Writer out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8));
                body.write(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            syncFolder(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Optional<Set<PosixFilePermission>> existingMode(Path file) {
        try {
            return Optional.of(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException absentOrNotPosix) {
            return Optional.empty();
        }
    }

    private static void setMode(Path file, Set<PosixFilePermission> mode) throws IOException {
        try {
            Files.setPosixFilePermissions(file, mode);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the temporary file's default ACL (the user's) is what there is.
        }
    }

    /** Makes the rename itself durable; a file system that cannot sync a folder has nothing better to offer. */
    private static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException cannot) {
            // best effort: the data itself was synced before the rename
        }
    }
}
