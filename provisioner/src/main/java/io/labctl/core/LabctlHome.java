package io.labctl.core;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The labctl checkout whose files the tool uses at run time: {@code dockerfiles/} for image builds, and the
 * {@code Vagrantfile}, {@code settings.yaml} and {@code playbooks/} for Vagrant clusters. Students read and edit
 * these very files, so labctl uses them in place rather than copies hidden in its jar.
 */
public final class LabctlHome {
    public static final String PROPERTY = "labctl.home";
    public static final String VARIABLE = "LABCTL_HOME";

    private LabctlHome() {
    }

    /** {@code -Dlabctl.home} (the launcher sets it), else {@code $LABCTL_HOME}, else the checkout around the jar. */
    public static Path resolve(Map<String, String> environment) {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = environment.get(VARIABLE);
        }
        if (configured != null && !configured.isBlank()) {
            return require(Path.of(configured), configured.equals(System.getProperty(PROPERTY)) ? "-D" + PROPERTY : VARIABLE);
        }
        Path fromJar = aroundJar();
        if (fromJar != null && isHome(fromJar)) {
            return fromJar;
        }
        Path cwd = Path.of("").toAbsolutePath();
        if (isHome(cwd)) {
            return cwd;
        }
        throw LabctlException.precondition("cannot find labctl's files (dockerfiles/, Vagrantfile, playbooks/)",
                "run labctl through the launcher in its checkout, or set LABCTL_HOME to the checkout");
    }

    private static Path require(Path home, String source) {
        if (!isHome(home)) {
            throw LabctlException.usage(source + "=" + home + " is not a labctl checkout (no dockerfiles/base/Dockerfile)",
                    "point it at the directory that holds labctl's README.md and dockerfiles/");
        }
        return home.toAbsolutePath();
    }

    static boolean isHome(Path dir) {
        return Files.isRegularFile(dir.resolve("dockerfiles/base/Dockerfile"));
    }

    /** provisioner/target/labctl.jar (or target/classes) lives two levels below the checkout. */
    private static Path aroundJar() {
        try {
            Path location = Path.of(LabctlHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = location.getParent();
            return target == null || target.getParent() == null ? null : target.getParent().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
