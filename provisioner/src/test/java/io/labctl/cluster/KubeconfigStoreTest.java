package io.labctl.cluster;

import io.fabric8.kubernetes.api.model.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier: unit (files in a temp dir). */
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
}
