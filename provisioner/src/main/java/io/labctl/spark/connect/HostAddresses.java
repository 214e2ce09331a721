package io.labctl.spark.connect;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * This machine's IPv4 addresses that pods might reach it at: every address of an interface that is up, loopback
 * and link-local aside. Which one works depends on how the cluster's network meets this host (a bridge gateway, a
 * node's address, a VPN), so they are all probed from a pod rather than guessed.
 */
final class HostAddresses {
    /** A probe tries each address in turn; more than this means a machine with many bridges, and the rest is noise. */
    static final int MAX = 12;

    private HostAddresses() {
    }

    static List<String> candidates() {
        List<String> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLinkLocalAddress() && !address.isLoopbackAddress()) {
                        addresses.add(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        return addresses.stream().distinct().limit(MAX).toList();
    }
}
