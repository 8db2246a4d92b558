package ru.eventbot.material;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.eventbot.participant.ParticipantForgotten;

/**
 * A forgotten participant's e-mail address and e-mails are deleted, and so are the requests still waiting for them
 * (nobody is left to deliver to), and so is a material draft they were publishing from Telegram; fulfilled requests
 * stay in the figures under an anonymous id.
 */
@Component
class MaterialErasure {

    private final JdbcTemplate jdbc;

    MaterialErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ParticipantForgotten forgotten) {
        var user = forgotten.telegramUserId();
        jdbc.update("delete from material_mail_address where telegram_user_id = ?", user);
        jdbc.update("delete from material_mail where telegram_user_id = ?", user);
        jdbc.update("delete from material_request where telegram_user_id = ? and status = 'WAITING'", user);
        jdbc.update("delete from material_draft where telegram_user_id = ?", user);
        jdbc.update("update material_request set telegram_user_id = ?, chat_id = ? where telegram_user_id = ?",
                forgotten.anonymousId(), forgotten.anonymousId(), user);
    }
}
