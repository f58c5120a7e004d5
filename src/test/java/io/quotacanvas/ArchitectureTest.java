package io.quotacanvas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/// The packages show the pipeline (config → plan → providers → ledger → library) with thin front ends; these
/// rules keep the arrows pointing one way.
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/io/quotacanvas");
    private static final List<String> FRONT_ENDS = List.of("cli", "ui", "mcp", "gateway");
    private static final List<String> VENDORS = List.of("a4f", "gitee", "huggingface", "modelscope", "openai");

    /// Files under `dir` (recursively unless `shallow`) whose imports match `forbidden`.
    private static List<String> offenders(Path dir, boolean shallow, Pattern forbidden, Predicate<Path> except) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = shallow ? Files.list(dir) : Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(except.negate())
                    .filter(p -> read(p).lines().filter(l -> l.startsWith("import "))
                            .anyMatch(l -> forbidden.matcher(l).find()))
                    .map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Pattern imports(String packagePrefix) {
        return Pattern.compile("^import (static )?" + Pattern.quote(packagePrefix));
    }

    @Test
    void onlyTheCommandLineImportsPicocli() {
        assertEquals(List.of(), offenders(MAIN, false, imports("picocli."), p -> p.startsWith(MAIN.resolve("cli"))));
    }

    @Test
    void theCoreDependsOnNoOtherPackageOfOurs() {
        assertEquals(List.of(), offenders(MAIN.resolve("core"), false,
                Pattern.compile("^import (static )?io\\.quotacanvas\\.(?!core\\.)"), p -> false));
    }

    @Test
    void storageIsNeutralAndDependsOnNoOtherPackageOfOurs() {
        assertEquals(List.of(), offenders(MAIN.resolve("storage"), false,
                Pattern.compile("^import (static )?io\\.quotacanvas\\.(?!storage\\.)"), p -> false));
    }

    @Test
    void noEnginePackageImportsAFrontEnd() {
        for (String front : FRONT_ENDS) {
            Pattern forbidden = imports("io.quotacanvas." + front + ".");
            for (String engine : List.of("config", "core", "pipeline", "provider", "token", "prompt", "library",
                    "contract", "storage")) {
                assertEquals(List.of(), offenders(MAIN.resolve(engine), false, forbidden, p -> false),
                        engine + " must not import " + front);
            }
        }
    }

    @Test
    void frontEndsDoNotImportEachOther() {
        for (String front : FRONT_ENDS) {
            for (String other : FRONT_ENDS) {
                if (!front.equals(other)) {
                    assertEquals(List.of(), offenders(MAIN.resolve(front), false,
                            imports("io.quotacanvas." + other + "."), p -> false), front + " imports " + other);
                }
            }
        }
    }

    @Test
    void theSharedProviderLayerAndTheOpenAiProtocolImportNoVendor() {
        for (String vendor : VENDORS) {
            Pattern forbidden = imports("io.quotacanvas.provider." + vendor + ".");
            assertEquals(List.of(), offenders(MAIN.resolve("provider"), true, forbidden, p -> false));
            assertEquals(List.of(), offenders(MAIN.resolve("provider/openaiapi"), false, forbidden, p -> false));
        }
    }

    @Test
    void vendorsDoNotImportEachOther() {
        for (String vendor : VENDORS) {
            for (String other : VENDORS) {
                if (!vendor.equals(other)) {
                    assertEquals(List.of(), offenders(MAIN.resolve("provider/" + vendor), false,
                            imports("io.quotacanvas.provider." + other + "."), p -> false), vendor + " imports " + other);
                }
            }
        }
    }
}
