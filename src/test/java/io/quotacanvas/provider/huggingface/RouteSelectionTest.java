package io.quotacanvas.provider.huggingface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.provider.huggingface.HuggingFaceProvider.Route;
import org.junit.jupiter.api.Test;

class RouteSelectionTest {
    private static final ProviderConfig SPACES = HfFixtures.router("https://router.example")
            .space("z-image-turbo", "https://tongyi-mai-z-image-turbo.hf.space", "/generate").build();
    private static final ProviderConfig ROUTER_FIRST = HfFixtures.router("https://router.example")
            .space("z-image-turbo", "https://tongyi-mai-z-image-turbo.hf.space", "/generate")
            .option("token_route", "router").build();

    private static Route route(ProviderConfig config, String model, boolean anonymous) {
        return HuggingFaceProvider.route(config, HfFixtures.call(model, config.models().get(model),
                anonymous ? HfFixtures.anonymous() : HfFixtures.token(), HfFixtures.NOW.plusSeconds(30)));
    }

    @Test
    void anonymousAlwaysUsesThePublicSpace() {
        assertEquals("/generate", assertInstanceOf(Route.Space.class, route(ROUTER_FIRST, "z-image-turbo", true))
                .space().apiName());
    }

    @Test
    void anonymousWithoutASpaceIsUnavailableAndSaysWhy() {
        var u = assertInstanceOf(Route.Unroutable.class, route(SPACES, "sdxl", true));

        assertEquals(new Outcome.ModelUnavailable(0, "no public Space configured for sdxl"), u.failure());
    }

    @Test
    void aTokenUsesTheSpaceByDefaultAndTheRouterWhenConfigured() {
        assertInstanceOf(Route.Space.class, route(SPACES, "z-image-turbo", false));
        assertInstanceOf(Route.Router.class, route(ROUTER_FIRST, "z-image-turbo", false));
    }

    @Test
    void aTokenOnAModelWithoutASpaceUsesTheRouter() {
        assertInstanceOf(Route.Router.class, route(SPACES, "sdxl", false));
    }
}
