package io.labctl.spark.access;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/** The user's terminal as an interactive shell in a pod needs it. */
public interface ShellTerminal {
    /** Keystrokes. */
    InputStream in();

    /** The screen; written to as the shell's output arrives (unbuffered, or flushed by the caller). */
    OutputStream out();

    /** The terminal's size, when known, for the pod's TTY. */
    Optional<Size> size();

    /** Hands the keyboard to the shell: every key as typed, Ctrl-C and Ctrl-D included, no local echo. */
    void raw();

    /** Gives the terminal back as it was before {@link #raw()}; harmless when raw was never entered. */
    void restore();

    /** Columns and rows. */
    record Size(int columns, int rows) {
    }
}
