package io.labctl.cli;

/** {@code -o}: text for people, json and yaml for scripts. */
public enum OutputFormat {
    text, json, yaml
}
