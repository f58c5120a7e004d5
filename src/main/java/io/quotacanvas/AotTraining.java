package io.quotacanvas;

import io.quotacanvas.cli.Cli;
import io.quotacanvas.cli.CliContext;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/// The command-line half of the start-up cache's training run (`quota-canvas --aot-training`, which
/// `packaging/quota-canvas` records with `-XX:AOTCacheOutput`): a few real generate calls, exactly as an
/// agent makes them, against a loopback provider speaking the OpenAI Images protocol (Gitee's flavour),
/// in a throwaway home folder. What those calls load and profile is what the cache then has ready.
///
/// Never touches the user's folders or the network beyond the loopback address.
final class AotTraining {
    private static final int RUNS = 3;

    private AotTraining() {
    }

    /// Runs the training calls; failures are swallowed (a cache trained on less is still a cache).
    static void commandLine() {
        Path home = null;
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            home = Files.createTempDirectory("quota-canvas-aot-");
            byte[] png = png();
            Thread.ofPlatform().daemon().name("aot-training-provider").start(() -> serve(socket, png));
            String base = "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
            // a plain write: the folder is this run's own throwaway, deleted below, read by no one else
            Files.writeString(home.resolve("config.yaml"), "routing:\n  provider_order: [gitee]\nproviders:\n"
                    + "  gitee:\n    base_url: " + base + "\n    tokens: [aot-training-token-0001]\n");
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("QUOTA_CANVAS_HOME", home.toString());
            env.put("QUOTA_CANVAS_VAULT", "file");
            env.remove("QUOTA_CANVAS_LIBRARY");
            CliContext context = new CliContext(Map.copyOf(env), Clock.systemUTC(), QuotaCanvas::open);
            PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
            for (int i = 0; i < RUNS; i++) {
                Cli.run(new String[] {"--prompt", "a red fox in snow", "--json", "--no-optimize-prompt",
                        "--aspect-ratio", i == 0 ? "1:1" : "16:9"}, context, nowhere, nowhere);
            }
            Cli.run(new String[] {"--prompt", "a paper crane"}, context, nowhere, nowhere);
        } catch (IOException | RuntimeException e) {
            // best effort: the cache is only an optimisation
        } finally {
            delete(home);
        }
    }

    /// Answers `POST …/images/generations` with a URL on itself, and `GET /files/…` with the PNG.
    private static void serve(ServerSocket socket, byte[] png) {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                String head = readHead(in);
                if (head.startsWith("GET")) {
                    respond(out, "image/png", png);
                } else {
                    in.readNBytes(contentLength(head));
                    String url = "http://127.0.0.1:" + socket.getLocalPort() + "/files/aot.png";
                    respond(out, "application/json", ("{\"created\":1,\"data\":[{\"url\":\"" + url + "\"}]}")
                            .getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException | RuntimeException e) {
                // the next request gets a fresh connection
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).strip());
            }
        }
        return 0;
    }

    private static void respond(OutputStream out, String type, byte[] body) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xC0, 0x40, 0x20));
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private static void delete(Path home) {
        if (home == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
