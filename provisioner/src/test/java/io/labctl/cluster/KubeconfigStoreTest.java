package io.labctl.cluster;

import io.fabric8.kubernetes.api.model.Config;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tier: unit (files in a temp dir). The fsync before the rename ({@link io.labctl.core.AtomicFiles}) is not
 * observable without pulling the power; these tests cover the lock and the link.
 */
class KubeconfigStoreTest {
    @TempDir
    Path dir;

    static final String K3S = """
            apiVersion: v1
            kind: Config
            clusters:
            - cluster:
                certificate-authority-data: Q0E=
                server: https://127.0.0.1:41234
              name: default
            users:
            - name: default
              user:
                client-certificate-data: Q0VSVA==
                client-key-data: S0VZ
            contexts:
            - context:
                cluster: default
                user: default
              name: default
            current-context: default
            """;

    static final String USERS_OWN = """
            apiVersion: v1
            kind: Config
            clusters:
            - cluster:
                server: https://uni.example:6443
              name: uni
            users:
            - name: student
              user:
                token: abc
            contexts:
            - context:
                cluster: uni
                user: student
              name: course
            current-context: course
            """;

    @Test
    void normalize_renamesEverythingToLabctlName() {
        Config config = KubeconfigStore.normalize("lab1", K3S);

        assertThat(config.getClusters()).singleElement().satisfies(c -> {
            assertThat(c.getName()).isEqualTo("labctl-lab1");
            assertThat(c.getCluster().getServer()).isEqualTo("https://127.0.0.1:41234");
        });
        assertThat(config.getUsers()).singleElement().satisfies(u -> assertThat(u.getUser().getClientKeyData()).isEqualTo("S0VZ"));
        assertThat(config.getContexts()).singleElement().satisfies(c -> {
            assertThat(c.getName()).isEqualTo("labctl-lab1");
            assertThat(c.getContext().getCluster()).isEqualTo("labctl-lab1");
            assertThat(c.getContext().getUser()).isEqualTo("labctl-lab1");
        });
    }

    @Test
    void merge_keepsTheUsersOwnContextsAndWritesMode0600() throws IOException {
        Path file = dir.resolve("config");
        Files.writeString(file, USERS_OWN);

        KubeconfigStore.merge(file, KubeconfigStore.normalize("lab1", K3S), true);

        Config merged = KubeconfigStore.read(file);
        assertThat(merged.getContexts()).extracting(c -> c.getName()).containsExactly("course", "labctl-lab1");
        assertThat(merged.getUsers()).extracting(u -> u.getName()).containsExactly("student", "labctl-lab1");
        assertThat(merged.getCurrentContext()).isEqualTo("labctl-lab1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void merge_twice_replacesInsteadOfDuplicating_andCanKeepTheCurrentContext() throws IOException {
        Path file = dir.resolve("config");
        Files.writeString(file, USERS_OWN);

        KubeconfigStore.merge(file, KubeconfigStore.normalize("lab1", K3S), false);
        KubeconfigStore.merge(file, KubeconfigStore.normalize("lab1", K3S.replace("41234", "45000")), false);

        Config merged = KubeconfigStore.read(file);
        assertThat(merged.getClusters()).filteredOn(c -> c.getName().equals("labctl-lab1")).singleElement()
                .satisfies(c -> assertThat(c.getCluster().getServer()).isEqualTo("https://127.0.0.1:45000"));
        assertThat(merged.getCurrentContext()).isEqualTo("course");
    }

    @Test
    void merge_intoAMissingFile_createsIt() {
        Path file = dir.resolve("new/.kube/config");

        KubeconfigStore.merge(file, KubeconfigStore.normalize("lab1", K3S), false);

        assertThat(KubeconfigStore.hasContext(file, "lab1")).isTrue();
        assertThat(KubeconfigStore.read(file).getCurrentContext()).isEqualTo("labctl-lab1"); // the only context
    }

    @Test
    void remove_dropsOnlyThatClustersEntries_andIsSafeToRepeat() throws IOException {
        Path file = dir.resolve("config");
        Files.writeString(file, USERS_OWN);
        KubeconfigStore.merge(file, KubeconfigStore.normalize("lab1", K3S), true);
        KubeconfigStore.merge(file, KubeconfigStore.normalize("lab2", K3S), false);

        KubeconfigStore.remove(file, "lab1");
        KubeconfigStore.remove(file, "lab1");

        Config after = KubeconfigStore.read(file);
        assertThat(after.getContexts()).extracting(c -> c.getName()).containsExactly("course", "labctl-lab2");
        assertThat(after.getClusters()).extracting(c -> c.getName()).containsExactly("uni", "labctl-lab2");
        assertThat(after.getCurrentContext()).isEmpty();
        KubeconfigStore.remove(dir.resolve("absent"), "lab1");
    }

    @Test
    void merge_whileKubectlHoldsTheLockFile_failsNamingIt_andChangesNothing() throws IOException {
        // Given kubectl in the middle of its own read-modify-write (it holds config.lock)
        Path file = Files.writeString(dir.resolve("config"), USERS_OWN);
        Path lock = Files.createFile(dir.resolve("config.lock"));

        // When labctl merges, Then it waits a moment, gives up naming the lock, and the file is as it was
        assertThatThrownBy(() -> KubeconfigStore.merge(file, KubeconfigStore.normalize("lab1", K3S), true))
                .isInstanceOfSatisfying(LabctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.PRECONDITION);
                    assertThat(e.getMessage()).isEqualTo(file + " is being changed by another program: " + lock + " exists");
                    assertThat(e.hint()).contains("rm " + lock);
                });
        assertThat(file).hasContent(USERS_OWN);
        assertThat(lock).exists();
    }

    @Test
    void merge_takesAndReleasesTheLockFile() throws Exception {
        // Given a kubeconfig
        Path file = Files.writeString(dir.resolve("config"), USERS_OWN);

        // When another writer takes config.lock the way kubectl does while labctl merges, Then it never gets in
        // while labctl holds it, and the lock is gone afterwards
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger lockedOut = new java.util.concurrent.atomic.AtomicInteger();
        Thread kubectl = new Thread(() -> {
            while (!stop.get()) {
                try {
                    Files.createFile(dir.resolve("config.lock"));
                    Files.delete(dir.resolve("config.lock"));
                } catch (java.nio.file.FileAlreadyExistsException held) {
                    lockedOut.incrementAndGet();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        kubectl.start();
        try {
            for (int i = 0; i < 20; i++) {
                KubeconfigStore.merge(file, KubeconfigStore.normalize("lab" + i, K3S), false);
            }
        } finally {
            stop.set(true);
            kubectl.join();
        }
        assertThat(KubeconfigStore.read(file).getContexts()).hasSize(21);
        assertThat(lockedOut.get()).isPositive();
        assertThat(dir.resolve("config.lock")).doesNotExist();
    }

    @Test
    void merge_throughASymlink_updatesTheTarget_andKeepsTheLink() throws IOException {
        // Given ~/.kube/config as a relative link into a dotfiles folder
        Path target = Files.writeString(Files.createDirectories(dir.resolve("dotfiles")).resolve("kubeconfig"), USERS_OWN);
        Path kube = Files.createDirectories(dir.resolve(".kube"));
        Path link = Files.createSymbolicLink(kube.resolve("config"), Path.of("../dotfiles/kubeconfig"));

        // When merged through the link
        KubeconfigStore.merge(link, KubeconfigStore.normalize("lab1", K3S), true);

        // Then the link is still the same link, and the file it points to has the new context (mode 0600)
        assertThat(link).isSymbolicLink();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("../dotfiles/kubeconfig"));
        assertThat(KubeconfigStore.hasContext(target, "lab1")).isTrue();
        assertThat(KubeconfigStore.read(target).getContexts()).extracting(c -> c.getName()).contains("course");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        assertThat(dir.resolve("dotfiles/kubeconfig.lock")).doesNotExist();
        assertThat(kube.resolve("config.lock")).doesNotExist();
    }
}
