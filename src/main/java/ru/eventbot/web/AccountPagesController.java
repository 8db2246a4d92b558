package ru.eventbot.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.eventbot.account.AccountService;
import ru.eventbot.account.InvalidAccountException;
import ru.eventbot.account.Role;

/** Organiser accounts, for administrators only (the security chain keeps /dashboard/admin/** to ADMIN). */
@DashboardPage
@RequestMapping("/dashboard/admin/accounts")
class AccountPagesController {

    private final AccountService accounts;

    AccountPagesController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("roles", Role.values());
        return "dashboard/accounts";
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "ORGANISER") String role, RedirectAttributes redirect) {
        try {
            var chosen = "ADMIN".equals(role) ? Role.ADMIN : Role.ORGANISER;
            accounts.create(username, password, chosen);
            redirect.addFlashAttribute("notice", "Account " + username.strip() + " created.");
        } catch (InvalidAccountException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("username", username);
        }
        return "redirect:/dashboard/admin/accounts";
    }
}
