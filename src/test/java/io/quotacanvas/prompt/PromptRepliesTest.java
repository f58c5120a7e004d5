package io.quotacanvas.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromptRepliesTest {

    @Test
    void aPlainAnswerIsKeptAsItIs() {
        assertEquals(Optional.of("Vivid, detailed: a red fox in snow, soft light"),
                PromptReplies.clean("Vivid, detailed: a red fox in snow, soft light"));
    }

    @Test
    void quotesFencesAndReasoningAreStripped() {
        assertEquals(Optional.of("a red fox in snow"), PromptReplies.clean("<think>user wants a fox</think>\n\"a red fox in snow\""));
        assertEquals(Optional.of("a red fox in snow"), PromptReplies.clean("```text\na red fox in snow\n```"));
        assertEquals(Optional.of("雪地里的红狐狸"), PromptReplies.clean("「雪地里的红狐狸」"));
    }

    @Test
    void hereIsStylePreamblesAreStripped() {
        assertEquals(Optional.of("a red fox in snow"), PromptReplies.clean("Here is the optimized prompt:\n\na red fox in snow"));
        assertEquals(Optional.of("a red fox in snow"), PromptReplies.clean("Sure! Here's your enhanced prompt: \"a red fox in snow\""));
        assertEquals(Optional.of("a red fox in snow"), PromptReplies.clean("**Optimized Prompt:** a red fox in snow"));
        assertEquals(Optional.of("a red fox in snow"), PromptReplies.clean("Translation: a red fox in snow"));
        assertEquals(Optional.of("雪地里的红狐狸，电影感光影"), PromptReplies.clean("优化后的提示词：雪地里的红狐狸，电影感光影"));
    }

    @Test
    void aPromptThatMerelyContainsAColonKeepsItsBeginning() {
        assertEquals(Optional.of("Here is a dragon: red scales, gold eyes"),
                PromptReplies.clean("Here is a dragon: red scales, gold eyes"));
        assertEquals(Optional.of("Portrait: an old sailor"), PromptReplies.clean("Portrait: an old sailor"));
    }

    @Test
    void emptyUnfinishedReasoningRefusalsAndEssaysAreNoPrompt() {
        assertTrue(PromptReplies.clean("   ").isEmpty());
        assertTrue(PromptReplies.clean("<think>the user wants a fox, so I should").isEmpty());
        assertTrue(PromptReplies.clean("I'm sorry, but I can't help with that.").isEmpty());
        assertTrue(PromptReplies.clean("Here is the prompt:").isEmpty());
        assertTrue(PromptReplies.clean("word ".repeat(1000)).isEmpty());
    }

    @Test
    void aTranslationStillInChineseOrUnchangedIsAProblem() {
        assertNotNull(PromptReplies.problem("雪地里的红狐狸", "雪地里的红狐狸", PromptStep.TRANSLATE));
        assertNotNull(PromptReplies.problem("un renard dans la neige", "un renard dans la neige", PromptStep.TRANSLATE));
        assertNull(PromptReplies.problem("a red fox in snow", "雪地里的红狐狸", PromptStep.TRANSLATE));
        assertNull(PromptReplies.problem("雪地里的红狐狸，电影感", "雪地里的红狐狸", PromptStep.OPTIMIZE));
    }
}
