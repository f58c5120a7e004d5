package io.quotacanvas.prompt;

import io.quotacanvas.provider.openaiapi.ChatCompletions;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/// Turns a text model's answer into a prompt, or rejects it. Chat models wrap their answer in reasoning,
/// fences, quotes and "Here is the optimized prompt:" lines however firmly they are told not to; what is
/// left must look like a prompt. Pure, stateless and thread-safe.
final class PromptReplies {
    /// Longer than this is an essay, not a prompt (the system prompt asks for under 300 words).
    static final int MAX_CHARS = 4000;

    // an unclosed <think> means the model ran out of tokens while reasoning: nothing usable follows
    private static final Pattern OPEN_THINK = Pattern.compile("(?s)<think>.*");
    private static final Pattern PREAMBLE = Pattern.compile(
            "(?iu)^(?:\\*\\*|#+\\s*)?(?:(?:sure|okay|ok|certainly)[,!.]?\\s*)?"
                    + "(?:here(?:'s| is| are)\\b[^\\n:：]{0,60}?(?:prompt|translation|version|rewrite)[^\\n:：]{0,20}|(?:the\\s+)?(?:optimi[sz]ed|enhanced|improved|rewritten|"
                    + "translated|english)?\\s*(?:prompt|translation)|以下是[^\\n:：]{0,40}|"
                    + "(?:优化后的|翻译后的|改写后的)?(?:提示词|prompt|译文|翻译))"
                    + "\\s*(?:\\*\\*)?\\s*[:：]\\s*(?:\\*\\*)?\\s*");
    private static final Pattern REFUSAL = Pattern.compile(
            "(?iu)^(?:i'm sorry|i am sorry|sorry,|i can't|i cannot|i can not|as an ai|抱歉|对不起|我无法)");

    private PromptReplies() {
    }

    /// The prompt inside `reply`, or empty when nothing usable is left (empty, a refusal, far too long).
    static Optional<String> clean(String reply) {
        if (reply == null) {
            return Optional.empty();
        }
        String text = ChatCompletions.clean(OPEN_THINK.matcher(reply.replaceAll("(?s)<think>.*?</think>", ""))
                .replaceAll(""));
        String before;
        do {
            before = text;
            text = ChatCompletions.clean(PREAMBLE.matcher(text).replaceFirst(""));
        } while (!text.equals(before));
        text = text.replaceAll("^\\*\\*(.*)\\*\\*$", "$1").strip();
        if (text.isEmpty() || text.length() > MAX_CHARS || REFUSAL.matcher(text).find()) {
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /// Why `reply` is no usable answer for `step`, or null when it is.
    static String problem(String cleaned, String original, PromptStep step) {
        if (step == PromptStep.TRANSLATE && PromptLanguage.needsTranslation(cleaned)) {
            return "the translation is still not English";
        }
        if (step == PromptStep.TRANSLATE && cleaned.toLowerCase(Locale.ROOT).equals(original.toLowerCase(Locale.ROOT))) {
            return "the translation is the original text";
        }
        return null;
    }
}
