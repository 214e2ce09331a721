package io.labctl.cli.completion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shells labctl completes in; each has a small script (a resource) that asks {@code labctl __complete}. */
public enum Shell {
    bash, zsh, fish;

    /** The completion script, as {@code labctl completion SHELL} prints it. */
    public String script() {
        String resource = "/completion/labctl." + name();
        try (InputStream in = Shell.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
