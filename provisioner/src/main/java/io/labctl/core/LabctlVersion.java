package io.labctl.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** labctl's own version, written into the jar by the build. */
public final class LabctlVersion {
    private static final String VERSION = load();

    private LabctlVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = LabctlVersion.class.getResourceAsStream("/io/labctl/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
