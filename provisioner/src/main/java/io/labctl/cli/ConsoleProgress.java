package io.labctl.cli;

import io.labctl.core.Progress;

import java.io.PrintWriter;

/**
 * Prints progress on stderr: each step on its own line, and the live status of a wait either
 * rewritten in place (on a terminal) or as a new line per change (in logs and CI).
 */
final class ConsoleProgress implements Progress {
    private final PrintWriter err;
    private final Style style;
    private final boolean rewriteInPlace;
    private final boolean quiet;
    private final long start = System.nanoTime();
    private boolean statusLineOpen;

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
        err.println(style.bold("==> ") + message);
        err.flush();
    }

    @Override
    public synchronized void update(String status) {
        if (quiet) {
            return;
        }
        String line = "    [" + elapsed() + "] " + status;
        if (rewriteInPlace) {
            err.print("\r" + line + "\u001b[K");
            statusLineOpen = true;
        } else {
            err.println(line);
        }
        err.flush();
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
