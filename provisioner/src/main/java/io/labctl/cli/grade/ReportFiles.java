package io.labctl.cli.grade;

import io.labctl.core.AtomicFiles;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.grading.GradeReport;
import io.labctl.grading.report.ClassCsvFile;
import io.labctl.grading.report.HtmlClassReport;
import io.labctl.grading.report.ReportFormat;
import io.labctl.grading.report.ReportWriters;
import io.labctl.grading.report.StatusMarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Where reports go: stdout, one file, or a folder of {@code NAME.EXT} files plus {@code class.csv}.
 * Files are written to a temporary name and moved into place ({@link AtomicFiles}), so an interrupted run never
 * leaves a half-written report that looks complete; an existing report keeps its permissions, a new one is
 * readable by its owner only (reports name students and their grades).
 */
final class ReportFiles {
    /** Written and removed again before grading starts, to know the folder is writable. */
    static final String WRITE_PROBE = ".labctl-write-probe";

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

    /** Prints the format (one: GradeCommand refuses several on stdout) with the terminal's marks. */
    void print(GradeReport report, PrintWriter out, StatusMarks marks) {
        for (ReportFormat f : formats) {
            try {
                ReportWriters.forTerminal(f, marks).write(report, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.flush();
    }

    /** Writes the single format to {@code file}. */
    void writeAll(Path file, GradeReport report) {
        atomically(file, w -> write(formats.get(0), report, w));
    }

    /** The report files of {@code base} in {@code dir}, one per format: {@code dir/base.EXT}. */
    List<Path> targets(Path dir, String base) {
        return formats.stream().map(f -> dir.resolve(base + "." + f.extension())).toList();
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
        Path file = dir.resolve(ClassCsvFile.NAME);
        try {
            return new ClassCsvFile().update(dir, reports, merge);
        } catch (IOException e) {
            throw new LabctlException(ExitCode.USAGE, "cannot write " + file + ": " + e.getMessage(),
                    "choose a writable --out-dir, or move the file that is not a labctl class table");
        }
    }

    /** The class page ({@code class.html}) when HTML is one of the formats; empty otherwise. */
    java.util.Optional<Path> writeClassHtml(Path dir, List<GradeReport> reports) {
        if (!formats.contains(ReportFormat.html)) {
            return java.util.Optional.empty();
        }
        Path file = dir.resolve(HtmlClassReport.NAME);
        atomically(file, w -> {
            try {
                HtmlClassReport.write(reports, w);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return java.util.Optional.of(file);
    }

    /**
     * Fails now, before any cluster is read, when reports could not be written to {@code dir}: grading a
     * class takes minutes, and an unwritable folder found at the end would throw that work away.
     */
    static void requireWritable(Path dir) {
        Path probe = dir.resolve(WRITE_PROBE);
        atomically(probe, w -> { });
        try {
            Files.deleteIfExists(probe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails now when a report would replace something other than a regular file: a rename over a symbolic link
     * replaces the link, over {@code /dev/sda} the device node; neither is a report file.
     */
    static void requireRegularOrAbsent(Path file, String option) {
        AtomicFiles.notRegular(file).ifPresent(what -> {
            throw LabctlException.usage(option + " " + file + " is " + what + "; reports are written to regular files"
                    + " only", "give the name of a new or existing regular file (no --out prints to stdout)");
        });
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
            AtomicFiles.write(file, AtomicFiles.OWNER_ONLY, body::accept);
        } catch (IOException e) {
            throw new LabctlException(ExitCode.USAGE, "cannot write " + file + ": " + e.getMessage(),
                    "choose a writable --out/--out-dir");
        }
    }
}
