package io.quotacanvas.gateway;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/// Notices a client that hangs up while its images are being made. HTTP/1.1 servers (Jetty included) read
/// nothing from a connection while its request is handled, so a closed socket goes unseen until the answer
/// is written; this asks the connection's end point to report when it becomes readable and, on end of
/// stream, runs `onClose` (which cancels the request's provider calls, so no quota is spent on images
/// nobody will fetch).
///
/// A watched connection can't be reused afterwards (the end point still has our read interest), so the
/// answer must carry `Connection: close`. A byte that arrives instead of end of stream (a pipelined request)
/// only disarms the watch. Thread-safe.
final class DisconnectWatch {
    private final EndPoint endPoint;
    private final Runnable onClose;
    private final AtomicBoolean active = new AtomicBoolean(true);

    private DisconnectWatch(EndPoint endPoint, Runnable onClose) {
        this.endPoint = endPoint;
        this.onClose = onClose;
    }

    /// Starts watching `request`'s connection (call after its body was read); null when it can't be watched.
    static DisconnectWatch arm(Request request, Runnable onClose) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        DisconnectWatch watch = new DisconnectWatch(endPoint, onClose);
        return watch.listen() ? watch : null;
    }

    /// Stops reacting; the answer is about to be written.
    void disarm() {
        active.set(false);
    }

    private boolean listen() {
        return endPoint.tryFillInterested(Callback.from(this::readable, this::failed));
    }

    private void readable() {
        if (!active.get()) {
            return;
        }
        try {
            ByteBuffer one = BufferUtil.allocate(1);
            int read = endPoint.fill(one);
            if (read < 0) {
                closed();
            } else if (read == 0) {
                listen();
            } else {
                active.set(false);
            }
        } catch (IOException e) {
            closed();
        }
    }

    private void failed(Throwable cause) {
        // an idle timeout is not a hang-up: keep watching while the connection is open
        if (cause instanceof TimeoutException && endPoint.isOpen() && active.get()) {
            listen();
            return;
        }
        if (endPoint.isOpen()) {
            return;
        }
        closed();
    }

    private void closed() {
        if (active.compareAndSet(true, false)) {
            onClose.run();
        }
    }
}
