package ru.eventbot.account;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

@Component
class AdminAccountInitializer implements ApplicationRunner {

    private final AccountService accounts;
    private final AccountProperties properties;

    AdminAccountInitializer(AccountService accounts, AccountProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.ensureAdmin(properties.adminUsername(), properties.adminPassword());
    }
}
