package ru.eventbot.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests that cannot be read, refused as problem+json before they reach a controller (both were 500s, found by
 * fuzzing the API): a Content-Type that is not one concrete media type ({@code *}{@code /*}, {@code text/*},
 * garbage) gets 415, as Spring's request wrappers assert on it; a PUT, PATCH or DELETE form body that cannot be
 * decoded, which Spring's form filter fails on before any controller advice, gets 400.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableRequestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank() && !concrete(contentType)) {
            ProblemResponses.write(response, 415, "Unsupported Media Type",
                    "The Content-Type header is not one concrete media type.", request.getRequestURI());
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (HttpMessageNotReadableException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            ProblemResponses.write(response, 400, "Unreadable body", "The body could not be read as declared.",
                    request.getRequestURI());
        }
    }

    private static boolean concrete(String contentType) {
        try {
            var type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
