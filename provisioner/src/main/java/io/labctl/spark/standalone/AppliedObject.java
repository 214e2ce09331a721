package io.labctl.spark.standalone;

/** One object labctl applied, and what the apply did to it (kubectl's words: created, configured, unchanged). */
public record AppliedObject(String kind, String name, String outcome) {
    public static final String CREATED = "created";
    public static final String CONFIGURED = "configured";
    public static final String UNCHANGED = "unchanged";

    @Override
    public String toString() {
        return kind.toLowerCase() + "/" + name + " " + outcome;
    }
}
