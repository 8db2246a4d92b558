package ru.eventbot.telegram;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import ru.eventbot.participant.Language;

/** Registers the command menu: Russian for everyone by default, English for {@code language_code=en}. */
@Component
class BotCommandsRegistrar {

    private static final Logger log = LoggerFactory.getLogger(BotCommandsRegistrar.class);
    static final List<String> COMMANDS = List.of("start", "events", "materials", "help", "stop");

    private final TelegramGateway gateway;
    private final MessageSource messages;

    BotCommandsRegistrar(TelegramGateway gateway, MessageSource messages) {
        this.gateway = gateway;
        this.messages = messages;
    }

    void register() {
        register(Language.RU, null);
        register(Language.EN, "en");
    }

    private void register(Language language, String languageCode) {
        var commands = COMMANDS.stream()
                .map(command -> new BotCommand(command,
                        messages.getMessage("command." + command + ".description", null, language.locale())))
                .toList();
        var result = gateway.call(SetMyCommands.builder()
                .commands(commands)
                .scope(new BotCommandScopeDefault())
                .languageCode(languageCode)
                .build());
        if (!result.isDone()) {
            log.warn("Could not register the {} command menu: {}", language, result.error());
        }
    }
}
