package org.engagebot.privacy;

import org.engagebot.platform.Db;
import org.engagebot.platform.ErasureParticipant;
import org.engagebot.platform.Transactions;
import org.engagebot.testing.DatabaseScan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ErasureParticipant} must do (James-style contract): an implementation's test supplies the bean
 * and stores its feature's rows for a fresh person, as the feature would. Erasure runs inside a write transaction,
 * as {@code Erasures} runs it.
 */
public interface ErasureParticipantContract {

    /** A person as erasure sees them, and the strings that identify them in the feature's rows. */
    record Someone(long contactId, List<Long> participantIds, List<String> identifiers) {
    }

    ErasureParticipant participant();

    Db db();

    Transactions tx();

    /** Stores the feature's rows about a new person (unique identifiers each call). */
    Someone someoneWithRows();

    private void erase(Someone s) {
        tx().run(() -> participant().erase(s.contactId(), s.participantIds()));
    }

    /** Where any identifier still occurs in the tables the participant claims. */
    private List<String> traces(Someone s) {
        List<String> hits = new ArrayList<>();
        for (String table : participant().tables()) {
            List<String> columns = DatabaseScan.columns(db(), table);
            db().query("SELECT * FROM \"" + table + "\"", rs -> {
                for (String column : columns) {
                    String value = String.valueOf(rs.getObject(column)).toLowerCase(Locale.ROOT);
                    s.identifiers().stream().filter(i -> value.contains(i.toLowerCase(Locale.ROOT)))
                            .forEach(i -> hits.add(table + "." + column + " holds " + i));
                }
                return null;
            });
        }
        return hits;
    }

    @Test
    default void claimsTablesThatExist() {
        assertThat(participant().tables()).isNotEmpty().allSatisfy(table ->
                assertThat(DatabaseScan.tables(db())).as(table).contains(table));
    }

    @Test
    default void theStoredRowsHoldThePersonBeforeErasure() {
        assertThat(traces(someoneWithRows())).isNotEmpty();
    }

    @Test
    default void afterErasureNoClaimedTableHoldsThePerson() {
        Someone s = someoneWithRows();
        erase(s);
        assertThat(traces(s)).isEmpty();
    }

    @Test
    default void erasingTwiceIsHarmless() {
        Someone s = someoneWithRows();
        erase(s);
        erase(s);
        assertThat(traces(s)).isEmpty();
    }

    @Test
    default void someoneElsesRowsAreKept() {
        Someone gone = someoneWithRows();
        Someone stays = someoneWithRows();
        erase(gone);
        assertThat(traces(stays)).isNotEmpty();
    }

    @Test
    default void aPersonItKnowsNothingAboutIsNoError() {
        Someone stays = someoneWithRows();
        int before = traces(stays).size();
        erase(new Someone(0, List.of(), List.of()));
        erase(new Someone(Long.MAX_VALUE - 1, List.of(Long.MAX_VALUE - 1), List.of()));
        assertThat(traces(stays)).hasSize(before);
    }
}
