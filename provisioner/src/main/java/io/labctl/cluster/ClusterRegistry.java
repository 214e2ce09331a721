package io.labctl.cluster;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;
import io.labctl.kube.KubeConnector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The clusters labctl knows: one {@code NAME.json} per cluster under {@code $LABCTL_STATE_DIR/clusters}
 * (default {@code ~/.labctl/clusters}), plus a working directory per cluster for provider files (Vagrant).
 */
public final class ClusterRegistry {
    public static final String STATE_VARIABLE = "LABCTL_STATE_DIR";

    private final Path dir;

    public ClusterRegistry(Path stateDir) {
        this.dir = stateDir.resolve("clusters");
    }

    public static ClusterRegistry fromEnvironment(Map<String, String> environment) {
        String configured = environment.get(STATE_VARIABLE);
        Path state = configured == null || configured.isBlank()
                ? KubeConnector.home(environment).resolve(".labctl") : Path.of(configured);
        return new ClusterRegistry(state);
    }

    public Optional<ClusterRecord> find(String name) {
        Path file = file(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.JSON.readValue(file.toFile(), ClusterRecord.class));
        } catch (IOException e) {
            throw new LabctlException(ExitCode.PRECONDITION, "cannot read " + file + ": " + e.getMessage(),
                    "remove the file if the cluster is gone", e);
        }
    }

    public ClusterRecord require(String name) {
        return find(name).orElseThrow(() -> LabctlException.notFound("no cluster named '" + name + "'",
                "see `labctl cluster list`, or create it with `labctl cluster up " + name + "`"));
    }

    public List<ClusterRecord> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<ClusterRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.json$", "");
                find(name).ifPresent(records::add);
            }
        } catch (IOException e) {
            throw new LabctlException(ExitCode.PRECONDITION, "cannot list " + dir + ": " + e.getMessage(), null, e);
        }
        records.sort(Comparator.comparing(ClusterRecord::name));
        return records;
    }

    public void save(ClusterRecord record) {
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + record.name() + "-", ".tmp");
            Json.JSON.writeValue(temp.toFile(), record);
            Files.move(temp, file(record.name()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LabctlException(ExitCode.PRECONDITION, "cannot record the cluster in " + dir + ": " + e.getMessage(),
                    "check that " + dir + " is writable (or set " + STATE_VARIABLE + ")", e);
        }
    }

    public void delete(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new LabctlException(ExitCode.PRECONDITION, "cannot remove " + file(name) + ": " + e.getMessage(), null, e);
        }
    }

    /** A per-cluster directory for provider files (the Vagrant project of that cluster). */
    public Path workDir(String name) {
        return dir.resolve(name);
    }

    private Path file(String name) {
        return dir.resolve(name + ".json");
    }

    /** Created on first use: building a mapper loads Jackson, which `--help` and most commands never need */
    private static final class Json {
        static final ObjectMapper JSON = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
