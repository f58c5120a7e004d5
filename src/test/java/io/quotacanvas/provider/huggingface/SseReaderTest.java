package io.quotacanvas.provider.huggingface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import okio.Buffer;
import org.junit.jupiter.api.Test;

class SseReaderTest {

    @Test
    void eventsAreSplitOnBlankLinesWithCommentsAndCarriageReturnsIgnored() throws Exception {
        Buffer stream = new Buffer().writeUtf8(": keep-alive\r\nevent: heartbeat\r\ndata: null\r\n\r\n"
                + "event: complete\ndata: [1,\ndata: 2]\n\ndata: orphan\n\nevent: cut");
        SseReader reader = new SseReader(stream, 10_000);

        assertEquals(new SseReader.Event("heartbeat", "null"), reader.next());
        assertEquals(new SseReader.Event("complete", "[1,\n2]"), reader.next());
        assertEquals(new SseReader.Event("message", "orphan"), reader.next());
        assertNull(reader.next(), "a block cut off by the end of the stream is dropped");
    }

    @Test
    void aStreamPastItsCapFails() {
        Buffer stream = new Buffer().writeUtf8("event: generating\ndata: " + "x".repeat(5_000) + "\n\n");

        assertThrows(SseReader.TooLarge.class, () -> new SseReader(stream, 1_000).next());
    }
}
