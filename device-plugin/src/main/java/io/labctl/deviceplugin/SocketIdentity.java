package io.labctl.deviceplugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which file a socket path names right now: device and inode, plus the change time because a freshly created file
 * may reuse the inode number of one just deleted. A restarting kubelet deletes kubelet.sock and creates a new one,
 * so a different identity (or none) means "not the kubelet we registered with". Comparing identities needs no
 * event to have been seen, which is what makes it safe against events that arrive while we are not looking.
 */
record SocketIdentity(Object device, Object inode, Object changed) {

    /** The identity of the file at {@code socket}, or empty when there is none (or it cannot be read). */
    static Optional<SocketIdentity> of(Path socket) {
        try {
            Map<String, Object> attributes = Files.readAttributes(socket, "unix:dev,ino,ctime", LinkOption.NOFOLLOW_LINKS);
            return Optional.of(new SocketIdentity(attributes.get("dev"), attributes.get("ino"), attributes.get("ctime")));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
