package org.engagebot.staff.console;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import org.engagebot.conversation.OfficeName;

import java.util.Map;

/** Every console page names the office as configured (engagebot.office.name.*), as participants' texts do. */
@Singleton
class OfficeInViews implements ViewModelProcessor<Map<String, Object>> {
    private final OfficeName office;

    OfficeInViews(OfficeName office) {
        this.office = office;
    }

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Map<String, Object>> view) {
        view.getModel().ifPresent(model -> {
            try {
                model.putIfAbsent("t", ConsoleText.EN);
                model.putIfAbsent("lang", "en");
                boolean welsh = "cy".equals(model.get("lang"));
                model.putIfAbsent("consoleOffice", welsh ? office.name().cy() : office.name().en());
                String query = request.getUri().getRawQuery();
                model.putIfAbsent("here", request.getPath() + (query == null ? "" : "?" + query));
            } catch (UnsupportedOperationException immutable) {
                // a page built with an immutable model does not show the footer's name
            }
        });
    }
}
