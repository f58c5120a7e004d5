package io.quotacanvas.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/// A loopback "provider" that reads each HTTP request and never answers, and notices when the client
/// closes the connection: the proof that a cancellation reached the live call rather than leaving it
/// hanging until its timeout.
public final class HangingServer implements AutoCloseable {
    private final ServerSocket socket;
    private final CountDownLatch received = new CountDownLatch(1);
    private final CountDownLatch closedByClient = new CountDownLatch(1);

    public HangingServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("hanging-server").start(this::serve);
    }

    /// `http://127.0.0.1:<port>/v1`.
    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    public boolean awaitRequest(long seconds) throws InterruptedException {
        return received.await(seconds, TimeUnit.SECONDS);
    }

    /// True once a client closed a connection it had sent a request on.
    public boolean awaitClosedByClient(long seconds) throws InterruptedException {
        return closedByClient.await(seconds, TimeUnit.SECONDS);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                Thread.ofPlatform().daemon().start(() -> hang(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void hang(Socket s) {
        try (s; InputStream in = s.getInputStream()) {
            byte[] buffer = new byte[8192];
            boolean request = false;
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (n > 0 && !request) {
                    request = true;
                    received.countDown();
                }
            }
            if (request) {
                closedByClient.countDown();
            }
        } catch (IOException e) {
            closedByClient.countDown();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
