package dev.xsrun.filters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text that stands for raw bytes which are not valid UTF-8 (digests with raw=true, ciphertext,
 * decoded base64 of binary data). PHP strings are byte strings; XanoScript text is Unicode. Bytes
 * that decode as UTF-8 become ordinary text, so text round-trips through base64 and hex; other bytes
 * keep their exact values here (one char per byte, ISO-8859-1) so that a later base64_encode,
 * bin2hex or decrypt sees the same bytes again.
 */
public final class Bytes extends TextNode {
    private static final long serialVersionUID = 1L;
    private final byte[] bytes;

    private Bytes(byte[] bytes) {
        super(new String(bytes, StandardCharsets.ISO_8859_1));
        this.bytes = bytes.clone();
    }

    /** The value for a byte result: UTF-8 text when the bytes are valid UTF-8, else a byte string. */
    public static JsonNode of(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return TextNode.valueOf(s);
        } catch (CharacterCodingException notUtf8) {
            return new Bytes(bytes);
        }
    }

    /** The bytes a value stands for: a byte string's own bytes, or the UTF-8 encoding of its text. */
    public static byte[] of(JsonNode v) {
        if (v instanceof Bytes) {
            return ((Bytes) v).bytes.clone();
        }
        return dev.xsrun.value.Values.toText(v).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
