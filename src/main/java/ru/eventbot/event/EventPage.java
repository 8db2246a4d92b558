package ru.eventbot.event;

import java.util.List;

/** One page of {@code /events}: page numbers start at 0. */
public record EventPage(List<Event> events, int page, int pages) {

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages;
    }
}
