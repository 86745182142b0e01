package org.engagebot.events;

import org.engagebot.conversation.Option;
import org.engagebot.conversation.Text;

import java.util.List;

/**
 * The RSVP choice as the engine reads it: yes / no / maybe with the ways people say them in English and Welsh
 * (Welsh answers with the question's verb: "dof", "byddaf", "na ddof", "ni fyddaf yn gallu dod"). The chat
 * flow, the web form and email replies all match answers against these options.
 */
final class RsvpWords {
    static final List<String> YES = List.of("yes", "y", "yeah", "yep", "ok", "okay", "sure", "definitely", "attending",
            "i'll come", "i will come", "i'll be there", "i will be there", "i can come", "i can make it", "count me in",
            "i'm coming", "i am coming", "we'll come", "we will come", "we'll be there", "we will be there", "yes please",
            "dof", "mi ddof", "mi ddof i", "byddaf", "byddaf yno", "mi fydda i yno", "mi fyddaf yno", "gallaf",
            "gallaf ddod", "mi alla i ddod", "ie", "ydw", "down", "byddwn", "byddwn yno", "iawn", "see you there",
            "looking forward to it", "wouldn't miss it", "will attend", "i will attend", "we will attend", "edrych ymlaen",
            "wela i chi yno", "welwn ni chi yno", "mi fyddwn ni yno", "byddwn ni yno", "dof yn bendant", "yn bendant", "wrth gwrs", "of course", "siwr", "siŵr");
    static final List<String> NO = List.of("no", "n", "nope", "no thanks", "no thank you", "sorry", "i can't come",
            "i cannot come", "i can't make it", "i cannot make it", "i won't come", "i will not come", "i won't be there",
            "i will not be there", "can't come", "cannot come", "i can no longer come", "can no longer come",
            "not attending", "we can't come", "we cannot come", "unable to attend", "i am unable to attend",
            "na", "na ddof", "ni ddof", "ddof i ddim", "na fyddaf", "ni fyddaf", "ni fyddaf yno", "ni allaf ddod",
            "ni alla i ddod", "alla i ddim dod", "ni fyddaf yn gallu dod", "fyddaf i ddim yn gallu dod",
            "fydda i ddim yn gallu dod", "ni allaf ddod bellach", "nac ydw", "dim", "na allaf", "ni allwn ddod",
            "unfortunately not", "not this time", "afraid not", "i'm afraid not", "can't make it", "cannot make it",
            "won't be able to come", "don't think i can come", "don't think i can make it", "don't think we can come", "will not be able to come", "won't be able to make it", "not able to come",
            "yn anffodus na", "yn anffodus ni allaf", "dim y tro hwn", "ddim y tro hwn", "alla i ddim", "fedra i ddim dod",
            "fedrai ddim dod", "dw i ddim yn gallu dod", "dwi ddim yn gallu dod", "ddim yn gallu dod", "methu dod", "dwi'n methu dod", "rwy'n methu dod");
    static final List<String> MAYBE = List.of("maybe", "perhaps", "possibly", "not sure", "i'm not sure", "unsure",
            "i might come", "might come", "i may come", "efallai", "hwyrach", "falle", "o bosib", "o bosibl",
            "ddim yn siŵr", "ddim yn siwr", "dwi ddim yn siŵr", "dwi ddim yn siwr", "hopefully", "i hope so",
            "i'll try", "i will try", "i'll try to come", "probably", "gobeithio", "gobeithio dod", "mi dria i", "tebyg");

    private RsvpWords() {
    }

    static List<Option> options(EventTexts texts) {
        return List.of(new Option("yes", texts.get("events.rsvp.yes"), YES),
                new Option("no", texts.get("events.rsvp.no"), NO),
                new Option("maybe", texts.get("events.rsvp.maybe"), MAYBE));
    }

    static Text label(EventTexts texts, Rsvp.Answer answer) {
        return texts.get("events.rsvp." + answer.value());
    }
}
