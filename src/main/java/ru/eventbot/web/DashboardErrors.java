package ru.eventbot.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import ru.eventbot.broadcast.BroadcastNotFoundException;
import ru.eventbot.conversation.ParticipantNotFoundException;
import ru.eventbot.event.EventNotFoundException;
import ru.eventbot.feedback.CommentNotFoundException;
import ru.eventbot.material.MaterialNotFoundException;

/** Errors on the dashboard's pages as pages a person can act on; the API keeps its problem+json. */
@ControllerAdvice(annotations = DashboardPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardErrors {

    private static final Logger log = LoggerFactory.getLogger(DashboardErrors.class);

    @ExceptionHandler({EventNotFoundException.class, BroadcastNotFoundException.class,
            ParticipantNotFoundException.class, CommentNotFoundException.class, MaterialNotFoundException.class})
    ModelAndView notFound(RuntimeException e) {
        return page(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e) {
        log.info("Dashboard upload refused: {}", e.getMessage());
        return page(HttpStatus.CONTENT_TOO_LARGE, "File too large",
                "The file is larger than the server accepts. Telegram takes files up to 50 MB.");
    }

    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ModelAndView badParameter(Exception e) {
        return page(HttpStatus.BAD_REQUEST, "Bad request", "The address or form has a value this page cannot read.");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        log.error("Dashboard request failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "Something went wrong on our side; it is logged.");
    }

    private static ModelAndView page(HttpStatus status, String title, String detail) {
        var page = new ModelAndView("dashboard/problem");
        page.setStatus(status);
        page.addObject("title", title);
        page.addObject("detail", detail);
        return page;
    }
}
