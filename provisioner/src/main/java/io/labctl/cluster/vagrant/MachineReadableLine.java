package io.labctl.cluster.vagrant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of Vagrant's {@code --machine-readable} output: {@code timestamp,target,type,data...}. Commas inside
 * data are written as {@code %!(VAGRANT_COMMA)} and newlines as a literal {@code \n}; both are restored here.
 *
 * @param target the machine the line is about ("master", "worker-1"), empty for global lines
 * @param type   "ui", "state", "action", "error-exit", "metadata", "ssh-config"...
 */
public record MachineReadableLine(long timestamp, String target, String type, List<String> data) {
    public static Optional<MachineReadableLine> parse(String line) {
        String[] fields = line.split(",", -1);
        if (fields.length < 3 || !fields[0].matches("\\d+")) {
            return Optional.empty();
        }
        List<String> data = new ArrayList<>();
        for (int i = 3; i < fields.length; i++) {
            data.add(unescape(fields[i]));
        }
        return Optional.of(new MachineReadableLine(Long.parseLong(fields[0]), fields[1], fields[2], data));
    }

    public String data(int index) {
        return index < data.size() ? data.get(index) : "";
    }

    /** The first line of a (possibly multi-line) message, which is Vagrant's summary of it. */
    public static String firstLine(String message) {
        String stripped = message.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline);
    }

    static String unescape(String field) {
        return field.replace("%!(VAGRANT_COMMA)", ",").replace("\\n", "\n").replace("\\r", "");
    }
}
