package org.engagebot.consultations;

import java.util.Map;
import java.util.LinkedHashMap;
import org.engagebot.platform.Rows;
import org.engagebot.platform.DataSubject;
import org.engagebot.platform.DataExportParticipant;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import jakarta.inject.Singleton;
import org.engagebot.contacts.ContactService;
import org.engagebot.platform.Db;
import org.engagebot.platform.ErasureParticipant;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Erasure of a respondent (UK GDPR Art. 17). Their responses stay for the counts as anonymous text: links to the
 * person (contact, participant, invitee, inbox message, Message-ID) and their name, email, chat and address are
 * removed, the respondent key becomes one random key (so their versions still count as one respondent), and
 * their email, name or phone inside the text or answers is replaced by "[removed]". Their invitations lose the
 * address and get an unusable token. Runs in the erasure's transaction.
 */
@Singleton
class ConsultationErasure implements ErasureParticipant, DataExportParticipant {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String REMOVED = "[removed]";

    private final Db db;
    private final ContactService contacts;

    ConsultationErasure(Db db, ContactService contacts) {
        this.db = db;
        this.contacts = contacts;
    }

    private record Address(String channel, String address) {
    }

    @Override
    public void erase(DataSubject subject) {
        long contactId = subject.registered() ? subject.contactId() : 0L;
        List<Long> participantIds = subject.participantIds();
        List<Address> addresses = subject.addresses().stream().map(a -> new Address(a.channel(), a.address())).toList();
        List<String> identifiers = identifiers(contactId, addresses);
        String key = "erased:" + random();
        for (long id : responses(contactId, participantIds, addresses)) {
            db.one("SELECT text, answers FROM consultation_response WHERE id = ?",
                    rs -> new String[]{rs.getString(1), rs.getString(2)}, id).ifPresent(row ->
                    db.update("UPDATE consultation_response SET respondent_key = ?, invitee_id = NULL, contact_id = NULL, "
                                    + "participant_id = NULL, address = 'erased', respondent_name = NULL, respondent_email = NULL, "
                                    + "respondent_telegram = NULL, inbox_id = NULL, message_id = NULL, text = ?, answers = ? "
                                    + "WHERE id = ?", key, redact(row[0], identifiers), redact(row[1], identifiers), id));
        }
        for (Address a : addresses) {
            db.query("SELECT id FROM consultation_invitee WHERE channel = ? AND lower(address) = lower(?)",
                    rs -> rs.getLong(1), a.channel(), a.address()).forEach(this::eraseInvitee);
        }
        if (contactId != 0) {
            db.query("SELECT id FROM consultation_invitee WHERE contact_id = ?", rs -> rs.getLong(1), contactId)
                    .forEach(this::eraseInvitee);
        }
    }

    /** Their responses (by contact or participant) and the consultations they were invited to. */
    @Override
    public Map<String, List<Map<String, Object>>> export(DataSubject subject) {
        long contactId = subject.registered() ? subject.contactId() : 0L;
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        Rows.put(out, "consultation_response", db.query("SELECT * FROM consultation_response WHERE contact_id = ? "
                + "OR participant_id IN (" + Rows.ids(subject.participantIds()) + ") ORDER BY id", Rows::of, contactId));
        Rows.put(out, "consultation_invitee", db.query("SELECT * FROM consultation_invitee WHERE contact_id = ? "
                + "ORDER BY id", Rows::of, contactId));
        return out;
    }

    @Override
    public Set<String> tables() {
        return Set.of("consultation_response", "consultation_invitee");
    }

    private void eraseInvitee(long id) {
        String marker = "erased:" + random();
        db.update("UPDATE consultation_invitee SET contact_id = NULL, address = ?, language = NULL, reply_token = ? "
                + "WHERE id = ?", marker, marker, id);
    }

    private List<String> identifiers(long contactId, List<Address> addresses) {
        List<String> ids = new ArrayList<>();
        addresses.stream().filter(a -> a.channel().equals("email")).forEach(a -> ids.add(a.address()));
        if (contactId != 0) {
            contacts.byId(contactId).ifPresent(c -> {
                for (String v : new String[]{c.name(), c.phone()}) {
                    if (v != null && v.strip().length() >= 5) {
                        ids.add(v.strip());
                    }
                }
            });
        }
        return ids;
    }

    private List<Long> responses(long contactId, List<Long> participantIds, List<Address> addresses) {
        List<Long> ids = new ArrayList<>();
        for (long p : participantIds) {
            ids.addAll(db.query("SELECT id FROM consultation_response WHERE participant_id = ?", rs -> rs.getLong(1), p));
        }
        if (contactId != 0) {
            ids.addAll(db.query("SELECT id FROM consultation_response WHERE contact_id = ?", rs -> rs.getLong(1), contactId));
        }
        for (Address a : addresses) {
            ids.addAll(db.query("SELECT id FROM consultation_response WHERE (channel = ? AND lower(address) = lower(?)) "
                    + "OR lower(respondent_email) = lower(?)", rs -> rs.getLong(1), a.channel(), a.address(), a.address()));
        }
        return ids.stream().distinct().toList();
    }

    /**
     * Replaces each identifier (email, name, stored phone) wherever it appears, in any case; a stored phone (E.164) is
     * also found however it was written ("07911 123456", "+44 (0)7911 123-456") with libphonenumber.
     */
    static String redact(String text, List<String> identifiers) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String id : identifiers) {
            out = Pattern.compile(Pattern.quote(id), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(out)
                    .replaceAll(REMOVED);
        }
        List<String> phones = identifiers.stream().map(id -> id.replaceFirst(";ext=[0-9]+$", ""))
                .filter(id -> id.matches("\\+[0-9]{6,15}")).toList();
        return phones.isEmpty() ? out : redactPhones(out, phones);
    }

    private static String redactPhones(String text, List<String> phones) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (PhoneNumberMatch m : util.findNumbers(text, "GB")) {
            if (phones.contains(util.format(m.number(), PhoneNumberUtil.PhoneNumberFormat.E164))) {
                out.append(text, last, m.start()).append(REMOVED);
                last = m.end();
            }
        }
        return out.append(text, last, text.length()).toString();
    }

    private static String random() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toLowerCase(Locale.ROOT);
    }
}
