package io.labctl.cli;

/**
 * {@code -o}: text for people, json and yaml for scripts; on lists also kubectl's wide (more columns) and name
 * (one name per line, what another labctl command takes as its argument).
 */
public enum OutputFormat {
    text, json, yaml, wide, name
}
