package io.labctl.cli;

/** ANSI styling that disappears when colors are off (--no-color, NO_COLOR, or not a terminal). */
public final class Style {
    private final boolean enabled;

    public Style(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    public String green(String s) {
        return wrap("32", s);
    }

    public String red(String s) {
        return wrap("31", s);
    }

    public String yellow(String s) {
        return wrap("33", s);
    }

    public String dim(String s) {
        return wrap("2", s);
    }

    private String wrap(String code, String s) {
        return enabled ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
