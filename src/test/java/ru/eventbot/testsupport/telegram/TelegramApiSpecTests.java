package ru.eventbot.testsupport.telegram;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramApiSpecTests {

    private final TelegramApiSpec spec = TelegramApiSpec.shared();

    @Test
    void findsMethodsRegardlessOfCase() {
        assertThat(spec.method("sendmessage")).hasValueSatisfying(method ->
                assertThat(method.name()).isEqualTo("sendMessage"));
        assertThat(spec.method("sendMesage")).isEmpty();
        assertThat(spec.version()).isEqualTo("Bot API 10.1");
    }

    @Test
    void knowsHowAbstractTypesNameTheirSubtypes() {
        assertThat(spec.type("BotCommandScope").orElseThrow().discriminatorField()).isEqualTo("type");
        assertThat(spec.type("BotCommandScope").orElseThrow().subtypesByDiscriminator().get("chat"))
                .containsExactly("BotCommandScopeChat");
        assertThat(spec.type("ChatMember").orElseThrow().subtypesByDiscriminator().get("kicked"))
                .containsExactly("ChatMemberBanned");
        assertThat(spec.type("InputMedia").orElseThrow().subtypesByDiscriminator().keySet())
                .contains("photo", "document", "video");
        assertThat(spec.type("MaybeInaccessibleMessage").orElseThrow().discriminatorField()).isNull();
        assertThat(spec.type("ReactionTypeEmoji").orElseThrow().constantValue()).isEqualTo("emoji");
    }

    @Test
    void listsTheAllowedReactionEmoji() {
        assertThat(spec.reactionEmoji()).contains("👍", "🔥", "❤").doesNotContain("🦆");
        assertThat(List.copyOf(spec.reactionEmoji())).hasSizeGreaterThan(50);
    }
}
