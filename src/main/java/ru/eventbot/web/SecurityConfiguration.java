package ru.eventbot.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import ru.eventbot.telegram.TelegramProperties;

/**
 * The API and the Prometheus metrics take HTTP Basic with an organiser account; health (its status only, details
 * for organisers), the OpenAPI document and the Telegram webhook (which checks its own secret header) are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint,
                                            TelegramProperties telegram) throws Exception {
        var webhookPath = telegram.webhookMode() ? telegram.webhookPath() : "/__no-webhook__";
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers(webhookPath).permitAll()
                        .requestMatchers("/error").permitAll()
                        // signed, expiring links e-mailed to participants (MaterialFileController)
                        .requestMatchers("/files/materials/**").permitAll()
                        .requestMatchers("/api/**").hasRole("ORGANISER")
                        // metrics for Prometheus: scraped with an organiser account (basic_auth in prometheus.yml)
                        .requestMatchers("/actuator/prometheus").hasRole("ORGANISER")
                        .requestMatchers("/actuator/backup").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint).realmName(ProblemAuthenticationEntryPoint.REALM))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(entryPoint))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/actuator/**", webhookPath))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
