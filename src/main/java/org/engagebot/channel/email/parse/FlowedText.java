package org.engagebot.channel.email.parse;

/**
 * Undoes RFC 3676 format=flowed (Thunderbird, Apple Mail, many webmails): a line ending in a space continues on the
 * next line of the same quote depth, and a leading space was added only for transport ("space-stuffing"). Without
 * this a stored answer keeps the sender's client's line wrapping mid-sentence.
 */
final class FlowedText {

    private FlowedText() {
    }

    static String decode(String text, boolean delSp) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        int openDepth = -1;
        for (String raw : lines) {
            int depth = 0;
            while (depth < raw.length() && raw.charAt(depth) == '>') {
                depth++;
            }
            String content = raw.substring(depth);
            if (content.startsWith(" ")) {
                content = content.substring(1);
            }
            boolean signature = content.equals("-- ");
            boolean flowed = !signature && content.endsWith(" ");
            if (openDepth == depth) {
                out.append(content);
            } else {
                if (openDepth >= 0) {
                    out.append('\n');
                }
                if (out.length() > 0 && openDepth < 0) {
                    out.append('\n');
                }
                out.append(depth > 0 ? ">".repeat(depth) + " " : "").append(content);
            }
            if (flowed) {
                if (delSp) {
                    out.setLength(out.length() - 1);
                }
                openDepth = depth;
            } else {
                openDepth = -1;
            }
        }
        return out.toString();
    }
}
