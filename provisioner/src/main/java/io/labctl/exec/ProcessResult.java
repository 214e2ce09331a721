package io.labctl.exec;

/** What a finished program left: its exit status and its whole output (also streamed while it ran). */
public record ProcessResult(Command command, int exitCode, String stdout, String stderr) {
    public boolean succeeded() {
        return exitCode == 0;
    }

    /** The last non-blank line of stderr, else of stdout: usually the tool's own error message. */
    public String lastErrorLine() {
        String line = lastLine(stderr);
        return line.isEmpty() ? lastLine(stdout) : line;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
