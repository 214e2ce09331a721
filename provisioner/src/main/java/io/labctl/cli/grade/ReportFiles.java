package io.labctl.cli.grade;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.grading.GradeReport;
import io.labctl.grading.report.ClassCsv;
import io.labctl.grading.report.ReportFormat;
import io.labctl.grading.report.ReportWriters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Where reports go: stdout, one file, or a folder of {@code NAME.EXT} files plus {@code class.csv}.
 * Files are written to a temporary name and moved into place, so an interrupted run never leaves a
 * half-written report that looks complete.
 */
final class ReportFiles {
    static final String CLASS_CSV = "class.csv";

    private final List<ReportFormat> formats;

    ReportFiles(List<ReportFormat> formats) {
        this.formats = formats;
    }

    List<ReportFormat> formats() {
        return formats;
    }

    static List<ReportFormat> parseFormats(List<String> names) {
        List<ReportFormat> formats = new ArrayList<>();
        for (String name : names) {
            try {
                formats.add(ReportFormat.valueOf(name.trim().toLowerCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw LabctlException.usage("unknown report format '" + name + "'", "use one of "
                        + String.join(", ", Arrays.stream(ReportFormat.values()).map(Enum::name).toList()));
            }
        }
        return formats.stream().distinct().toList();
    }

    void print(GradeReport report, PrintWriter out) {
        for (ReportFormat f : formats) {
            write(f, report, out);
        }
        out.flush();
    }

    /** Writes the single format to {@code file}. */
    void writeAll(Path file, GradeReport report) {
        atomically(file, w -> write(formats.get(0), report, w));
    }

    /** Writes every format as {@code dir/base.EXT}; returns the files. */
    List<Path> writeAll(Path dir, String base, GradeReport report) {
        List<Path> written = new ArrayList<>();
        for (ReportFormat f : formats) {
            Path file = dir.resolve(base + "." + f.extension());
            atomically(file, w -> write(f, report, w));
            written.add(file);
        }
        return written;
    }

    /** The class table; with {@code merge}, rows of students not in {@code reports} are kept from the old file. */
    Path writeClassCsv(Path dir, List<GradeReport> reports, boolean merge) {
        Path file = dir.resolve(CLASS_CSV);
        boolean existing = merge && Files.exists(file);
        atomically(file, w -> {
            try {
                if (existing) {
                    ClassCsv.merge(file, reports, w);
                } else {
                    ClassCsv.write(reports, w);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return file;
    }

    /**
     * Fails now, before any cluster is read, when reports could not be written to {@code dir}: grading a
     * class takes minutes, and an unwritable folder found at the end would throw that work away.
     */
    static void requireWritable(Path dir) {
        Path probe = dir.resolve(".labctl-write-probe");
        atomically(probe, w -> { });
        try {
            Files.deleteIfExists(probe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(ReportFormat f, GradeReport report, Writer w) {
        try {
            ReportWriters.forFormat(f).write(report, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void atomically(Path file, Consumer<Writer> body) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    body.accept(w);
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new LabctlException(ExitCode.USAGE, "cannot write " + file + ": " + e.getMessage(),
                    "choose a writable --out/--out-dir");
        }
    }
}
