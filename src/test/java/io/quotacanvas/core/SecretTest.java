package io.quotacanvas.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/// What copying a token from a web page brings along: blanks around it are dropped, characters inside that
/// no HTTP header can carry make it unsendable.
class SecretTest {

    @Test
    void blanksAroundATokenAreDroppedIncludingNonBreakingAndZeroWidthOnes() {
        assertEquals("abc-0001", new Secret(" \u00a0\u200babc-0001\ufeff\t\n").reveal());
        assertThrows(IllegalArgumentException.class, () -> new Secret("\u00a0 \u200b"));
    }

    @Test
    void onlyPrintableAsciiWithoutSpacesCanBeSent() {
        assertTrue(new Secret("hf-AbC_123.xyz-0001").sendable());
        assertFalse(new Secret("t\u00f6k\u00e9n-0005").sendable());
        assertFalse(new Secret("has space token").sendable());
        assertFalse(new Secret("\u201cquoted-token\u201d").sendable());
        assertFalse(new Secret("tab\tinside").sendable());
    }
}
