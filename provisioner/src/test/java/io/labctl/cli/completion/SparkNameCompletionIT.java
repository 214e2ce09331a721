package io.labctl.cli.completion;

import io.labctl.cli.CliRun;
import io.labctl.testbed.LabctlScript;
import io.labctl.testbed.Testbed;
import io.labctl.testbed.TestbedTest;
import io.labctl.testbed.Tmux;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier: integration, test bed: Spark cluster names and namespaces complete from a live cluster, in-process and by TAB
 * in a real bash. Two clusters that `labctl spark deploy` made (a master each, not waited for) in a namespace of the
 * test's own ("comp-..."), removed with it after the class.
 */
@TestbedTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkNameCompletionIT {
    private static final Duration PER_TAB = Duration.ofSeconds(60);

    private Testbed testbed;
    private String ns;

    @BeforeAll
    void twoClusters(Testbed testbed) {
        this.testbed = testbed;
        this.ns = testbed.namespaceName("comp");
        for (String name : new String[] {"comp-a", "comp-b"}) {
            CliRun deploy = testbed.labctl("spark", "deploy", name, "-n", ns, "--workers", "0", "--no-wait");
            assertThat(deploy.status()).as(deploy.err()).isZero();
        }
    }

    @AfterAll
    void removeThem() {
        if (testbed != null) {
            testbed.labctl("spark", "teardown", "--all", "-n", ns); // the namespace goes after the class, too
        }
    }

    @Test
    void sparkScale_offersTheClustersOfTheNamespaceOnTheLine() {
        CliRun run = testbed.labctl("__complete", "--", "-n", ns, "spark", "scale", "");

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("comp-a\tSpark cluster in " + ns + "\ncomp-b\tSpark cluster in " + ns + "\n");
    }

    @Test
    void namespaceOption_offersTheNamespace() {
        CliRun run = testbed.labctl("__complete", "--", "spark", "list", "-n", ns.substring(0, ns.length() - 1));

        assertThat(run.out()).isEqualTo(ns + "\n");
    }

    @Test
    void inBash_tabListsTheLiveClusters_andCompletesTheNamespace(@TempDir Path dir) throws IOException,
            InterruptedException {
        // As a user has it: the kubeconfig from the environment. (`labctl --kubeconfig F completion bash` is refused:
        // completion contacts no cluster, and global options are refused where a command does not use them.)
        LabctlScript.write(dir);
        try (Tmux tmux = Tmux.start(dir, 200, 50)) {
            tmux.line("main", "export KUBECONFIG=" + testbed.kubeconfig() + "; source <(./labctl completion bash); "
                    + "echo completion-ready");
            tmux.await("main", Pattern.compile("(?m)^completion-ready\\s*$"), PER_TAB);
            tmux.clear("main");

            tmux.type("main", "./labctl -n " + ns.substring(0, ns.length() - 1));
            tmux.keys("main", "Tab");
            tmux.await("main", Pattern.compile(Pattern.quote("./labctl -n " + ns) + "(\\s|$)"), PER_TAB);
            tmux.type("main", "spark teardown comp-");
            tmux.keys("main", "Tab", "Tab");
            tmux.await("main", Pattern.compile("(?m)^comp-a\\s+comp-b\\s*$"), PER_TAB);
        }
    }
}
