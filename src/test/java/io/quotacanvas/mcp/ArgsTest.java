package io.quotacanvas.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// Tool arguments are read strictly, and every refusal names the argument and the value.
class ArgsTest {
    private static final List<String> KNOWN = List.of("prompt", "count", "scale", "hd");

    private static Args args(Map<String, Object> raw) throws ToolError {
        return new Args(raw, KNOWN);
    }

    @Test
    void wellFormedArgumentsAreRead() throws ToolError {
        Map<String, Object> raw = new HashMap<>(Map.of("prompt", "a fox", "count", 4.0, "scale", 3, "hd", true));
        raw.put("missing", null);
        Args a = new Args(raw, List.of("prompt", "count", "scale", "hd", "missing"));
        assertEquals("a fox", a.requiredString("prompt"));
        assertEquals(4L, a.whole("count", 1, 16));
        assertEquals(3.0, a.number("scale", 0, 50));
        assertEquals(true, a.bool("hd"));
        assertNull(a.string("missing"));
    }

    @Test
    void refusalsNameTheArgumentAndTheValue() {
        assertEquals("Invalid argument 'count': 2.5 (must be a whole number from 1 to 16).", assertThrows(
                ToolError.class, () -> args(Map.of("count", 2.5)).whole("count", 1, 16)).getMessage());
        assertEquals("Invalid argument 'count': '4' (must be a whole number from 1 to 16).", assertThrows(
                ToolError.class, () -> args(Map.of("count", "4")).whole("count", 1, 16)).getMessage());
        assertEquals("Invalid argument 'scale': 51 (must be a number from 0 to 50).", assertThrows(
                ToolError.class, () -> args(Map.of("scale", 51)).number("scale", 0, 50)).getMessage());
        assertEquals("Invalid argument 'hd': 'yes' (must be true or false).", assertThrows(
                ToolError.class, () -> args(Map.of("hd", "yes")).bool("hd")).getMessage());
        assertEquals("Missing argument 'prompt'.", assertThrows(
                ToolError.class, () -> args(Map.of()).requiredString("prompt")).getMessage());
        ToolError unknown = assertThrows(ToolError.class, () -> args(Map.of("colour", "red")));
        assertEquals("Unknown argument 'colour'; this tool takes prompt, count, scale, hd.", unknown.getMessage());
        assertEquals("usage_error", unknown.type().wireName());
    }
}
