package org.engagebot.contacts.identity;

import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Text;

import java.util.List;

/**
 * What a purpose does once a participant has proven control of an address (e.g. "register" applies the registration
 * that waited for it). One bean per purpose, named by {@link #purpose()}, as {@link AddressProofs#start} was called.
 * Called inside the transaction that closes the proof, whether by code or by link; problems the participant can
 * cause are returned as messages, not thrown.
 */
public interface ProvenAddressAction {

    String purpose();

    /**
     * @param method how control was shown: {@link AddressProofs#CODE} or {@link AddressProofs#LINK}
     * @return what to tell the participant, in their conversation
     */
    List<Text> proven(Participant participant, String address, String method);

    /** Whether the participant still waits for this address; a new code is sent only then. */
    default boolean awaits(Participant participant, String address) {
        return true;
    }
}
