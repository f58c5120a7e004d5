package io.quotacanvas.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.storage.PostgresDatabase;
import io.quotacanvas.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/// The prompt cache contract in a real PostgreSQL database, plus: a database that goes down is a miss,
/// not an error.
class PostgresPromptCacheTest extends PromptCacheContract {

    private final List<PostgresDatabase> opened = new ArrayList<>();
    private String database;

    @Override
    PromptCache open() {
        if (database == null) {
            database = TestPostgres.shared().newDatabase();
        }
        PostgresDatabase db = PostgresDatabase.open(TestPostgres.shared().target(database), "ledger database");
        opened.add(db);
        return new PostgresPromptCache(db, clock);
    }

    @AfterEach
    void closeDatabases() {
        opened.forEach(PostgresDatabase::close);
    }

    @Test
    void onlyHashesOfThePromptsAreStored() throws Exception {
        try (PromptCache cache = open()) {
            cache.put(KEY, "answer");
        }
        try (Connection c = TestPostgres.shared().connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT text_sha, system_sha FROM prompt_cache")) {
            assertTrue(rs.next());
            assertEquals(KEY.textSha256(), rs.getString(1));
            assertEquals(64, rs.getString(2).length());
        }
    }

    @Test
    void aDatabaseThatGoesDownIsAMissNotAnError() {
        try (TestPostgres own = TestPostgres.start()) {
            String db = own.newDatabase();
            try (PostgresDatabase pg = PostgresDatabase.open(own.target(db), "ledger database");
                 PromptCache cache = new PostgresPromptCache(pg, clock)) {
                cache.put(KEY, "answer");
                assertEquals("answer", cache.get(KEY).orElseThrow());

                own.stop();

                assertTrue(cache.get(KEY).isEmpty());
                cache.put(KEY, "another answer");
            }
        }
    }
}
