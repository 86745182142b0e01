package org.engagebot.platform;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An owner of personal data hands over what it holds about one person for their my-data export (UK GDPR Art. 15),
 * as it erases it through its {@link ErasureParticipant}. Read-only; called outside any write transaction. Every
 * table with a contact_id, participant_id, email, phone or name column must be claimed by one owner's
 * {@link #tables()} (ErasureParticipantsIT fails otherwise): nothing reads another owner's tables or the schema.
 */
public interface DataExportParticipant {

    /**
     * The person's rows in this owner's tables, by table name, each row as column → value ({@link Rows#of}); a table
     * with none may be left out.
     */
    Map<String, List<Map<String, Object>>> export(DataSubject subject);

    /** The tables of its own this bean exports from. */
    Set<String> tables();
}
