package org.engagebot.channel.contract;

import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.engagebot.testing.web.WebFormClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The channel contract for the web's question pages, over plain HTTP as a browser without script uses them. A person
 * starts a flow by its address (/forms/register?lang=en: English chosen by the link, not asked) and answers the page;
 * there is no command line, so the command cases do not apply. What the person sees is each page's text.
 */
class WebContractIT extends ChannelContract {
    private final List<String> pages = new ArrayList<>();
    private WebFormClient browser;
    private WebFormClient.Page page;

    @Override
    String channel() {
        return "web";
    }

    /** The session key the page's cookie stands for, as the inbox stores it. */
    @Override
    String address() {
        List<String> keys = service.bean(Db.class).query("SELECT DISTINCT address FROM inbox WHERE channel = 'web'",
                rs -> rs.getString(1));
        return keys.size() == 1 ? keys.get(0) : "(" + keys.size() + " web sessions)";
    }

    @Override
    TestService startService() {
        TestService started = TestService.start(Map.of("engagebot.web.min-page-time", "0s"));
        browser = new WebFormClient(started.url("/"));
        return started;
    }

    @Override
    void chooseEnglish() {
    }

    @Override
    boolean takesCommands() {
        return false;
    }

    @Override
    String registerRequest() {
        return "/register";
    }

    /** "/flow" opens that flow's first page in English; anything else answers the page shown. */
    @Override
    void send(String text) {
        page = text.startsWith("/") ? browser.get("/forms/" + text.substring(1) + "?lang=en") : browser.answer(page, text);
        pages.add(page.doc().text());
    }

    @Override
    List<String> replies(int count) {
        return replies();
    }

    @Override
    List<String> replies() {
        return List.copyOf(pages);
    }

    @Override
    String notRegisteredAnswer() {
        throw new UnsupportedOperationException("no command line on the web");
    }
}
