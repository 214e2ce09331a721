package io.labctl.grading.report;

import io.labctl.core.AtomicFiles;
import io.labctl.core.FileChannelLock;
import io.labctl.grading.GradeReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code class.csv} in a grades folder, updated as one read-merge-write under a lock: two regrades of different
 * students running at once ({@code --only alice} and {@code --only bob}) each read the table, replace their row
 * and write it back; without the lock the second write drops the first one's row. The lock is
 * {@value #LOCK_FILE} beside it ({@link FileChannelLock}); the table itself is replaced atomically.
 */
public final class ClassCsvFile {
    /** The class table's file name in a grades folder: no student's reports may be named like it. */
    public static final String NAME = "class.csv";
    static final String LOCK_FILE = ".class.csv.lock";

    private final Runnable afterRead;

    public ClassCsvFile() {
        this(() -> { });
    }

    /** With a pause between reading and writing the table: tests hold a merge open to race another one. */
    ClassCsvFile(Runnable afterRead) {
        this.afterRead = afterRead;
    }

    /**
     * Writes {@code dir/class.csv}: with {@code merge}, the existing table with the rows of {@code reports}
     * replaced or added ({@link ClassCsv#merge}); without, a table of {@code reports} only.
     *
     * @return the file written
     */
    public Path update(Path dir, List<GradeReport> reports, boolean merge) throws IOException {
        Path file = dir.resolve(NAME);
        try (FileChannelLock lock = FileChannelLock.acquire(dir.resolve(LOCK_FILE))) {
            if (merge && Files.exists(file)) {
                String existing = Files.readString(file);
                afterRead.run();
                AtomicFiles.write(file, AtomicFiles.OWNER_ONLY, out -> ClassCsv.merge(existing, file, reports, out));
            } else {
                afterRead.run();
                AtomicFiles.write(file, AtomicFiles.OWNER_ONLY, out -> ClassCsv.write(reports, out));
            }
        }
        return file;
    }
}
