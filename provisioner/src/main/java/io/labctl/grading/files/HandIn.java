package io.labctl.grading.files;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The hand-in zip of a submission folder: what the assignment asks for (Dockerfiles, the YAML and its commented copy,
 * the report, the scripts that build the images), read as {@link Submission} reads a student's folder: links are not
 * followed and never packed, hidden files and {@code __MACOSX} are skipped, every file is checked again to be a regular
 * file inside the folder right before it is copied. The zip is written to a temporary file beside its destination
 * and only moved there by {@link Staged#commit}: a failure leaves nothing half-written.
 */
public final class HandIn {
    /** Entries get one fixed time: the same files make the same zip. */
    private static final FileTime ENTRY_TIME = FileTime.fromMillis(315_532_800_000L); // 1980-01-01, zip's epoch

    private HandIn() {
    }

    /** What goes into the zip and what does not, by relative path. */
    public record Contents(List<String> packed, List<String> leftOut, Map<String, String> notReadable) {
    }

    /** Whether the assignment asks for a file of this name (lower case): Dockerfiles, YAML, report, build scripts. */
    static boolean asked(String lowerCaseName) {
        return Dockerfiles.isDockerfileName(lowerCaseName) || lowerCaseName.endsWith(".yaml")
                || lowerCaseName.endsWith(".yml") || lowerCaseName.endsWith(".md") || lowerCaseName.endsWith(".txt")
                || lowerCaseName.endsWith(".sh") || lowerCaseName.endsWith(".py") || lowerCaseName.equals("makefile");
    }

    /** Reads the folder (untrusted, as the grader does) and sorts its files into packed and left out. */
    public static Contents contents(Submission folder) {
        List<String> packed = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (String rel : folder.filesRead()) {
            String name = rel.substring(rel.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            (asked(name) ? packed : leftOut).add(rel);
        }
        return new Contents(List.copyOf(packed), List.copyOf(leftOut), folder.refused());
    }

    /** A zip written next to its destination, not yet there. */
    public static final class Staged implements AutoCloseable {
        private final Path temp;
        private final Path target;
        private boolean moved;

        private Staged(Path temp, Path target) {
            this.temp = temp;
            this.target = target;
        }

        /** The staged zip (its name ends in .zip, so the grader reads it as an archive). */
        public Path file() {
            return temp;
        }

        /** Moves the zip to its destination in one rename (replacing what is there: the caller checked --force). */
        public void commit() throws IOException {
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        }

        /** Removes the staged zip unless it was committed. */
        @Override
        public void close() {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary file in the destination's folder, named .NAME-*.zip; nothing else to do
                }
            }
        }
    }

    /** Writes the packed files of {@code folder} into a zip staged beside {@code target}. */
    public static Staged stage(Submission folder, Contents contents, Path target) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName() + "-", ".zip");
        } catch (IOException e) {
            throw new LabctlException(ExitCode.USAGE, "cannot write in " + dir + ": " + SubmissionWalker.cannotRead(e),
                    "pass --out in a folder you can write to");
        }
        Staged staged = new Staged(temp, target);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
             ZipOutputStream zip = new ZipOutputStream(Channels.newOutputStream(channel))) {
            for (String rel : contents.packed()) {
                ZipEntry entry = new ZipEntry(rel);
                entry.setLastModifiedTime(ENTRY_TIME);
                zip.putNextEntry(entry);
                try (InputStream in = Submission.open(folder.root(), rel)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
            zip.finish();
            zip.flush();
            channel.force(true);
        } catch (UnreadableFileException e) {
            staged.close();
            throw new LabctlException(ExitCode.USAGE, "cannot pack " + e.getMessage(), "fix the file and pack again");
        } catch (IOException e) {
            staged.close();
            throw new LabctlException(ExitCode.USAGE, "cannot write the zip: " + SubmissionWalker.cannotRead(e),
                    "check the free space and permissions of " + dir);
        }
        return staged;
    }
}
