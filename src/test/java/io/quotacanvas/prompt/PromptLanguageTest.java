package io.quotacanvas.prompt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptLanguageTest {

    @Test
    void promptsInNonLatinScriptsNeedTranslation() {
        for (String prompt : List.of("雪地里的一只红狐狸", "雪の中の赤い狐", "눈 속의 붉은 여우", "Рыжая лиса в снегу",
                "ثعلب أحمر في الثلج", "שועל אדום בשלג", "Κόκκινη αλεπού στο χιόνι", "बर्फ में लाल लोमड़ी",
                "สุนัขจิ้งจอกสีแดงในหิมะ", "赛博朋克 city at night, 霓虹灯")) {
            assertTrue(PromptLanguage.needsTranslation(prompt), prompt);
        }
    }

    @Test
    void clearlyForeignLatinScriptPromptsNeedTranslation() {
        for (String prompt : List.of("un renard roux dans la neige", "ein roter Fuchs im Schnee und der Wald",
                "un zorro rojo en la nieve con luz suave", "una volpe rossa nella neve e il bosco",
                "uma raposa vermelha na neve com luz")) {
            assertTrue(PromptLanguage.needsTranslation(prompt), prompt);
        }
    }

    @Test
    void englishPromptsDoNot() {
        for (String prompt : List.of("a red fox in snow", "Portrait of an old sailor, 85mm, f/1.8, bokeh",
                "a neon sign that says 你好 above the door of a noodle bar", "café de Flore at dusk, in the style of "
                        + "Monet", "cyberpunk city, 8k, octane render", "", "   ", "1024x1024 !!!")) {
            assertFalse(PromptLanguage.needsTranslation(prompt), prompt);
        }
    }
}
