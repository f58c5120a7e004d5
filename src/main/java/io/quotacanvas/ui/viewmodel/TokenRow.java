package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import io.quotacanvas.token.TokenState;
import javafx.beans.binding.StringBinding;

/// One row of the token manager: a pooled token (or Hugging Face's anonymous pseudo-token) as shown, with
/// what may be done to it. `value` is the masked value, or the raw token while the person revealed it.
/// `stateText` follows the manager's clock (the cooling countdown). Immutable but for that binding; the
/// manager builds new rows on every change. `toString` never holds the raw value.
///
/// @param position   0-based place in the provider's rotation
/// @param key        the token's fingerprint (stable across reorders and renames)
/// @param handle     the token's place in its provider's pool (`gitee#2`)
/// @param title      the people-given name, or the handle
/// @param label      the masked label
/// @param source     `config`, `env:VAR`, `vault` or `anonymous`
/// @param readOnlyWhy where to change a read-only token, or null for vault tokens
/// @param facts      last used · images today · known remaining · per-model coolings, in words
/// @param testText   the last test's verdict in words, "testing…", or null
/// @param clearable  cooling or invalid, for the whole token or a model: "clear cooling" has work to do
public record TokenRow(ProviderId provider, int position, String key, Token token, String vaultId, String handle,
                       String title,
                       String label, String value, boolean revealed, String source, String readOnlyWhy,
                       boolean enabled, TokenState state, StringBinding stateText, String facts, String testText,
                       TestVerdict verdict, boolean testing, boolean clearable, boolean canMoveUp,
                       boolean canMoveDown) {

    /// How the last test went, for the row's icon.
    public enum TestVerdict { NONE, PASSED, FAILED, NO_PROBE }

    /// Vault tokens may be renamed, reordered, disabled and removed; config and environment ones may not.
    public boolean editable() {
        return vaultId != null;
    }

    public boolean anonymous() {
        return token.isAnonymous();
    }

    @Override
    public String toString() {
        return "TokenRow[" + label + " " + source + "]";
    }
}
