package ru.eventbot.feedback;

import java.util.List;

/** One page of an event's visible comments; page numbers start at 0. */
public record CommentPage(List<Comment> comments, int page, int pages) {

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages;
    }
}
