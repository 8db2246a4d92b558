package ru.eventbot.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The dashboard in the browser: a sign-in form and a session (the API keeps HTTP Basic, stateless), CSRF tokens on
 * every form, sign-out, wrong passwords slowed down ({@link SignInThrottle}), account administration for ADMIN only,
 * and headers that keep pages from running foreign or inline scripts, being framed, or sniffed.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain dashboardSecurityFilterChain(HttpSecurity http, SignInThrottle throttle) throws Exception {
        http
                .securityMatcher("/", "/dashboard", "/dashboard/**", "/login", "/logout", "/webjars/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/webjars/**", "/dashboard/assets/**").permitAll()
                        .requestMatchers("/dashboard/admin/**").hasRole("ADMIN")
                        .anyRequest().hasRole("ORGANISER"))
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(new ThrottledSuccess(throttle))
                        .failureHandler(new ThrottledFailure(throttle))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .addFilterBefore(new ThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frames -> frames.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions
                                .policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }

    /** Refuses a sign-in unchecked while its name or address has to wait, and says for how long. */
    private static final class ThrottleFilter extends OncePerRequestFilter {

        private final SignInThrottle throttle;

        ThrottleFilter(SignInThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var wait = throttle.waitBeforeTrying(request.getParameter("username"), request.getRemoteAddr());
            if (wait.isZero()) {
                chain.doFilter(request, response);
                return;
            }
            var seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            response.sendRedirect(request.getContextPath() + "/login?wait=" + seconds);
        }
    }

    private static final class ThrottledFailure extends SimpleUrlAuthenticationFailureHandler {

        private final SignInThrottle throttle;

        ThrottledFailure(SignInThrottle throttle) {
            super("/login?error");
            this.throttle = throttle;
        }

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                            org.springframework.security.core.AuthenticationException exception)
                throws IOException, ServletException {
            throttle.failed(request.getParameter("username"), request.getRemoteAddr());
            super.onAuthenticationFailure(request, response, exception);
        }
    }

    private static final class ThrottledSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

        private final SignInThrottle throttle;

        ThrottledSuccess(SignInThrottle throttle) {
            setDefaultTargetUrl("/dashboard");
            this.throttle = throttle;
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            org.springframework.security.core.Authentication authentication)
                throws IOException, ServletException {
            throttle.succeeded(authentication.getName());
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }
}
