package io.quotacanvas.gateway;

import io.quotacanvas.provider.CallScope;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/// The images admitted at once over all requests, capped at `gateway.max_queue` so a flood is turned away
/// (503) instead of growing memory; and the requests in flight, each with its own [CallScope], so a shutdown
/// can wait for them and then cancel what is left. Thread-safe.
final class Workload {
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final Set<Ticket> running = ConcurrentHashMap.newKeySet();
    private int queued;
    private volatile boolean draining;

    Workload(int capacity) {
        this.capacity = capacity;
    }

    /// A request's place: `images` slots of the queue and a scope for its provider calls. Close it when done.
    final class Ticket implements AutoCloseable {
        private final int images;
        private final CallScope scope = new CallScope();
        private boolean closed;

        private Ticket(int images) {
            this.images = images;
        }

        CallScope scope() {
            return scope;
        }

        @Override
        public void close() {
            lock.lock();
            try {
                if (!closed) {
                    closed = true;
                    queued -= images;
                    running.remove(this);
                    idle.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /// A ticket for `images` images, or null when the queue can't take them now or the gateway is draining.
    Ticket admit(int images) {
        lock.lock();
        try {
            if (draining || queued + images > capacity) {
                return null;
            }
            queued += images;
            Ticket t = new Ticket(images);
            running.add(t);
            return t;
        } finally {
            lock.unlock();
        }
    }

    /// From now on nothing is admitted.
    void drain() {
        draining = true;
    }

    boolean draining() {
        return draining;
    }

    /// Waits until no request is in flight; false when `timeout` passed first.
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (!running.isEmpty()) {
                if (left <= 0) {
                    return false;
                }
                left = idle.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /// Cancels the provider calls of every request in flight; each then answers with what it has.
    void cancelAll(String reason) {
        running.forEach(t -> t.scope().cancel(reason));
    }

    int queued() {
        lock.lock();
        try {
            return queued;
        } finally {
            lock.unlock();
        }
    }

    int inFlight() {
        return running.size();
    }

    int capacity() {
        return capacity;
    }
}
