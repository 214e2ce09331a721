package io.labctl.cli.completion;

import io.labctl.cluster.ClusterRecord;
import io.labctl.cluster.ClusterRegistry;
import io.labctl.core.LabctlException;

import java.util.List;

/** {@code --cluster <TAB>}, {@code cluster down <TAB>}: the clusters labctl created or registered, as in {@code cluster list}. */
final class LabClusterNames implements ValueSource {

    @Override
    public Completions values(Lookup lookup) {
        try {
            List<ClusterRecord> clusters = ClusterRegistry.fromEnvironment(lookup.context().env()).list();
            return Completions.of(clusters.stream()
                    .map(c -> new Candidate(c.name(), c.provider() + " cluster, context " + c.context())).toList());
        } catch (LabctlException e) {
            return Completions.NONE; // an unreadable registry: `labctl cluster list` says why, a TAB cannot
        }
    }
}
