package io.labctl.cli;

import io.labctl.kube.KubeConnector;

import java.io.PrintWriter;
import java.util.Map;

/**
 * What a labctl process gets from its surroundings: the two output streams, the environment, and
 * whether stdout/stderr are terminals. Tests build one with string writers and a fixed environment.
 */
public record CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, boolean terminal,
                         KubeConnector connector) {

    public static CliContext system() {
        return new CliContext(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv(),
                System.console() != null, new KubeConnector());
    }
}
