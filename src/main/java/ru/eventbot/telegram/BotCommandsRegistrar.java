package ru.eventbot.telegram;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import ru.eventbot.participant.Organisers;
import ru.eventbot.participant.Language;

/** Registers the command menu: Russian for everyone by default, English for {@code language_code=en}. */
@Component
class BotCommandsRegistrar {

    private static final Logger log = LoggerFactory.getLogger(BotCommandsRegistrar.class);
    static final List<String> COMMANDS = List.of("start", "events", "materials", "feedback", "help", "stop",
            "mydata", "forget");

    static final List<String> ORGANISER_COMMANDS = List.of("announce", "stats");

    private final TelegramGateway gateway;
    private final MessageSource messages;
    private final Organisers organisers;

    BotCommandsRegistrar(TelegramGateway gateway, MessageSource messages, Organisers organisers) {
        this.gateway = gateway;
        this.messages = messages;
        this.organisers = organisers;
    }

    void register() {
        register(Language.RU, null, COMMANDS, new BotCommandScopeDefault());
        register(Language.EN, "en", COMMANDS, new BotCommandScopeDefault());
        // organisers see their own commands too, in their private chat with the bot
        var theirs = new java.util.ArrayList<>(COMMANDS);
        theirs.addAll(ORGANISER_COMMANDS);
        for (var organiser : organisers.ids()) {
            register(Language.RU, null, theirs, new BotCommandScopeChat(String.valueOf(organiser)));
        }
    }

    private void register(Language language, String languageCode, List<String> names, BotCommandScope scope) {
        var commands = names.stream()
                .map(command -> new BotCommand(command,
                        messages.getMessage("command." + command + ".description", null, language.locale())))
                .toList();
        var result = gateway.call(SetMyCommands.builder()
                .commands(commands)
                .scope(scope)
                .languageCode(languageCode)
                .build());
        if (!result.isDone()) {
            log.warn("Could not register the {} command menu for {}: {}", language, scope.getType(), result.error());
        }
    }
}
