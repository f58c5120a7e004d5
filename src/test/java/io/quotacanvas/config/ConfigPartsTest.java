package io.quotacanvas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/// The small pieces the loader is built from: durations, `${ENV}` expansion, key suggestions, redaction.
class ConfigPartsTest {

    @Test
    void durationsAcceptEveryDocumentedForm() {
        assertEquals(Optional.of(Duration.ofMillis(500)), Durations.parse("500ms"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), Durations.parse("30s"));
        assertEquals(Optional.of(Duration.ofMinutes(5)), Durations.parse("5m"));
        assertEquals(Optional.of(Duration.ofHours(2)), Durations.parse("2h"));
        assertEquals(Optional.of(Duration.ofDays(1)), Durations.parse("1d"));
        assertEquals(Optional.of(Duration.ofSeconds(45)), Durations.parse("45"));
        assertEquals(Optional.empty(), Durations.parse("-5s"));
        assertEquals(Optional.empty(), Durations.parse("5 minutes"));
        assertEquals(Optional.empty(), Durations.parse("1.5h"));
    }

    @Test
    void expansionUsesTheFallbackWhenTheVariableIsUnsetOrEmpty() {
        EnvExpander expander = new EnvExpander(Map.of("SET", "value", "EMPTY", ""));

        assertEquals("value/x", expander.expand("${SET}/x").value());
        assertEquals("fb", expander.expand("${EMPTY:-fb}").value());
        assertEquals("", expander.expand("${EMPTY}").value());
        assertEquals("a-b", expander.expand("${UNSET:-a-b}").value());
        assertEquals(List.of("UNSET"), expander.expand("x${UNSET}y").unset());
        assertTrue(expander.expand("${SET").malformed());
        assertEquals("no variables", expander.expand("no variables").value());
    }

    @Test
    void suggestionsFindCloseKeysOnly() {
        List<String> known = List.of("provider_order", "default_model", "max_parallel");

        assertEquals(Optional.of("provider_order"), KeySuggester.closest("provder_order", known));
        assertEquals(Optional.of("max_parallel"), KeySuggester.closest("max-parallel", known));
        assertEquals(Optional.empty(), KeySuggester.closest("colour", known));
    }

    @Test
    void tokenShapedTextIsRecognisedAndConfigKeysAreNot() {
        assertTrue(Redaction.looksLikeSecret("hf_AbCdEfGh1234567890"));
        assertTrue(Redaction.looksLikeSecret("x".repeat(41)));
        assertFalse(Redaction.looksLikeSecret("max_attempts_per_image"));
        assertFalse(Redaction.looksLikeSecret("provder_order"));
    }

    @Test
    void mergingReplacesListsAndScalarsButMergesMappings() {
        var nodes = tools.jackson.databind.node.JsonNodeFactory.instance;
        var base = nodes.objectNode();
        base.putObject("a").put("x", 1).put("y", 2);
        base.putArray("list").add(1).add(2);
        var over = nodes.objectNode();
        over.putObject("a").put("y", 3).put("z", 4);
        over.putArray("list").add(9);

        var merged = TreeMerger.merge(base, over);

        assertEquals("{\"a\":{\"x\":1,\"y\":3,\"z\":4},\"list\":[9]}", merged.toString());
        assertEquals("{\"a\":{\"x\":1,\"y\":2},\"list\":[1,2]}", base.toString());
    }
}
