package ru.eventbot.conversation;

import java.util.List;

/** One page of the organisers' inbox; page numbers start at 0. */
public record InboxPage(List<InboxThread> threads, int page, int pages) {

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages;
    }
}
