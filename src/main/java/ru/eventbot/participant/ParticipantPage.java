package ru.eventbot.participant;

import java.util.List;

/** One page of participants for organisers; page numbers start at 0. */
public record ParticipantPage(List<Participant> participants, int page, int pages, long total) {

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages;
    }
}
