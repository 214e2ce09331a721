package io.labctl.cluster;

/**
 * An option only one provider takes, offered by {@code labctl cluster up} as {@code --NAME VALUE} and given to the
 * provider in {@link ClusterSpec#options()} (minikube's {@code --driver}).
 *
 * @param name        the option's name without dashes ("driver")
 * @param paramLabel  what the value is, for the help ("DRIVER")
 * @param description one line for the help; the CLI adds which provider takes it
 */
public record ProviderOption(String name, String paramLabel, String description) {
}
