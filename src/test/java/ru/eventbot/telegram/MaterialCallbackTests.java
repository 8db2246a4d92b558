package ru.eventbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaterialCallbackTests {

    @Test
    void readsOnlyWellFormedMaterialPresses() {
        assertThat(MaterialCallback.parse(MaterialCallback.data(42))).contains(new MaterialCallback(42));
        assertThat(MaterialCallback.parse("mat:")).isEmpty();
        assertThat(MaterialCallback.parse("mat:-1")).isEmpty();
        assertThat(MaterialCallback.parse("mat:1234567890123456789")).isEmpty();
        assertThat(MaterialCallback.parse("mat:1 OR 1=1")).isEmpty();
        assertThat(MaterialCallback.parse(null)).isEmpty();
    }
}
