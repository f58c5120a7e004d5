package io.quotacanvas.testing;

import java.util.ArrayList;
import java.util.List;

/// The test JVM sends every HTTP(S) request to a host that isn't loopback to a proxy port nothing listens on
/// (the pom's `no.internet.args`), so a default that names a public host fails at once instead of leaving the
/// machine. Child JVMs a test starts get the same flags from here.
public final class NoInternet {
    private static final List<String> KEYS = List.of("http.proxyHost", "http.proxyPort", "https.proxyHost",
            "https.proxyPort");

    private NoInternet() {
    }

    /// `-Dkey=value` for each of this JVM's no-internet properties.
    public static List<String> jvmArgs() {
        List<String> args = new ArrayList<>();
        for (String key : KEYS) {
            String value = System.getProperty(key);
            if (value != null) {
                args.add("-D" + key + "=" + value);
            }
        }
        return args;
    }
}
