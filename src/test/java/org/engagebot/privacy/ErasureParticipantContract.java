package org.engagebot.privacy;

import org.engagebot.platform.DataExportParticipant;
import org.engagebot.platform.DataSubject;
import org.engagebot.platform.Db;
import org.engagebot.platform.ErasureParticipant;
import org.engagebot.platform.Transactions;
import org.engagebot.testing.DatabaseScan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        DataSubject subject = subject(s);
        participant().eraseInChunks(subject);
        tx().run(() -> participant().erase(subject));
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

    /** The person as privacy hands them to an owner: contact, participants, and the addresses those stand for. */
    private DataSubject subject(Someone s) {
        List<DataSubject.Address> addresses = new ArrayList<>();
        for (long id : s.participantIds()) {
            db().one("SELECT channel, address FROM participant WHERE id = ?",
                    rs -> new DataSubject.Address(rs.getString(1), rs.getString(2)), id).ifPresent(addresses::add);
        }
        db().one("SELECT email FROM contact WHERE id = ? AND email IS NOT NULL", rs -> rs.getString(1), s.contactId())
                .ifPresent(e -> addresses.add(new DataSubject.Address("email", e)));
        return new DataSubject(s.contactId() == 0 ? null : s.contactId(), s.participantIds(), addresses);
    }

    /** Which identifiers of the person an export shows. */
    private static List<String> shown(Map<String, List<Map<String, Object>>> export, Someone s) {
        String text = export.toString().toLowerCase(Locale.ROOT);
        return s.identifiers().stream().filter(i -> text.contains(i.toLowerCase(Locale.ROOT))).toList();
    }

    /** An owner that also hands over its rows for the my-data export shows the person until they are erased. */
    @Test
    default void itsExportShowsThePersonUntilErased() {
        assumeTrue(participant() instanceof DataExportParticipant, "exports nothing");
        DataExportParticipant owner = (DataExportParticipant) participant();
        Someone s = someoneWithRows();
        Map<String, List<Map<String, Object>>> before = owner.export(subject(s));
        assertThat(owner.tables()).containsAll(before.keySet());
        assertThat(shown(before, s)).isNotEmpty();
        erase(s);
        assertThat(shown(owner.export(subject(s)), s)).isEmpty();
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
