package ru.eventbot.sandbox;

/**
 * A person played on the sandbox's chat page: a Telegram user with a private chat whose id is theirs.
 *
 * @param started whether they ever wrote to the bot: before that the bot cannot write to them (Telegram's rule)
 */
record SimulatedUser(long id, String firstName, String lastName, String username, String languageCode,
                     boolean organiser, boolean started) {

    SimulatedUser withLanguage(String language) {
        return new SimulatedUser(id, firstName, lastName, username, language, organiser, started);
    }

    SimulatedUser asStarted() {
        return started ? this : new SimulatedUser(id, firstName, lastName, username, languageCode, organiser, true);
    }

    String displayName() {
        return lastName == null || lastName.isBlank() ? firstName : firstName + " " + lastName;
    }
}
