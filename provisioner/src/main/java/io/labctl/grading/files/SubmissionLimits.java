package io.labctl.grading.files;

/**
 * How much of a submission the grader reads. A submission is untrusted input: a student (or a zip tool) can hand
 * in a Spark tarball, a million files or a path nested a thousand folders deep, and grading one student must stay
 * a matter of seconds. What is over a cap is not read; every check that needed it says so as an ERROR (a person
 * has to look), never as a student's FAILED.
 *
 * @param maxFiles       regular files read; a tree with more is not graded on files at all (checks would see an
 *                       arbitrary part of it)
 * @param maxTextBytes   the largest file read as text (Dockerfile, YAML, report); larger files are still hashed
 * @param maxTotalBytes  bytes hashed per submission; files past this budget are listed, not hashed
 * @param maxPathLength  characters of a path relative to the submission folder
 * @param maxDepth       folders below the submission folder
 */
public record SubmissionLimits(int maxFiles, long maxTextBytes, long maxTotalBytes, int maxPathLength, int maxDepth) {
    private static final long MIB = 1024L * 1024;

    /**
     * A lab submission is a dozen small files; these leave room for a zipped-in Spark distribution (about
     * 1,500 files, 400 MiB) and keep the worst case at about a second of reading per student.
     */
    public static final SubmissionLimits DEFAULT = new SubmissionLimits(2000, 2 * MIB, 512 * MIB, 1024, 32);

    /** "2 MiB", "512 MiB", "800 bytes": for messages. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < MIB) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0).replace(".0 ", " ");
        }
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) MIB).replace(".0 ", " ");
    }
}
