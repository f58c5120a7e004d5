package io.quotacanvas.library;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/// Reads and writes PNG text chunks (`tEXt`, `iTXt`, `zTXt`) without touching the image data.
///
/// Stateless; all methods are thread-safe.
final class PngChunks {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /// Text chunks larger than this are skipped when reading: a hostile file cannot make us allocate gigabytes.
    private static final int MAX_TEXT_CHUNK = 8 << 20;
    private static final int MAX_INFLATED = 16 << 20;
    private static final Set<String> TEXT_TYPES = Set.of("tEXt", "iTXt", "zTXt");

    /// What a streaming read found: the size from `IHDR` and every text chunk by keyword (first one wins).
    record TextInfo(int width, int height, Map<String, String> texts) {}

    private PngChunks() {
    }

    static boolean isPng(byte[] bytes) {
        return bytes.length >= SIGNATURE.length && Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0,
                SIGNATURE.length);
    }

    /// A `tEXt` chunk; `text` must be Latin-1 (see [#isLatin1]).
    static byte[] textChunk(String keyword, String text) {
        return chunk("tEXt", concat(latin1(keyword), new byte[] {0}, text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /// An uncompressed `iTXt` chunk with empty language tag and translated keyword; `text` is UTF-8.
    static byte[] internationalTextChunk(String keyword, String text) {
        return chunk("iTXt", concat(latin1(keyword), new byte[] {0, 0, 0, 0, 0}, text.getBytes(StandardCharsets.UTF_8)));
    }

    static boolean isLatin1(String text) {
        return StandardCharsets.ISO_8859_1.newEncoder().canEncode(text) && text.indexOf('\0') < 0;
    }

    /// Returns `png` with every text chunk whose keyword is in `replacedKeywords` removed and `newChunks`
    /// inserted just before the first `IDAT` (where A1111, ExifTool and other readers look for metadata; a
    /// file without image data gets them before `IEND`); all other bytes are kept as they are.
    ///
    /// @throws IOException if `png` is not a well-formed chunk sequence ending in `IEND`
    static byte[] replaceText(byte[] png, Set<String> replacedKeywords, byte[]... newChunks) throws IOException {
        if (!isPng(png)) {
            throw new IOException("not a PNG file");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + 4096);
        out.write(SIGNATURE);
        ByteBuffer buf = ByteBuffer.wrap(png);
        buf.position(SIGNATURE.length);
        boolean inserted = false;
        while (buf.remaining() >= 12) {
            int start = buf.position();
            int length = buf.getInt();
            String type = new String(png, start + 4, 4, StandardCharsets.ISO_8859_1);
            if (length < 0 || length > buf.remaining() - 8) {
                throw new IOException("PNG chunk " + type + " is truncated");
            }
            int end = start + 12 + length;
            if (!inserted && (type.equals("IDAT") || type.equals("IEND"))) {
                for (byte[] c : newChunks) {
                    out.write(c);
                }
                inserted = true;
            }
            if (type.equals("IEND")) {
                out.write(png, start, 12 + length);
                return out.toByteArray();
            }
            boolean replaced = TEXT_TYPES.contains(type)
                    && replacedKeywords.contains(keyword(Arrays.copyOfRange(png, start + 8, end - 4)));
            if (!replaced) {
                out.write(png, start, end - start);
            }
            buf.position(end);
        }
        throw new IOException("PNG has no IEND chunk");
    }

    /// Reads `IHDR` and the text chunks of a PNG file, skipping image data without loading it; empty if the
    /// file is not a PNG.
    ///
    /// @throws IOException if the file cannot be read
    static Optional<TextInfo> readText(Path png) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(png))) {
            return readText(in);
        }
    }

    static Optional<TextInfo> readText(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] sig = in.readNBytes(SIGNATURE.length);
        if (!Arrays.equals(sig, SIGNATURE)) {
            return Optional.empty();
        }
        int width = 0;
        int height = 0;
        Map<String, String> texts = new LinkedHashMap<>();
        try {
            while (true) {
                int length = in.readInt();
                byte[] typeBytes = new byte[4];
                in.readFully(typeBytes);
                String type = new String(typeBytes, StandardCharsets.ISO_8859_1);
                if (type.equals("IEND") || length < 0) {
                    break;
                }
                if (type.equals("IHDR") && length >= 8) {
                    width = in.readInt();
                    height = in.readInt();
                    skip(in, length - 8 + 4L);
                } else if (TEXT_TYPES.contains(type) && length <= MAX_TEXT_CHUNK) {
                    byte[] data = new byte[length];
                    in.readFully(data);
                    skip(in, 4);
                    decodeText(type, data, texts);
                } else {
                    skip(in, length + 4L);
                }
            }
        } catch (EOFException truncated) {
            // a truncated file still yields whatever text came before the damage
        }
        return Optional.of(new TextInfo(width, height, texts));
    }

    private static void decodeText(String type, byte[] data, Map<String, String> texts) {
        String keyword = keyword(data);
        int p = keyword.length() + 1;
        if (p > data.length || texts.containsKey(keyword)) {
            return;
        }
        try {
            String text = switch (type) {
                case "tEXt" -> new String(data, p, data.length - p, StandardCharsets.ISO_8859_1);
                case "zTXt" -> new String(inflate(Arrays.copyOfRange(data, p + 1, data.length)),
                        StandardCharsets.ISO_8859_1);
                default -> decodeInternational(data, p);
            };
            texts.put(keyword, text);
        } catch (DataFormatException | RuntimeException damaged) {
            // an unreadable text chunk is treated as absent, like any other PNG reader does
        }
    }

    private static String decodeInternational(byte[] data, int p) throws DataFormatException {
        boolean compressed = data[p] != 0;
        int q = p + 2;
        for (int zeros = 0; zeros < 2; q++) { // skip language tag and translated keyword
            if (data[q] == 0) {
                zeros++;
            }
        }
        byte[] body = Arrays.copyOfRange(data, q, data.length);
        return new String(compressed ? inflate(body) : body, StandardCharsets.UTF_8);
    }

    private static byte[] inflate(byte[] compressed) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new DataFormatException("text chunk too large");
                }
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    private static String keyword(byte[] data) {
        int end = 0;
        while (end < data.length && end < 80 && data[end] != 0) {
            end++;
        }
        return new String(data, 0, end, StandardCharsets.ISO_8859_1);
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    private static void skip(DataInputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException();
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
