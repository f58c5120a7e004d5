package io.quotacanvas.gateway;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.AbstractEndPoint;
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
/// [#disarm] withdraws the read interest before the answer is written, so the connection stays reusable
/// (keep-alive) — unless a byte of a pipelined request was read meanwhile, in which case the answer must
/// close the connection. Thread-safe.
final class DisconnectWatch {
    /// Passed to our own read callback when we withdraw it; not a failure.
    private static final Exception WITHDRAWN = new Exception("disconnect watch withdrawn", null, false, false) { };

    private final EndPoint endPoint;
    private final Runnable onClose;
    private final AtomicBoolean active = new AtomicBoolean(true);
    private volatile boolean consumed;

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

    /// Stops watching; the answer is about to be written. Returns whether the connection can be kept open
    /// after the answer (false: the answer must carry `Connection: close`).
    boolean disarm() {
        active.set(false);
        if (!(endPoint instanceof AbstractEndPoint e)) {
            return false;
        }
        // hands the end point's read interest back, so the connection reads its next request as usual
        e.getFillInterest().onFail(WITHDRAWN);
        return !consumed;
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
                // a pipelined request began; its first byte is gone, so this connection ends with the answer
                consumed = true;
                active.set(false);
            }
        } catch (IOException e) {
            closed();
        }
    }

    private void failed(Throwable cause) {
        if (cause == WITHDRAWN || !active.get()) {
            return;
        }
        // an idle timeout is not a hang-up: keep watching while the connection is open
        if (cause instanceof TimeoutException && endPoint.isOpen()) {
            listen();
            return;
        }
        if (!endPoint.isOpen()) {
            closed();
        }
    }

    private void closed() {
        if (active.compareAndSet(true, false)) {
            onClose.run();
        }
    }
}
