package ru.eventbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

/** What every API error must look like: the status, problem+json, and a detail a person can act on. */
final class ApiAssertions {

    private ApiAssertions() {
    }

    static void assertProblem(RunningBot.ApiResponse response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(detail);
    }
}
