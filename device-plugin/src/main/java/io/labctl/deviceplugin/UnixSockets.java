package io.labctl.deviceplugin;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * gRPC over Unix domain sockets with Netty's epoll transport (shaded inside grpc-netty-shaded; Linux with glibc).
 * The kubelet speaks gRPC only over such sockets in its device-plugin directory.
 */
public final class UnixSockets {
    private static final EventLoopGroup EVENT_LOOPS = new EpollEventLoopGroup(2);
    /**
     * grpc asks every channel for SO_KEEPALIVE, which a Unix socket does not have; Netty's bootstraps (Bootstrap,
     * ServerBootstrap) then warn for each connection, filling the plugin pod's log with noise. Held in a field: JUL
     * keeps loggers only weakly.
     */
    private static final Logger NETTY_BOOTSTRAP = quiet("io.grpc.netty.shaded.io.netty.bootstrap");

    private UnixSockets() {
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    public static Server serve(Path socket, BindableService... services) throws IOException {
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new DomainSocketAddress(socket.toString()))
                .channelType(EpollServerDomainSocketChannel.class)
                .bossEventLoopGroup(EVENT_LOOPS)
                .workerEventLoopGroup(EVENT_LOOPS);
        for (BindableService service : services) {
            builder.addService(service);
        }
        return builder.build().start();
    }

    /** A client channel to a socket; the authority is a fixed name since a socket path is not a host. */
    public static ManagedChannel connect(Path socket) {
        return NettyChannelBuilder.forAddress(new DomainSocketAddress(socket.toString()))
                .channelType(EpollDomainSocketChannel.class)
                .eventLoopGroup(EVENT_LOOPS)
                .overrideAuthority("localhost")
                .usePlaintext()
                .build();
    }
}
