package io.quotacanvas.provider.openaiapi;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.provider.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class OpenAiImagesTest {

    private static OpenAiImages.Parsed parse(String type, String body) {
        return OpenAiImages.parseResponse(200, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String invalidMessage(String type, String body) {
        return assertInstanceOf(OpenAiImages.Parsed.Invalid.class, parse(type, body)).failure().message();
    }

    @Test
    void aUrlAnswerIsAUrl() {
        var url = assertInstanceOf(OpenAiImages.Parsed.Url.class,
                parse("application/json", "{\"data\":[{\"url\":\"https://cdn.example/x.png\"}]}"));

        assertEquals("https://cdn.example/x.png", url.url().toString());
    }

    @Test
    void b64JsonAndDataUrlsAreInline() {
        String b64 = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});

        var inline = assertInstanceOf(OpenAiImages.Parsed.Inline.class,
                parse("application/json", "{\"data\":[{\"b64_json\":\"" + b64 + "\",\"type\":\"image/png\"}]}"));
        var data = assertInstanceOf(OpenAiImages.Parsed.Inline.class,
                parse(null, "{\"data\":[{\"url\":\"data:image/png;base64," + b64 + "\"}]}"));

        assertArrayEquals(new byte[] {1, 2, 3}, inline.bytes());
        assertArrayEquals(new byte[] {1, 2, 3}, data.bytes());
        assertEquals("image/png", data.contentType());
    }

    @Test
    void anythingElseIsInvalid() {
        assertEquals("provider returned text/html instead of JSON", invalidMessage("text/html", "<html></html>"));
        assertTrue(invalidMessage("application/json", "{\"data\":[{}]}").contains("no data[0].url"));
        assertTrue(invalidMessage(null, "plain words").contains("not JSON"));
        assertTrue(invalidMessage(null, "{\"data\":[{\"b64_json\":\"@@not base64@@\"}]}").contains("base64"));
        assertTrue(invalidMessage(null, "{\"data\":[{\"url\":\"ftp://x/y.png\"}]}").contains("not http(s)"));
        assertTrue(invalidMessage(null, "{\"error\":{\"message\":\"busy\"}}").contains("busy"));
    }

}
