package org.engagebot.channel.console;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.engagebot.conversation.Choice;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The terminal the chat runs in: where replies are printed and which choices are on screen. */
@Singleton
@Requires(property = "engagebot.chat", value = "true")
public class ConsoleScreen {
    private volatile PrintStream out = System.out;
    private final List<Choice> shown = new CopyOnWriteArrayList<>();

    void use(PrintStream stream) {
        this.out = stream;
    }

    synchronized void show(String text, List<Choice> choices) {
        out.println();
        out.println(text);
        for (int i = 0; i < choices.size(); i++) {
            out.println("  " + (i + 1) + ") " + choices.get(i).label());
        }
        out.flush();
        shown.clear();
        shown.addAll(choices);
    }

    /** The value of the numbered choice on screen, if the line is such a number. */
    String choiceFor(String line) {
        String t = line.strip();
        if (t.matches("\\d{1,2}")) {
            int n = Integer.parseInt(t);
            if (n >= 1 && n <= shown.size()) {
                return shown.get(n - 1).value();
            }
        }
        return null;
    }

    PrintStream out() {
        return out;
    }
}
