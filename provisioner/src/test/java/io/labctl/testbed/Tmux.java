package io.labctl.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real terminal for tests of interactive commands: a tmux server of its own (its own socket, no user config) with
 * one bash session; tests type into it and read its screen, as a student would use the terminal. Closing kills this
 * server only. Skipped without tmux (failed in CI, like the test bed).
 */
public final class Tmux implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(250);
    private final String socket;
    private Path socketFile;

    private Tmux(String socket) {
        this.socket = socket;
    }

    /** A session "main" of {@code columns} x {@code rows} running bash in {@code dir}. */
    public static Tmux start(Path dir, int columns, int rows) {
        return start(dir, columns, rows, "bash --norc --noprofile");
    }

    /** A session "main" of {@code columns} x {@code rows} running {@code shellCommand} (e.g. "zsh -f") in {@code dir}. */
    public static Tmux start(Path dir, int columns, int rows, String shellCommand) {
        RequiredTools.require("tmux", "tests of interactive commands drive a real terminal");
        Tmux tmux = new Tmux("labctl-it-" + Testbed.randomSuffix());
        tmux.run("new-session", "-d", "-s", "main", "-x", String.valueOf(columns), "-y", String.valueOf(rows), "-c",
                dir.toString(), shellCommand);
        tmux.socketFile = Path.of(tmux.run("display-message", "-p", "#{socket_path}").trim());
        return tmux;
    }

    /** Opens another window (a second terminal tab); its target is "main:NAME". */
    public String window(String name, Path dir) {
        run("new-window", "-t", "main", "-n", name, "-c", dir.toString(), "bash --norc --noprofile");
        return "main:" + name;
    }

    /** Types {@code text} and Enter into the window. */
    public void line(String window, String text) {
        // A trailing ';' would end the tmux command rather than be typed.
        run("send-keys", "-t", window, "-l", text.endsWith(";") ? text.substring(0, text.length() - 1) + "\\;" : text);
        run("send-keys", "-t", window, "Enter");
    }

    public void ctrlC(String window) {
        run("send-keys", "-t", window, "C-c");
    }

    /** Types {@code text} without Enter: the line stays open for what comes next (a TAB). */
    public void type(String window, String text) {
        run("send-keys", "-t", window, "-l", text.endsWith(";") ? text.substring(0, text.length() - 1) + "\\;" : text);
    }

    /** Presses keys by tmux's names ("Tab", "C-u"), in one go: the program reads them as typed ahead. */
    public void keys(String window, String... keys) {
        List<String> command = new ArrayList<>(List.of("send-keys", "-t", window));
        command.addAll(List.of(keys));
        run(command.toArray(String[]::new));
    }

    /**
     * Clears the screen (Ctrl-L, as the shell does it) and then forgets the history, so that {@link #screen} shows only
     * what comes next: a clear screen may push the old lines into the history, so the history goes after it.
     */
    public void clear(String window) throws InterruptedException {
        run("send-keys", "-t", window, "C-l");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && run("capture-pane", "-p", "-t", window).strip().lines().count() > 1) {
            Thread.sleep(POLL.toMillis()); // test code: a terminal has no change notification to wait on
        }
        run("clear-history", "-t", window);
    }

    /** The window's whole history and screen, wrapped lines joined. */
    public String screen(String window) {
        return run("capture-pane", "-p", "-J", "-S", "-", "-t", window);
    }

    /** Waits until the window shows {@code pattern}; returns the match, or fails showing the screen. */
    public Matcher await(String window, Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = screen(window);
            Matcher m = pattern.matcher(screen);
            if (m.find()) {
                return m;
            }
            Thread.sleep(POLL.toMillis()); // test code: a terminal has no change notification to wait on
        }
        throw new AssertionError("no /" + pattern + "/ in " + window + " after " + timeout + "; screen:\n" + screen);
    }

    @Override
    public void close() {
        try {
            run("kill-server");
        } catch (IllegalStateException e) {
            // already gone
        }
        try {
            if (socketFile != null) {
                java.nio.file.Files.deleteIfExists(socketFile); // tmux leaves it behind
            }
        } catch (IOException e) {
            // a stale socket in /tmp/tmux-UID is harmless
        }
    }

    private String run(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run tmux: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
