package io.labctl.spark.nativemode;

import io.labctl.core.LabctlException;

import java.util.regex.Pattern;

/**
 * Spark's submission ids for native applications: {@code namespace:driver-pod}, where the pod part may be a glob
 * ({@code lab:spark-pi-*}); without a namespace the pattern applies to every namespace, as in spark-submit --status.
 */
public record SubmissionId(String namespace, String podGlob) {
    public static SubmissionId parse(String text) {
        if (text == null || text.isBlank()) {
            throw LabctlException.usage("a submission id is needed", "NAMESPACE:DRIVER-POD, e.g. lab:spark-pi-driver or 'lab:spark-pi-*'");
        }
        String ns = null;
        String pod = text;
        if (text.contains(":")) {
            ns = text.substring(0, text.indexOf(':'));
            pod = text.substring(text.indexOf(':') + 1);
            if (!ns.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
                throw LabctlException.usage("'" + ns + "' in '" + text + "' is not a namespace name", "NAMESPACE:DRIVER-POD");
            }
        }
        if (!pod.matches("[a-z0-9*?.-]+")) {
            throw LabctlException.usage("'" + pod + "' is not a pod name or glob", "e.g. spark-pi-driver or 'spark-pi-*'");
        }
        return new SubmissionId(ns, pod);
    }

    public boolean matches(String podName) {
        return regex().matcher(podName).matches();
    }

    private Pattern regex() {
        StringBuilder regex = new StringBuilder();
        for (char c : podGlob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '.' -> regex.append("\\.");
                default -> regex.append(c);
            }
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return (namespace == null ? "*" : namespace) + ":" + podGlob;
    }
}
