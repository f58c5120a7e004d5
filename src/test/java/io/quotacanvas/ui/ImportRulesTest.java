package io.quotacanvas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/// The layering the house style asks for: only `ui` touches `javafx.scene`, and view-models stay free of
/// it (so they are tested without the toolkit).
class ImportRulesTest {
    private static final Path MAIN = Path.of("src/main/java/io/quotacanvas");

    private static List<String> offenders(Path root, String forbidden, Path except) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> except == null || !p.startsWith(except))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains("import " + forbidden);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).map(Path::toString).toList();
        }
    }

    @Test
    void nothingOutsideUiImportsJavafxScene() throws IOException {
        assertEquals(List.of(), offenders(MAIN, "javafx.scene", MAIN.resolve("ui")));
    }

    @Test
    void viewModelsDoNotImportJavafxSceneOrViews() throws IOException {
        Path vm = MAIN.resolve("ui/viewmodel");
        assertEquals(List.of(), offenders(vm, "javafx.scene", null));
        assertEquals(List.of(), offenders(vm, "io.quotacanvas.ui.view.", null));
        assertEquals(List.of(), offenders(vm, "javafx.stage", null));
    }
}
