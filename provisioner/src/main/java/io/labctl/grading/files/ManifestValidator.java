package io.labctl.grading.files;

import java.util.List;

/**
 * Judges submitted objects the way the API server would accept or refuse them: unknown fields, wrong types, missing
 * required fields, invalid names. {@link KubernetesSchema} does it offline against the vendored OpenAPI schema;
 * {@link ServerSideValidator} asks a real API server (server-side dry-run).
 */
public interface ManifestValidator {
    /** One refusal: the object, the field it is about (empty: the object as a whole), the API server's words. */
    record Problem(KubeObject object, String field, String message) {
        /** "spark.yaml:14 Deployment spark-master: spec.replica: unknown field". */
        String describe() {
            return object.file() + ":" + object.lineOfPath(field) + " " + object.kind() + " " + object.name() + ": "
                    + (field.isEmpty() ? "" : field + ": ") + message;
        }
    }

    /** What validated them, for the report ("the OpenAPI schema of Kubernetes v1.34.4", "the API server of ..."). */
    String describe();

    List<Problem> validate(List<KubeObject> objects);
}
