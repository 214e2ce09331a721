package io.labctl.cli;

import io.labctl.core.Progress;

import java.io.PrintWriter;

/**
 * Prints progress on stderr: each step on its own line, and the live status of a wait either
 * rewritten in place (on a terminal, with a bar when the step's parts are counted) or as a new line per change
 * (in logs and CI, where a bar drawn in place would be garbage).
 */
final class ConsoleProgress implements Progress {
    private final PrintWriter err;
    private final Style style;
    private final boolean rewriteInPlace;
    private final boolean quiet;
    private final long start = System.nanoTime();
    private boolean statusLineOpen;
    /** The count of the current step's parts, or null when it has none. */
    private int[] count;
    private static final int BAR_WIDTH = 20;

    /** @param quiet print nothing (-q): the result and errors still come out, through other paths */
    ConsoleProgress(PrintWriter err, Style style, boolean rewriteInPlace, boolean quiet) {
        this.err = err;
        this.style = style;
        this.rewriteInPlace = rewriteInPlace;
        this.quiet = quiet;
    }

    @Override
    public synchronized void step(String message) {
        if (quiet) {
            return;
        }
        closeStatusLine();
        count = null;
        err.println(style.bold("==> ") + message);
        err.flush();
    }

    @Override
    public synchronized void update(String status) {
        if (quiet) {
            return;
        }
        String line = "    [" + elapsed() + "] " + counter() + status;
        if (rewriteInPlace) {
            err.print("\r" + line + "\u001b[K");
            statusLineOpen = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public synchronized void counted(String status, int done, int total) {
        if (quiet) {
            return;
        }
        int[] next = {Math.max(0, Math.min(done, total)), Math.max(total, 1)};
        boolean changed = count == null || count[0] != next[0] || count[1] != next[1];
        count = next;
        // In a log, one line per finished part; on a terminal the status line follows every change.
        if (changed || rewriteInPlace) {
            update(status);
        }
    }

    /** "[#####...............] 5/20 " on a terminal, "5/20 " in a log, nothing when the step is not counted. */
    private String counter() {
        if (count == null) {
            return "";
        }
        String fraction = count[0] + "/" + count[1] + " ";
        if (!rewriteInPlace) {
            return fraction;
        }
        int filled = count[0] * BAR_WIDTH / count[1];
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + fraction;
    }

    @Override
    public synchronized void note(String message) {
        if (quiet) {
            return;
        }
        closeStatusLine();
        err.println("    " + style.dim("- ") + message);
        err.flush();
    }

    /** Ends an in-place status line so the next output starts on a fresh line. */
    synchronized void closeStatusLine() {
        if (statusLineOpen) {
            err.println();
            statusLineOpen = false;
        }
    }

    private String elapsed() {
        long s = (System.nanoTime() - start) / 1_000_000_000L;
        return s < 60 ? s + "s" : (s / 60) + "m" + String.format("%02d", s % 60) + "s";
    }
}
