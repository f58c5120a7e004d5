package io.quotacanvas.token.vault;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/// Opens the token vault of a config folder, choosing where secrets go.
///
/// `QUOTA_CANVAS_VAULT` = `auto` (default), `file` or `keyring`:
/// - `auto`: on Linux and other Unixes the Secret Service through `secret-tool` when it is installed and
///   answers (a headless box without a D-Bus session falls back to the file); elsewhere the file. macOS'
///   `security` tool only takes a secret on its command line (visible in `ps`), so macOS uses the file.
/// - `file`: always `<configDir>/tokens.json`, owner-only.
/// - `keyring`: `secret-tool` or fail with the reason.
///
/// Names, order and the enabled flag always live in `tokens.json`; keyring entries keep only their id there.
public final class TokenVaults {
    public static final String VARIABLE = "QUOTA_CANVAS_VAULT";

    private TokenVaults() {
    }

    /// The vault for `configDir` as the environment and the platform allow.
    ///
    /// @throws VaultException when `QUOTA_CANVAS_VAULT` is unknown, or `keyring` was asked for and none works
    public static TokenVault open(Path configDir, Map<String, String> env, String osName, CommandRunner runner,
                                  Clock clock) {
        String kind = env.getOrDefault(VARIABLE, "auto").strip().toLowerCase(Locale.ROOT);
        VaultFile file = new VaultFile(configDir.resolve(VaultFile.NAME));
        SecretToolStore keyring = new SecretToolStore(runner);
        String os = osName.toLowerCase(Locale.ROOT);
        boolean freedesktop = !os.contains("win") && !os.contains("mac");
        return switch (kind) {
            case "file", "" -> fileVault(file, keyring, clock, "");
            case "auto" -> {
                Optional<String> why = freedesktop ? SecretToolStore.unusableReason(runner)
                        : Optional.of(os.contains("mac") ? "the macOS keychain is not used because its security"
                        + " tool takes the secret on its command line" : "no system keyring support on Windows yet");
                yield why.isEmpty() ? keyringVault(file, keyring, clock) : fileVault(file, keyring, clock, why.get());
            }
            case "keyring", "keychain" -> {
                Optional<String> why = freedesktop ? SecretToolStore.unusableReason(runner)
                        : Optional.of("only the Secret Service (secret-tool) is supported");
                if (why.isPresent()) {
                    throw new VaultException(VARIABLE + "=keyring, but no system keyring can be used: " + why.get()
                            + "; unset it to keep tokens in an owner-only file instead");
                }
                yield keyringVault(file, keyring, clock);
            }
            default -> throw new VaultException(VARIABLE + " must be auto, file or keyring (got '" + kind + "')");
        };
    }

    /// The file-only vault of `configDir` (tests, and people who chose it).
    public static TokenVault file(Path configDir, Clock clock) {
        VaultFile file = new VaultFile(configDir.resolve(VaultFile.NAME));
        return fileVault(file, null, clock, "");
    }

    /// The vault file of `configDir`, whether it exists or not.
    public static Path filePath(Path configDir) {
        return configDir.resolve(VaultFile.NAME).toAbsolutePath();
    }

    /// A vault whose keyring is `runner`-driven `secret-tool` with no availability probe (tests).
    static TokenVault keyring(Path configDir, CommandRunner runner, Clock clock) {
        return keyringVault(new VaultFile(configDir.resolve(VaultFile.NAME)), new SecretToolStore(runner), clock);
    }

    private static TokenVault keyringVault(VaultFile file, SecretToolStore keyring, Clock clock) {
        String text = "tokens are kept in the system keyring (Secret Service, via secret-tool); their names and "
                + "order are in " + file.path() + describeFile(file);
        return new StoredTokenVault(file, keyring, List.of(SecretStore.FILE), clock, text);
    }

    private static TokenVault fileVault(VaultFile file, SecretToolStore keyring, Clock clock, String why) {
        String text = "tokens are kept in " + file.path() + describeFile(file)
                + (why.isEmpty() ? "" : " (no system keyring: " + why + ")");
        List<SecretStore> readable = keyring == null ? List.of() : List.of(keyring);
        return new StoredTokenVault(file, SecretStore.FILE, readable, clock, text);
    }

    private static String describeFile(VaultFile file) {
        return file.posix() ? ", readable by you only (0600; refused if other users can read it)"
                : "; this file system has no POSIX permissions, so only the folder's own access rules (your user"
                + " profile) protect it";
    }
}
