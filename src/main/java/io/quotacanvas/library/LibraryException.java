package io.quotacanvas.library;

/// The library could not store, read or index an image; the message says what to do about it.
public final class LibraryException extends Exception {
    public LibraryException(String message, Throwable cause) {
        super(message, cause);
    }

    public LibraryException(String message) {
        super(message);
    }
}
