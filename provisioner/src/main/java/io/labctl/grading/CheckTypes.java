package io.labctl.grading;

import io.labctl.grading.checks.CheckType;
import io.labctl.grading.files.FileCheckTypes;
import io.labctl.grading.live.LiveCheckTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every check type a lab file may name: the live-cluster checks, then the submitted-file checks. */
public final class CheckTypes {
    private CheckTypes() {
    }

    public static List<CheckType> all() {
        List<CheckType> all = new ArrayList<>(LiveCheckTypes.all());
        all.addAll(FileCheckTypes.all());
        return List.copyOf(all);
    }

    public static Optional<CheckType> named(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
