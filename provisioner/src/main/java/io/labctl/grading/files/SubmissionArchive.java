package io.labctl.grading.files;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A submission as the course platform hands it out: a {@code .zip} (Moodle, Canvas, Gradescope) or a
 * {@code .tar.gz}/{@code .tgz}, unpacked into a fresh folder that is then read like any submission folder. The
 * archive is untrusted like the folder: no entry is written outside the target (absolute names, {@code ..}), links
 * (symbolic or hard) and devices are never created but listed as refused, so that a check needing such a file is
 * an ERROR naming it; and the caps of {@link SubmissionLimits} hold while unpacking (entries, bytes actually
 * written, path length and depth), so a zip bomb stops at the byte cap instead of filling the disk.
 */
public final class SubmissionArchive implements AutoCloseable {
    private final Path folder;
    private final Map<String, String> refused;

    private SubmissionArchive(Path folder, Map<String, String> refused) {
        this.folder = folder;
        this.refused = refused;
    }

    /** Whether the path names an archive this class unpacks (by its name). */
    public static boolean isArchive(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".zip") || name.endsWith(".tar.gz") || name.endsWith(".tgz");
    }

    /**
     * Unpacks the archive into a new temporary folder, removed by {@link #close()}.
     *
     * @throws LabctlException (bad input) when the archive cannot be read or is over a cap: its files cannot be
     *                         graded, which the caller reports as not gradable
     */
    public static SubmissionArchive unpack(Path archive, SubmissionLimits limits) {
        if (!Files.isRegularFile(archive, LinkOption.NOFOLLOW_LINKS)) {
            throw new LabctlException(ExitCode.USAGE, "submission archive " + archive + " is not a regular file",
                    "pass the .zip or .tar.gz the student handed in, or the unpacked folder");
        }
        Path target;
        try {
            target = Files.createTempDirectory("labctl-submission-");
        } catch (IOException e) {
            throw new LabctlException(ExitCode.USAGE, "cannot create a folder to unpack " + archive + " into: "
                    + e.getMessage(), "set java.io.tmpdir to a writable folder");
        }
        SubmissionArchive unpacked = new SubmissionArchive(target, new TreeMap<>());
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
             ArchiveInputStream<?> in = open(archive, raw)) {
            int entries = new Unpacker(archive, target, limits, unpacked.refused).unpack(in);
            if (entries == 0 && Files.size(archive) > 0) {
                // A damaged or mislabelled file reads as no entries; graded as empty, the student would get zeros.
                throw new IOException("no entries found; it is not a readable " + (archive.getFileName().toString()
                        .toLowerCase(Locale.ROOT).endsWith(".zip") ? "zip" : "gzip'd tar") + " archive");
            }
            return unpacked;
        } catch (IOException | RuntimeException e) {
            unpacked.close();
            if (e instanceof LabctlException le) {
                throw le;
            }
            throw new LabctlException(ExitCode.USAGE, "cannot unpack submission archive " + archive + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("")),
                    "ask the student for a .zip or .tar.gz that opens, or unpack it and pass the folder");
        }
    }

    private static ArchiveInputStream<?> open(Path archive, InputStream raw) throws IOException {
        String name = archive.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".zip") ? new ZipArchiveInputStream(raw)
                : new TarArchiveInputStream(new GzipCompressorInputStream(raw));
    }

    /** The unpacked folder. */
    public Path folder() {
        return folder;
    }

    /** Entries not unpacked (links, devices), by relative path, with the reason. */
    public Map<String, String> refused() {
        return refused;
    }

    /** Removes the unpacked folder (it holds no links: none were created). */
    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is the system's to clean; grading goes on
        }
    }

    /** One pass over the entries with the running totals the caps are judged on. */
    private static final class Unpacker {
        private final Path archive;
        private final Path target;
        private final SubmissionLimits limits;
        private final Map<String, String> refused;
        private int entries;
        private long written;

        Unpacker(Path archive, Path target, SubmissionLimits limits, Map<String, String> refused) {
            this.archive = archive;
            this.target = target;
            this.limits = limits;
            this.refused = refused;
        }

        /** Unpacks every entry; returns how many there were. */
        int unpack(ArchiveInputStream<?> in) throws IOException {
            ArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > limits.maxFiles()) {
                    throw over("more than " + limits.maxFiles() + " entries");
                }
                String name = entry.getName().replace('\\', '/');
                String relative = relative(name);
                if (relative == null) {
                    refused.put(name, "is named outside the archive's folder (absolute or with ..); not unpacked");
                    continue;
                }
                if (relative.isEmpty() || ignored(relative)) {
                    continue;
                }
                String kind = notAFile(entry);
                if (kind != null) {
                    refused.put(relative, "is " + kind + " in the archive; the grader does not create links or devices");
                    continue;
                }
                Path path = target.resolve(relative).normalize();
                if (!path.startsWith(target)) {
                    refused.put(name, "is named outside the archive's folder; not unpacked");
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    copy(in, out);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    refused.put(relative, "is in the archive twice; the first copy is graded");
                }
            }
            return entries;
        }

        /** The entry's path relative to the target, or null when it names a place outside it. */
        private String relative(String name) {
            if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.indexOf('\0') >= 0) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            for (String part : name.split("/")) {
                if (part.isEmpty() || part.equals(".")) {
                    continue;
                }
                if (part.equals("..")) {
                    return null;
                }
                parts.add(part);
            }
            String relative = String.join("/", parts);
            if (relative.length() > limits.maxPathLength() || parts.size() > limits.maxDepth() + 1) {
                throw over("an entry named past the path caps (" + limits.maxPathLength() + " characters, "
                        + limits.maxDepth() + " folders)");
            }
            return relative;
        }

        /** The junk zip tools add, never part of what was graded (the walker ignores it too). */
        private static boolean ignored(String relative) {
            return relative.startsWith("__MACOSX/") || relative.equals("__MACOSX");
        }

        private static String notAFile(ArchiveEntry entry) {
            if (entry instanceof TarArchiveEntry tar) {
                if (tar.isSymbolicLink()) {
                    return "a symbolic link";
                }
                if (tar.isLink()) {
                    return "a hard link";
                }
                if (!tar.isFile() && !tar.isDirectory()) {
                    return "a device, FIFO or other special file";
                }
            }
            if (entry instanceof ZipArchiveEntry zip && zip.isUnixSymlink()) {
                return "a symbolic link";
            }
            return null;
        }

        private void copy(InputStream in, OutputStream out) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                written += n;
                if (written > limits.maxTotalBytes()) {
                    throw over("more than " + SubmissionLimits.size(limits.maxTotalBytes()) + " unpacked");
                }
                out.write(buffer, 0, n);
            }
        }

        private LabctlException over(String what) {
            return new LabctlException(ExitCode.USAGE, "submission archive " + archive.getFileName() + " holds " + what
                    + "; it was not graded on files", "a person has to look at it, or ask the student for the lab's files only");
        }
    }
}
