package org.engagebot.events.meetings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** GET /calendar/{username}.ics?key=SIGNATURE: a staff member's feed for calendar apps; a wrong key gets 404. */
@Controller("/calendar")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class CalendarFeedController {
    private final CalendarFeed feed;

    CalendarFeedController(CalendarFeed feed) {
        this.feed = feed;
    }

    @Get("/{file}")
    HttpResponse<String> feed(String file, @Nullable @QueryValue String key) {
        if (!file.endsWith(".ics") || !feed.valid(file.substring(0, file.length() - 4), key)) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(feed.calendar(file.substring(0, file.length() - 4)))
                .contentType("text/calendar; charset=utf-8").header("Cache-Control", "private, max-age=900");
    }
}
