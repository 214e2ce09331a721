package io.labctl.grading.files;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A submitted file's bytes as text. Students' editors write UTF-8 with or without a byte order mark, and
 * Windows tools (PowerShell's {@code >}, Notepad's "Unicode") write UTF-16 with one; each is decoded as what it
 * is, so {@code FROM} after a BOM is still a FROM. Bytes that are not text at all (random data, an image named
 * .yaml) are refused as text: a NUL, or more than 1% of the bytes malformed (a stray Latin-1 byte in a UTF-8
 * report is still text, with U+FFFD in its place).
 */
final class TextDecoding {
    private static final int MAX_MALFORMED_PER_THOUSAND = 10;

    private TextDecoding() {
    }

    /** The text, without its byte order mark; empty when the bytes are not text. */
    static Optional<String> decode(byte[] bytes) {
        String text;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = utf8(bytes, 3);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = utf16(bytes, StandardCharsets.UTF_16LE);
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = utf16(bytes, StandardCharsets.UTF_16BE);
        } else {
            text = utf8(bytes, 0);
        }
        return text == null || text.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(text);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String utf16(byte[] bytes, java.nio.charset.Charset charset) {
        if (bytes.length % 2 != 0) {
            return null; // UTF-16 text has an even number of bytes
        }
        return decode(charset.newDecoder(), ByteBuffer.wrap(bytes, 2, bytes.length - 2), bytes.length);
    }

    private static String utf8(byte[] bytes, int offset) {
        return decode(StandardCharsets.UTF_8.newDecoder(), ByteBuffer.wrap(bytes, offset, bytes.length - offset),
                bytes.length);
    }

    /** Decodes with U+FFFD for malformed input, counting it; null when too much of it is malformed. */
    private static String decode(CharsetDecoder decoder, ByteBuffer in, int total) {
        decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        long malformed = 0;
        for (CoderResult result = decoder.decode(in, out, true); !result.isUnderflow();
             result = decoder.decode(in, out, true)) {
            if (!result.isError()) {
                throw new IllegalStateException("at most one char per byte: the buffer cannot overflow");
            }
            malformed += result.length();
            in.position(in.position() + result.length());
            out.put('\uFFFD');
        }
        decoder.flush(out);
        if (malformed * 1000 > (long) MAX_MALFORMED_PER_THOUSAND * Math.max(total, 1)) {
            return null;
        }
        return out.flip().toString();
    }
}
