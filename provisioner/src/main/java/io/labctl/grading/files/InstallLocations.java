package io.labctl.grading.files;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a Dockerfile puts a component such as Spark or Hadoop, read the way a person would: the
 * {@code <COMPONENT>_HOME} it declares, the directory it extracts the component's tarball into
 * ({@code tar -C}, or the current directory from WORKDIR and {@code cd}), and where it moves, copies or
 * links it ({@code mv}, {@code cp}, {@code ln}, COPY, ADD). A word names the component when its last
 * path element starts with the component's name ({@code spark-3.5.7-bin-hadoop3.tgz} is Spark, not Hadoop).
 */
final class InstallLocations {
    private static final Pattern COMMAND_SEPARATOR = Pattern.compile("&&|\\|\\||;|\\n");
    // Words that can precede a command inside a RUN's shell text.
    private static final Set<String> PREFIXES = Set.of("then", "do", "else", "sudo", "(", "{");
    private static final Set<String> MOVES = Set.of("mv", "cp", "ln");

    /**
     * One piece of evidence.
     *
     * @param evidence what shows it ("base/Dockerfile:60 ENV SPARK_HOME=/opt/spark")
     * @param path     the directory the component is in (or extracted into), absolute
     * @param declared whether it is the component's {@code _HOME} variable, which wins over the rest
     */
    record Location(String evidence, String path, boolean declared) {
    }

    private InstallLocations() {
    }

    /** The variable that names where the component is: SPARK_HOME, HADOOP_HOME. */
    static String homeVariable(String component) {
        return component.toUpperCase(Locale.ROOT) + "_HOME";
    }

    /** The evidence in the Dockerfile, in file order. */
    static List<Location> find(Dockerfile dockerfile, String component) {
        String home = homeVariable(component);
        List<Location> found = new ArrayList<>();
        for (Dockerfile.Stage stage : dockerfile.stages()) {
            String workdir = "/";
            for (Dockerfile.Instruction i : stage.instructions()) {
                switch (i.keyword()) {
                    case "WORKDIR" -> workdir = resolve(workdir, i.expanded().strip());
                    case "ENV" -> {
                        String value = Dockerfile.assignments("ENV", i.expanded()).get(home);
                        if (value != null) {
                            found.add(new Location(i.file() + ":" + i.line() + " ENV " + home + "=" + value,
                                    resolve(workdir, value), true));
                        }
                    }
                    case "COPY", "ADD" -> {
                        List<String> operands = i.operands();
                        if (operands.size() >= 2 && operands.stream().anyMatch(w -> names(w, component))) {
                            found.add(new Location(i.describe(), resolve(workdir, last(operands)), false));
                        }
                    }
                    case "RUN" -> found.addAll(inRun(i, component, workdir));
                    default -> {
                        // other instructions do not place files
                    }
                }
            }
        }
        return found;
    }

    /**
     * Where the Dockerfile leaves the component: its declared home when it has one (the last), otherwise
     * the last place it was extracted or moved to; null when the Dockerfile does not install it.
     */
    static Location decisive(List<Location> locations) {
        Location decisive = null;
        for (Location l : locations) {
            if (l.declared() || decisive == null || !decisive.declared()) {
                decisive = l;
            }
        }
        return decisive;
    }

    private static List<Location> inRun(Dockerfile.Instruction run, String component, String workdir) {
        List<Location> found = new ArrayList<>();
        String cwd = workdir;
        for (String command : COMMAND_SEPARATOR.split(run.shellText())) {
            List<String> words = new ArrayList<>(ShellWords.split(command));
            while (!words.isEmpty() && PREFIXES.contains(words.get(0))) {
                words.remove(0);
            }
            if (words.isEmpty()) {
                continue;
            }
            String program = lastElement(words.get(0));
            List<String> operands = words.stream().skip(1).filter(w -> !w.startsWith("-")).toList();
            if (program.equals("cd") && !operands.isEmpty()) {
                cwd = resolve(cwd, operands.get(0));
            } else if (MOVES.contains(program) && operands.size() >= 2
                    && operands.subList(0, operands.size() - 1).stream().anyMatch(w -> names(w, component))) {
                found.add(new Location(run.file() + ":" + run.line() + " " + command.strip(),
                        resolve(cwd, last(operands)), false));
            } else if (words.contains("tar") && words.stream().anyMatch(w -> names(w, component))) {
                // The tarball may be piped in (curl ... | tar -xz -C /opt): look at the whole command.
                found.add(new Location(run.file() + ":" + run.line() + " " + command.strip(),
                        resolve(cwd, tarDirectory(words)), false));
            }
        }
        return found;
    }

    /** The directory {@code tar} extracts into: {@code -C dir}, {@code -Cdir}, {@code --directory[=]dir}, else ".". */
    private static String tarDirectory(List<String> words) {
        for (int i = words.indexOf("tar") + 1; i < words.size(); i++) {
            String w = words.get(i);
            if ((w.equals("-C") || w.equals("--directory")) && i + 1 < words.size()) {
                return words.get(i + 1);
            }
            if (w.startsWith("--directory=")) {
                return w.substring("--directory=".length());
            }
            if (w.startsWith("-C") && w.length() > 2) {
                return w.substring(2);
            }
        }
        return ".";
    }

    private static boolean names(String word, String component) {
        return lastElement(word).toLowerCase(Locale.ROOT).startsWith(component.toLowerCase(Locale.ROOT));
    }

    private static String lastElement(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static String last(List<String> words) {
        return words.get(words.size() - 1);
    }

    /** An absolute, normalized path ('/' separated on every OS, as in the image). */
    private static String resolve(String cwd, String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : ((path.startsWith("/") ? "" : cwd + "/") + path).split("/")) {
            if (part.equals("..")) {
                parts.pollLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** Whether {@code path} is {@code dir} or inside it. */
    static boolean under(String path, String dir) {
        String d = resolve("/", dir);
        return path.equals(d) || path.startsWith(d.equals("/") ? "/" : d + "/");
    }
}
