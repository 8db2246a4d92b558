package ru.eventbot.material;

import java.util.List;

/** What the bot does with a participant's request for a material. */
public sealed interface MaterialAnswer {

    /** Not a request for a material at all: the text is someone's message to the organisers. */
    record NotARequest() implements MaterialAnswer {
    }

    /** A request, but it names nothing to search for ("пришлите презентацию"). */
    record Unclear() implements MaterialAnswer {
    }

    /** One clear best hit: send it. */
    record Found(Material material) implements MaterialAnswer {
    }

    /** Several close hits, or all materials of an event: offer them as buttons. */
    record Choices(List<Material> materials, boolean allOfEvent) implements MaterialAnswer {
    }

    /** Nothing yet: the request waits and is fulfilled when a material that answers it is published. */
    record Waiting(MaterialRequest request) implements MaterialAnswer {
    }
}
