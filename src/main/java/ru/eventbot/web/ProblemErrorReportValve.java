package ru.eventbot.web;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Errors Tomcat answers itself, before any servlet runs (a path whose percent-escapes are not UTF-8, say), as
 * problem+json rather than Tomcat's HTML page: found by fuzzing the API.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        var status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.resetBuffer();
            var reason = StringManager.getManager("org.apache.catalina.valves").getString("http." + status + ".reason");
            ProblemResponses.write(response.getResponse(), status, reason == null || reason.startsWith("http.")
                    ? "Error" : reason, "The request could not be read.", null);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not write the error of a request Tomcat refused", e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** A URL Spring Security's firewall refuses (encoded line breaks, say): 400 as problem+json too. */
        @Bean
        org.springframework.security.web.firewall.RequestRejectedHandler problemRequestRejectedHandler() {
            return (request, response, rejected) -> {
                log.info("Request refused by the firewall: {}", rejected.getMessage());
                ProblemResponses.write(response, 400, "Bad Request", "The request URL is not acceptable.", null);
            };
        }

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }
}
