package ru.eventbot.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import ru.eventbot.broadcast.BroadcastFinishedException;
import ru.eventbot.broadcast.BroadcastNotFoundException;
import ru.eventbot.broadcast.InvalidBroadcastException;
import ru.eventbot.conversation.ParticipantNotFoundException;
import ru.eventbot.event.EventNotFoundException;
import ru.eventbot.event.InvalidEventException;
import ru.eventbot.conversation.ParticipantUnreachableException;
import ru.eventbot.material.InvalidMaterialException;
import ru.eventbot.material.MaterialNotFoundException;
import ru.eventbot.material.MaterialTooLargeException;
import ru.eventbot.material.UnacceptableFileTypeException;

/** Every API error as problem+json (RFC 9457); Spring MVC's own errors come from the base class. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ParticipantNotFoundException.class)
    ProblemDetail participantNotFound(ParticipantNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Participant not found", e.getMessage());
    }

    @ExceptionHandler(ParticipantUnreachableException.class)
    ProblemDetail participantUnreachable(ParticipantUnreachableException e) {
        return problem(HttpStatus.CONFLICT, "Participant cannot be reached", e.getMessage());
    }

    @ExceptionHandler({EventNotFoundException.class, BroadcastNotFoundException.class,
            ru.eventbot.feedback.CommentNotFoundException.class, MaterialNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler({InvalidEventException.class, InvalidBroadcastException.class, InvalidMaterialException.class})
    ProblemDetail invalid(RuntimeException e) {
        log.info("API request refused: {}", e.getMessage());
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(MaterialTooLargeException.class)
    ProblemDetail tooLarge(MaterialTooLargeException e) {
        log.info("Material refused: {}", e.getMessage());
        return problem(HttpStatus.CONTENT_TOO_LARGE, "File too large", e.getMessage());
    }

    @ExceptionHandler(UnacceptableFileTypeException.class)
    ProblemDetail unacceptableType(UnacceptableFileTypeException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not a document", e.getMessage());
    }

    @ExceptionHandler(BroadcastFinishedException.class)
    ProblemDetail finished(BroadcastFinishedException e) {
        return problem(HttpStatus.CONFLICT, "Broadcast finished", e.getMessage());
    }

    @ExceptionHandler(org.springframework.orm.ObjectOptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "Changed meanwhile",
                "Someone else changed this at the same moment; reload it and try again.");
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ProblemDetail forbidden(org.springframework.security.access.AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "This account may not do that.");
    }

    /** A multipart body that cannot be parsed, or form parameters that are not in the declared encoding. */
    @ExceptionHandler({org.springframework.web.multipart.MultipartException.class,
            org.apache.tomcat.util.http.InvalidParameterException.class,
            org.springframework.security.web.firewall.RequestRejectedException.class})
    ProblemDetail unreadableBody(RuntimeException e) {
        log.info("API request with an unreadable body: {}", e.getMessage());
        return problem(HttpStatus.BAD_REQUEST, "Unreadable body", "The body could not be read as declared.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("API request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side; it is logged.");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
