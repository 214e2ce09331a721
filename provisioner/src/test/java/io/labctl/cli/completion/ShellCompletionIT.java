package io.labctl.cli.completion;

import io.labctl.cluster.ClusterRecord;
import io.labctl.cluster.ClusterRegistry;
import io.labctl.core.ShellQuoting;
import io.labctl.testbed.LabctlScript;
import io.labctl.testbed.RequiredTools;
import io.labctl.testbed.Tmux;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: integration, real programs: the completion scripts in real bash, zsh and fish, in a terminal (tmux), enabled
 * with the README's own lines; TAB pressed as a person does, the screen read back. labctl is this build's classes
 * (no packaging needed); its lab cluster registry and kubeconfig are the test's own, and no cluster is contacted.
 * Skipped without tmux or the shell (failed in CI). Live Spark cluster names: SparkNameCompletionIT.
 */
@Tag("integration")
class ShellCompletionIT {
    /** Each TAB starts a JVM with the whole test class path: seconds on a busy machine. */
    private static final Duration PER_TAB = Duration.ofSeconds(60);
    private static final Path README = Path.of("..", "README.md").toAbsolutePath().normalize();

    /** How each shell is started clean (no rc files, no history) and how many TABs show a list of candidates. */
    enum TestShell {
        // readline: a first TAB on an ambiguous word rings the bell, the second lists.
        BASH("bash --norc --noprofile", 2),
        // zsh lists at the first TAB (AUTO_LIST, a default option).
        ZSH("zsh -f", 1),
        // fish opens its pager at the first TAB.
        FISH("fish --no-config --private", 1);

        final String command;
        final int tabsToList;

        TestShell(String command, int tabsToList) {
            this.command = command;
            this.tabsToList = tabsToList;
        }

        String program() {
            return command.substring(0, command.indexOf(' '));
        }
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestShell.class)
    void tab_completesCommands_exercises_formats_clusters_andFiles(TestShell shell) throws Exception {
        RequiredTools.require(shell.program(), "the completion script for " + shell.program() + " runs in it");
        Path home = Files.createDirectories(dir.resolve("home"));
        LabctlScript.write(dir);
        new ClusterRegistry(home.resolve(".labctl")).save(
                new ClusterRecord("lab1", "k3s", 2, 2, 2048, null, "labctl-lab1", "now", Map.of()));
        Files.writeString(dir.resolve("kubeconfig-a.yaml"), "apiVersion: v1\nkind: Config\n");

        // No history file: bash would write one into HOME when tmux hangs up on it, while the directory is removed.
        List<String> clean = new ArrayList<>(List.of("env", "-i", "HOME=" + home, "PATH=" + dir + ":/usr/local/bin:/usr/bin:/bin",
                "TERM=xterm-256color", "LANG=C.UTF-8", "HISTFILE=", "KUBECONFIG=" + dir.resolve("kubeconfig-a.yaml")));
        clean.addAll(List.of(shell.command.split(" ")));
        try (Tmux tmux = Tmux.start(dir, 200, 50, ShellQuoting.command(clean))) {
            String window = "main";
            for (String line : readmeLines(shell.program())) {
                tmux.line(window, line);
            }
            tmux.line(window, "echo completion-ready");
            tmux.await(window, Pattern.compile("(?m)^completion-ready\\s*$"), PER_TAB);

            // A command from its first letters; ./labctl (the README's way in the checkout) completes as labctl does.
            assertCompletes(tmux, "labctl spark sc", "labctl spark scale");
            assertCompletes(tmux, "./labctl spark st", "./labctl spark status");
            // Exercise ids: the common prefix first, then the list, with titles where the shell shows them.
            assertCompletes(tmux, "labctl lab show ", "labctl lab show ex");
            tmux.keys(window, tabs(shell.tabsToList));
            tmux.await(window, Pattern.compile("(?s)(?=.*ex1)(?=.*ex2)(?=.*ex3)(?=.*ex4)"), PER_TAB); // fish: by columns
            if (shell != TestShell.BASH) {
                assertThat(tmux.screen(window)).contains("A Kubernetes cluster with a master and two workers");
            }
            // Output formats, also glued to the option with '=' (bash splits words there).
            assertLists(tmux, shell, "labctl -o ", "json", "name", "text", "wide", "yaml"); // before a command: lists too
            assertCompletes(tmux, "labctl --output=j", "labctl --output=json");
            // A lab cluster from labctl's registry in $HOME; a kubeconfig file from the directory.
            assertCompletes(tmux, "labctl cluster down ", "labctl cluster down lab1");
            assertCompletes(tmux, "labctl --kubeconfig kubeconfig-", "labctl --kubeconfig kubeconfig-a.yaml");
            assertLists(tmux, shell, "labctl completion ", "bash", "fish", "zsh");
        }
    }

    /** Types {@code typed}, presses TAB once, and waits until the line reads {@code completed}. */
    private static void assertCompletes(Tmux tmux, String typed, String completed) throws InterruptedException {
        fresh(tmux);
        tmux.type("main", typed);
        tmux.keys("main", "Tab");
        tmux.await("main", Pattern.compile(Pattern.quote(completed) + "(\\s|$)"), PER_TAB);
    }

    /** Types {@code typed}, presses TAB until the shell lists, and waits for every value in the list. */
    private static void assertLists(Tmux tmux, TestShell shell, String typed, String... values) throws InterruptedException {
        fresh(tmux);
        tmux.type("main", typed);
        tmux.keys("main", tabs(shell.tabsToList));
        tmux.await("main", Pattern.compile("(?m)^.*" + String.join("\\s+", values) + ".*$"), PER_TAB);
    }

    /**
     * The line emptied and the screen cleared, so that what is read next comes from the next TAB. With editing keys
     * (end of line, kill to its start: the same in the three shells), not Ctrl-C: the terminal turns that into a signal
     * at once, which a shell may handle after the text typed next has already gone into the old line.
     */
    private static void fresh(Tmux tmux) throws InterruptedException {
        tmux.keys("main", "C-e", "C-u");
        tmux.clear("main");
    }

    private static String[] tabs(int count) {
        return java.util.Collections.nCopies(count, "Tab").toArray(String[]::new);
    }

    /** The commands of the README's code block for this shell, in the section "Shell completion" (comments left out). */
    static List<String> readmeLines(String shell) throws IOException {
        String readme = Files.readString(README);
        int section = readme.indexOf("\n## Shell completion\n");
        assertThat(section).as("README section 'Shell completion'").isPositive();
        String text = readme.substring(section, readme.indexOf("\n## ", section + 1));
        int start = text.indexOf("```" + shell + "\n");
        assertThat(start).as("README code block for " + shell).isPositive();
        String block = text.substring(start + shell.length() + 4, text.indexOf("```", start + 3));
        List<String> commands = new ArrayList<>();
        block.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(commands::add);
        return commands;
    }
}
