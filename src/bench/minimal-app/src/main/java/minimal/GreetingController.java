package minimal;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.util.List;

@Controller("/greetings")
public class GreetingController {
    private final GreetingRepository greetings;

    public GreetingController(GreetingRepository greetings) {
        this.greetings = greetings;
    }

    @Get
    public List<Greeting> all() {
        return greetings.findAll();
    }
}
