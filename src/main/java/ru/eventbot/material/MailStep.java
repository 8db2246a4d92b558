package ru.eventbot.material;

/** Where the conversation about sending materials by e-mail stands after a participant's press or message. */
public sealed interface MailStep {

    /** The material goes to the confirmed address (shown masked: t***@example.org). */
    record Sending(String maskedAddress, String title) implements MailStep {
    }

    /** No confirmed address yet: ask for one. */
    record AskAddress() implements MailStep {
    }

    /** What they sent is not an e-mail address. */
    record InvalidAddress() implements MailStep {
    }

    /** A code went to the address: ask for it. */
    record CodeSent(String maskedAddress) implements MailStep {
    }

    /** Wrong code; {@code triesLeft} more. */
    record WrongCode(int triesLeft) implements MailStep {
    }

    /** Too many wrong codes, or the code is too old: the address must be given again. */
    record CodeRejected() implements MailStep {
    }

    /** They changed their mind. */
    record Cancelled() implements MailStep {
    }

    /** The material they wanted by e-mail is gone. */
    record MaterialGone() implements MailStep {
    }
}
