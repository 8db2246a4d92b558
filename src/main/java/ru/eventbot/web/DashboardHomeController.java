package ru.eventbot.web;

import org.springframework.web.bind.annotation.GetMapping;

/** The way in: the sign-in page, and the dashboard's front door (its events). */
@DashboardPage
class DashboardHomeController {

    @GetMapping({"/", "/dashboard"})
    String home() {
        return "redirect:/dashboard/events";
    }

    @GetMapping("/login")
    String signIn() {
        return "dashboard/login";
    }
}
