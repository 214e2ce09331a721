package io.labctl.grading.checks;

import java.util.function.Function;

/**
 * A kind of check a lab file can name in {@code type:}.
 *
 * @param name        the name in lab files ("alive-workers")
 * @param target      what it inspects
 * @param description one line for `labctl lab show` and labs/README.md
 * @param factory     builds the check from its params (and validates them)
 */
public record CheckType(String name, CheckTarget target, String description, Function<CheckParams, Check> factory) {
}
