package io.labctl.cli.completion;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What {@code labctl __complete} answers: candidates, one per line, then a directive line when the shell should also
 * offer file names ({@code :files}) or directory names ({@code :dirs}), which only the shell can list properly
 * (quoting, {@code ~}, hidden files).
 */
record Completions(List<Candidate> candidates, Files files) {
    /** Whether the shell adds names from the file system; later constants include earlier ones (files and dirs). */
    enum Files {
        NONE(""), DIRS(":dirs"), FILES(":files");

        private final String directive;

        Files(String directive) {
            this.directive = directive;
        }
    }

    static final Completions NONE = new Completions(List.of(), Files.NONE);

    Completions {
        candidates = List.copyOf(candidates);
    }

    static Completions of(List<Candidate> candidates) {
        return new Completions(candidates, Files.NONE);
    }

    static Completions files(Files files) {
        return new Completions(List.of(), files);
    }

    /** Only the candidates whose value passes {@code keep}; the directive stays. */
    Completions filter(Predicate<Candidate> keep) {
        return new Completions(candidates.stream().filter(keep).toList(), files);
    }

    /** These candidates, each value with {@code prefix} in front (the part of the word before the value). */
    Completions prefixed(String prefix) {
        if (prefix.isEmpty()) {
            return this;
        }
        return new Completions(candidates.stream().map(c -> new Candidate(prefix + c.value(), c.description())).toList(),
                files);
    }

    /** Both lists of candidates, and the wider of the two directives (file names include directories). */
    Completions plus(Completions more) {
        List<Candidate> all = new ArrayList<>(candidates);
        all.addAll(more.candidates);
        return new Completions(all, files.compareTo(more.files) >= 0 ? files : more.files);
    }

    boolean isEmpty() {
        return candidates.isEmpty() && files == Files.NONE;
    }

    void print(PrintWriter out) {
        candidates.forEach(c -> out.println(c.line()));
        if (files != Files.NONE) {
            out.println(files.directive);
        }
        out.flush();
    }
}
