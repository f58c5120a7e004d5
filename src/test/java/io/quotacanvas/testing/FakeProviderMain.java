package io.quotacanvas.testing;

import java.time.Duration;

/// Starts a loopback OpenAI-Images provider for trying the real jar by hand, prints its base URL, and
/// stops by itself after `seconds`. Usage: `FakeProviderMain <seconds> [REPLY_FOR_token-1 …]`, where the
/// replies script the token `bad-token-0001` (e.g. QUOTA) and every other token succeeds. The provider latency is
/// 300 ms, or `-Dfake.latency.ms=N`.
public final class FakeProviderMain {
    private FakeProviderMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 120;
        try (FakeImagesServer server = new FakeImagesServer(FakeImagesServer.Flavor.GITEE)) {
            for (int i = 1; i < args.length; i++) {
                server.script("bad-token-0001", FakeImagesServer.Reply.valueOf(args[i]));
            }
            server.latency(Duration.ofMillis(Long.getLong("fake.latency.ms", 300)));
            System.out.println(server.baseUrl());
            System.out.flush();
            Thread.sleep(Duration.ofSeconds(seconds));
        }
    }
}
