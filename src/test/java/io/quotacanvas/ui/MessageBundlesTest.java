package io.quotacanvas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/// Every visible string exists in English and in Chinese.
class MessageBundlesTest {

    @Test
    void theEnglishAndChineseBundlesHaveTheSameKeys() throws Exception {
        assertEquals(keys("messages.properties"), keys("messages_zh_CN.properties"));
    }

    private static TreeSet<String> keys(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = I18n.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
