package io.labctl.spark.standalone;

import io.labctl.core.ExitCode;
import io.labctl.core.LabctlException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the commented YAML files under {@code manifests/} (packaged into the jar), with
 * {@code {{PLACEHOLDER}}} words that labctl fills. Rendering fails on a placeholder without a value,
 * so a template and the code that fills it cannot silently drift apart.
 */
public final class ManifestTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z_]+)}}");

    private final String path;
    private final String text;

    private ManifestTemplate(String path, String text) {
        this.path = path;
        this.text = text;
    }

    /** Loads {@code manifests/<relativePath>} from the classpath. */
    public static ManifestTemplate load(String relativePath) {
        String resource = "/manifests/" + relativePath;
        try (InputStream in = ManifestTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new LabctlException(ExitCode.INTERNAL, "manifest " + resource + " is missing from labctl's jar",
                        "rebuild labctl with ./mvnw package");
            }
            return new ManifestTemplate(relativePath, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LabctlException(ExitCode.INTERNAL, "cannot read manifest " + resource + ": " + e.getMessage(),
                    null, e);
        }
    }

    public static ManifestTemplate of(String name, String text) {
        return new ManifestTemplate(name, text);
    }

    public String text() {
        return text;
    }

    /** Replaces every placeholder; throws if one has no value. Values are inserted verbatim. */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new LabctlException(ExitCode.INTERNAL, "manifest " + path + " uses {{" + m.group(1)
                        + "}} but labctl has no value for it", "this is a labctl bug; please report it");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
