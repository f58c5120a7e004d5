package io.quotacanvas.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.library.ImageMetadata;
import io.quotacanvas.ui.FakeStudio;
import io.quotacanvas.ui.SettingsStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateViewModelTest {
    @TempDir
    Path dir;

    private CreateViewModel form() {
        return new CreateViewModel(new FakeStudio(dir).providers());
    }

    @Test
    void optimisePromptStartsFromTheConfigsPromptOptimize() {
        assertTrue(form().optimizePromptProperty().get(), "on by default, as in the seed skill");
        CreateViewModel off = new CreateViewModel(new FakeStudio(dir).providers(), false);
        assertFalse(off.optimizePromptProperty().get());
        off.restore(SettingsStore.inMemory());
        assertFalse(off.optimizePromptProperty().get(), "no remembered choice: the config decides");
    }

    @Test
    void aPersonsOptimiseChoiceIsRememberedOnlyWhileItDiffersFromTheConfig() {
        SettingsStore store = SettingsStore.inMemory();
        // what studios before this fix left behind: the forced unchecked start, remembered
        store.put("create.optimize", false);
        CreateViewModel form = form();
        form.restore(store);
        assertTrue(form.optimizePromptProperty().get(), "the old forced value is not taken for a choice");

        form.optimizePromptProperty().set(false);
        form.remember(store);
        CreateViewModel next = form();
        next.restore(store);
        assertFalse(next.optimizePromptProperty().get(), "a deliberate choice is kept");

        next.optimizePromptProperty().set(true);
        next.remember(store);
        assertEquals("none", store.get(CreateViewModel.OPTIMIZE_KEY, "none"), "back to the default: nothing kept");
        assertEquals("none", store.get("create.optimize", "none"));
        CreateViewModel withConfigOff = new CreateViewModel(new FakeStudio(dir).providers(), false);
        withConfigOff.restore(store);
        assertFalse(withConfigOff.optimizePromptProperty().get(), "a changed prompt.optimize takes effect");
    }

    @Test
    void thePromptIsBlankUntilSomethingButSpacesIsTyped() {
        CreateViewModel form = form();
        assertTrue(form.promptBlank().get());
        form.promptProperty().set("   \n ");
        assertTrue(form.promptBlank().get());
        form.promptProperty().set("a fox");
        assertFalse(form.promptBlank().get());
    }

    @Test
    void autoOffersTheUnionOfEnabledProvidersModelsAndAProviderOnlyItsOwn() {
        CreateViewModel form = form();
        assertEquals(Arrays.asList(null, ProviderId.GITEE, ProviderId.A4F), form.providerChoices());
        assertEquals(List.of("z-image-turbo", "qwen-image", "flux-1-schnell"), form.models());
        form.modelProperty().set("qwen-image");
        form.providerProperty().set(ProviderId.A4F);
        assertEquals(List.of("z-image-turbo", "flux-1-schnell"), form.models());
        assertEquals("z-image-turbo", form.modelProperty().get(), "a model the provider lacks falls back");
    }

    @Test
    void theRequestCarriesEveryFieldAndALockedSeed() {
        CreateViewModel form = form();
        form.promptProperty().set("  a red fox  ");
        form.aspectRatioProperty().set(AspectRatio.WIDE);
        form.providerProperty().set(ProviderId.GITEE);
        form.modelProperty().set("qwen-image");
        form.seedProperty().set("42");
        form.seedLockedProperty().set(true);
        form.stepsProperty().set("12");
        form.guidanceProperty().set("3.5");
        form.hdProperty().set(true);
        form.autoTranslateProperty().set(true);
        form.countProperty().set(40);

        ImageRequest r = form.toRequest();

        assertEquals("a red fox", r.prompt());
        assertEquals(AspectRatio.WIDE, r.aspectRatio());
        assertEquals(ProviderId.GITEE, r.provider());
        assertEquals("qwen-image", r.model());
        assertEquals(42L, r.seed());
        assertEquals(12, r.steps());
        assertEquals(3.5, r.guidanceScale());
        assertTrue(r.enableHd());
        assertTrue(r.autoTranslate());
        assertEquals(16, r.count(), "the count is capped at 16");
    }

    @Test
    void anUnlockedSeedLetsTheEngineChooseAndRandomiseLocksANewOne() {
        CreateViewModel form = form();
        form.promptProperty().set("x");
        form.seedProperty().set("42");
        assertNull(form.toRequest().seed());
        form.randomiseSeed();
        assertTrue(form.seedLockedProperty().get());
        assertEquals(Long.valueOf(form.seedProperty().get()), form.toRequest().seed());
    }

    @Test
    void lettersInTheAdvancedFieldsMakeTheFormInvalid() {
        CreateViewModel form = form();
        assertTrue(form.advancedValid().get());
        form.stepsProperty().set("many");
        assertFalse(form.advancedValid().get());
        form.stepsProperty().set("");
        form.guidanceProperty().set("4.5");
        assertTrue(form.advancedValid().get());
    }

    @Test
    void theStepsAndGuidanceHintsAreWhatTheChosenProviderSendsTheModelWith() {
        FakeStudio studio = new FakeStudio(dir);
        CreateViewModel form = new CreateViewModel(studio.providers(), true, studio::hint);
        assertEquals("9", form.stepsHint().get(), "Auto: the model's usual defaults");
        assertEquals("", form.guidanceHint().get(), "z-image-turbo takes no guidance");
        form.providerProperty().set(ProviderId.GITEE);
        assertEquals("12", form.stepsHint().get(), "gitee's own model settings");
        assertEquals("4.5", form.guidanceHint().get());
        form.providerProperty().set(ProviderId.A4F);
        form.modelProperty().set("flux-1-schnell");
        assertEquals("8", form.stepsHint().get());
    }

    @Test
    void anImagesSettingsFillTheForm() {
        CreateViewModel form = form();
        ImageMetadata m = new FakeStudio(dir).image("a lighthouse", ProviderId.A4F, 1234, FakeStudio.NOW).metadata();
        form.apply(m);
        assertEquals("a lighthouse", form.promptProperty().get());
        assertEquals(AspectRatio.WIDE, form.aspectRatioProperty().get());
        assertEquals(ProviderId.A4F, form.providerProperty().get());
        assertEquals("1234", form.seedProperty().get());
        assertTrue(form.seedLockedProperty().get());
        assertEquals("9", form.stepsProperty().get());
    }

    @Test
    void theLastSettingsAreRememberedInTheSettingsFile() {
        Path file = dir.resolve("state/studio.properties");
        CreateViewModel form = form();
        form.promptProperty().set("a cat 猫");
        form.aspectRatioProperty().set(AspectRatio.PORTRAIT_2_3);
        form.providerProperty().set(ProviderId.GITEE);
        form.modelProperty().set("qwen-image");
        form.countProperty().set(4);
        form.hdProperty().set(true);
        SettingsStore store = SettingsStore.load(file);
        form.remember(store);
        store.save();

        CreateViewModel again = form();
        again.restore(SettingsStore.load(file));

        assertEquals("a cat 猫", again.promptProperty().get());
        assertEquals(AspectRatio.PORTRAIT_2_3, again.aspectRatioProperty().get());
        assertEquals(ProviderId.GITEE, again.providerProperty().get());
        assertEquals("qwen-image", again.modelProperty().get());
        assertEquals(4, again.countProperty().get());
        assertTrue(again.hdProperty().get());
    }
}
