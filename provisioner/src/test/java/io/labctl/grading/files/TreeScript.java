package io.labctl.grading.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * Builds a file tree from a script, for {@link SubmissionFuzzTest}: one operation per line, at most
 * {@value #MAX_OPERATIONS}.
 * <pre>
 * f PATH CONTENT     a file ("\n" in CONTENT is a line break)
 * d PATH             a folder
 * l PATH TARGET      a symbolic link; TARGET @secret, @outside or @root, or any path as written
 * p PATH             a FIFO (at most one per script)
 * </pre>
 * The tree is built inside the given folder only: a path that leaves it, or that passes through a link (which
 * could point anywhere, even at /etc), is skipped. The tests run as root on some machines; the script must never
 * write outside its folder, whatever the fuzzer makes of it.
 */
final class TreeScript {
    private static final int MAX_OPERATIONS = 64;
    private static final int MAX_CONTENT = 8 * 1024;

    private TreeScript() {
    }

    static void build(String script, Path root, Path secret, String secretText) {
        int operations = 0;
        boolean fifo = false;
        for (String line : withoutSecret(script, secretText).split("\n")) {
            if (++operations > MAX_OPERATIONS || line.length() < 3 || line.charAt(1) != ' ') {
                continue;
            }
            String[] parts = line.substring(2).split(" ", 2);
            String rest = parts.length > 1 ? parts[1] : "";
            try {
                Path path = inside(root, parts[0]);
                if (path == null) {
                    continue;
                }
                switch (line.charAt(0)) {
                    case 'f' -> Files.writeString(path, content(rest));
                    case 'd' -> Files.createDirectories(path);
                    case 'l' -> Files.createSymbolicLink(path, target(rest, root, secret));
                    case 'p' -> {
                        if (!fifo) {
                            fifo = true;
                            Process p = new ProcessBuilder("mkfifo", path.toString()).start();
                            p.waitFor(5, TimeUnit.SECONDS);
                        }
                    }
                    default -> {
                        // not an operation: ignored, as a fuzzer's noise should be
                    }
                }
            } catch (IOException | InvalidPathException | UnsupportedOperationException skipped) {
                // a name too long, an existing file: the tree is whatever could be built
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The script with every occurrence of the secret removed, repeatedly: the secret may only enter the tree through
     * {@code @secret}, since a file the fuzzer names after it is no leak. One pass is not enough: removing the secret
     * from the middle of "SEC" + secret + "RET-…" joins the halves into a new one (the fuzzer found exactly that).
     */
    static String withoutSecret(String script, String secretText) {
        String text = script;
        while (text.contains(secretText)) {
            text = text.replace(secretText, "");
        }
        return text;
    }

    /** The path to create, its missing parent folders created; null when it would leave root or pass a link. */
    private static Path inside(Path root, String relative) throws IOException {
        if (relative.isEmpty() || relative.indexOf('\0') >= 0) {
            return null;
        }
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            return null;
        }
        Path current = root;
        for (Path part : root.relativize(path.getParent())) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current) || (Files.exists(current) && !Files.isDirectory(current))) {
                return null;
            }
            if (!Files.exists(current)) {
                Files.createDirectory(current);
            }
        }
        return Files.exists(path) || Files.isSymbolicLink(path) ? null : path;
    }

    private static String content(String text) {
        String content = text.replace("\\n", "\n");
        return content.length() > MAX_CONTENT ? content.substring(0, MAX_CONTENT) : content;
    }

    private static Path target(String target, Path root, Path secret) {
        return switch (target) {
            case "@secret" -> secret;
            case "@outside" -> secret.getParent();
            case "@root" -> root;
            default -> Path.of(target.isEmpty() ? "missing" : target);
        };
    }

    /** Deletes a tree without following a single link (a link to / must not take / with it). */
    static void delete(Path work) throws IOException {
        Files.walkFileTree(work, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
