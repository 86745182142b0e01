package org.engagebot.newsletters;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Reads the plain text of a message the service sent. */
final class NewsletterMail {
    private NewsletterMail() {
    }

    static String text(MimeMessage m) {
        try {
            return text((Part) m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Part p) throws Exception {
        Object content = p.getContent();
        if (content instanceof Multipart mp) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < mp.getCount(); i++) {
                out.append(text(mp.getBodyPart(i)));
            }
            return out.toString();
        }
        return content instanceof String s ? s : "";
    }
}
