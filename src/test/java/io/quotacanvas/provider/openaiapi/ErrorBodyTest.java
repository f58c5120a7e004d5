package io.quotacanvas.provider.openaiapi;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrorBodyTest {

    @Test
    void readsTheOpenAiShape() {
        ErrorBody e = ErrorBody.parse("""
                {"error":{"message":"Invalid size","type":"invalid_request_error","param":"size","code":"invalid_value"}}""");

        assertEquals(new ErrorBody("Invalid size", "invalid_request_error", "invalid_value", "size"), e);
    }

    @Test
    void readsGiteesPlainMessage() {
        assertEquals("Unauthorized", ErrorBody.parse("{\"message\":\"Unauthorized\"}").message());
    }

    @Test
    void readsAnErrorObjectWithOnlyAMessage() {
        assertEquals("quota used up", ErrorBody.parse("{\"error\":{\"message\":\"quota used up\"}}").message());
    }

    @Test
    void readsAnErrorCodeBesideAMessage() {
        ErrorBody e = ErrorBody.parse("{\"error\":\"insufficient_balance\",\"message\":\"Balance is 0\"}");

        assertEquals("Balance is 0", e.message());
        assertTrue(e.hasCode("insufficient_balance"));
    }

    @Test
    void readsHuggingFacesErrorString() {
        assertEquals("Invalid credentials in Authorization header",
                ErrorBody.parse("{\"error\":\"Invalid credentials in Authorization header\"}").message());
    }

    @Test
    void readsModelScopeAndFastApiShapes() {
        assertEquals("Request limit exceeded.",
                ErrorBody.parse("{\"errors\":{\"message\":\"Request limit exceeded.\",\"request_id\":\"x\"}}").message());
        assertEquals("Not Found", ErrorBody.parse("{\"detail\":\"Not Found\"}").message());
    }

    @Test
    void quotesPlainTextAndSummarisesHtml() {
        assertEquals("upstream connect error", ErrorBody.parse("upstream connect error\n").message());
        assertEquals("an HTML page titled \"502 Bad Gateway\"",
                ErrorBody.parse("<html><head><title>502 Bad Gateway</title></head></html>").message());
        assertEquals("no error message", ErrorBody.parse("").quoted());
    }

    @Test
    void numericCodesAndBrokenJsonDoNotThrow() {
        assertEquals("40001", ErrorBody.parse("{\"code\":40001,\"message\":\"bad\"}").code());
        assertEquals("{\"error\":", ErrorBody.parse("{\"error\":").message());
    }

    @Test
    void longMessagesAreCutToAboutThreeHundredCharacters() {
        String message = ErrorBody.parse("{\"message\":\"" + "x".repeat(5000) + "\"}").message();

        assertEquals(300, message.length());
        assertTrue(message.endsWith("…"));
    }
}
