package org.engagebot.platform;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Welsh Language Standards rule for what the office publishes (newsletters, consultations, events): both
 * languages, or a reason staff gave for one ("English only because ..."), recorded with who gave it and audited.
 * Each feature asks {@link #refusal} before it sends and calls {@link #published} once it has.
 */
@Singleton
public class OneLanguagePublishing {
    static final int MAX_REASON = 500;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final Db db;
    private final AuditLog audit;
    private final Clock clock;

    public OneLanguagePublishing(Db db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** Why an item may not go out (or a declaration is refused): the field to fix and what to do, in staff's words. */
    public record Refusal(String field, String message) {
    }

    /** A reason given for publishing in one language, and when the item went out (null until it has). */
    public record Declared(String kind, long itemId, String reference, String language, String reason, String by,
                           Instant at, Instant publishedAt) {
    }

    /** "onlyLanguage" and "onlyBecause" as a request gave them (either may be null). */
    public record Fields(String language, String reason) {
        public boolean given() {
            return (language != null && !language.isBlank()) || (reason != null && !reason.isBlank());
        }
    }

    /** The two fields from a JSON request body; absent (not given) when the body has neither or is not JSON. */
    public static Fields fromJson(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode root = JSON.readTree(json == null || json.isBlank() ? "{}" : json);
            if (root == null || !root.isObject()) {
                return new Fields(null, null);
            }
            return new Fields(root.path("onlyLanguage").asText(null), root.path("onlyBecause").asText(null));
        } catch (java.io.IOException e) {
            return new Fields(null, null);
        }
    }

    /** What is wrong with a declaration, if anything (checked before anything is created). */
    public static Optional<Refusal> invalid(Fields f) {
        String lang = f.language() == null ? "" : f.language().strip();
        String why = f.reason() == null ? "" : f.reason().strip();
        if (!lang.equals("en") && !lang.equals("cy")) {
            return Optional.of(new Refusal("onlyLanguage", "onlyLanguage must be \"en\" (English only) or \"cy\" (Welsh only)"));
        }
        if (why.isEmpty() || why.length() > MAX_REASON) {
            return Optional.of(new Refusal("onlyBecause", "say why it goes in " + name(lang) + " only (up to "
                    + MAX_REASON + " characters); the reason is recorded and shown in the report"));
        }
        return Optional.empty();
    }

    /** Records "{language} only because {reason}" for an item (replacing any earlier reason); a refusal when invalid. */
    public Optional<Refusal> declare(String kind, long itemId, String reference, Fields f, String actor) {
        Optional<Refusal> wrong = invalid(f);
        if (wrong.isPresent()) {
            return wrong;
        }
        String lang = f.language().strip();
        String why = f.reason().strip();
        db.update("DELETE FROM one_language_publication WHERE kind = ? AND item_id = ?", kind, itemId);
        db.update("INSERT INTO one_language_publication (kind, item_id, reference, language, reason, declared_by, declared_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", kind, itemId, reference, lang, why, actor, clock.instant());
        audit.record(actor, kind + ".one-language", reference, name(lang) + " only because: " + why);
        return Optional.empty();
    }

    /** Empty when the item may go out: it is in both languages, or a reason for one was declared. */
    public Optional<Refusal> refusal(String kind, long itemId, boolean untranslated) {
        if (!untranslated || declared(kind, itemId).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Refusal("cy", "this " + kind + " has a text in one language only: give the Welsh and "
                + "English texts, or say why it goes in one language (onlyLanguage \"en\" or \"cy\" with onlyBecause)"));
    }

    public Optional<Declared> declared(String kind, long itemId) {
        return db.one("SELECT * FROM one_language_publication WHERE kind = ? AND item_id = ?", OneLanguagePublishing::row,
                kind, itemId);
    }

    /** Marks a declared item as gone out (first time only); nothing for a bilingual one. */
    public void published(String kind, long itemId) {
        db.update("UPDATE one_language_publication SET published_at = ? WHERE kind = ? AND item_id = ? AND published_at IS NULL",
                clock.instant(), kind, itemId);
    }

    /** What went out in one language between two instants, oldest first. */
    public List<Declared> publishedBetween(Instant from, Instant to) {
        return db.query("SELECT * FROM one_language_publication WHERE published_at >= ? AND published_at < ? "
                + "ORDER BY published_at", OneLanguagePublishing::row, from, to);
    }

    private static Declared row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Declared(rs.getString("kind"), rs.getLong("item_id"), rs.getString("reference"),
                rs.getString("language"), rs.getString("reason"), rs.getString("declared_by"), Db.instant(rs, "declared_at"),
                Db.instant(rs, "published_at"));
    }

    private static String name(String lang) {
        return lang.equals("cy") ? "Welsh" : "English";
    }
}
