package org.poseanalytics.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.poseanalytics.web.UserInputException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class PasswordsTest {
    @Test
    void tenCharactersToSeventyTwoBytes() {
        assertThatThrownBy(() -> Passwords.check("nine char", null)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("at least 10 characters");
        assertThatCode(() -> Passwords.check("ten chars!", null)).doesNotThrowAnyException();
        assertThatCode(() -> Passwords.check("x".repeat(72), null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Passwords.check("x".repeat(73), null)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("at most 72 bytes");
        // 36 letters of two bytes each fill bcrypt's 72 bytes exactly; 37 do not fit.
        assertThatCode(() -> Passwords.check("ü".repeat(36), null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Passwords.check("ü".repeat(37), null)).hasMessageContaining("72 bytes");
        // Ten accented letters are ten characters, though twenty bytes.
        assertThatCode(() -> Passwords.check("äöüßéèêñçå", null)).doesNotThrowAnyException();
    }

    @Test
    void everyPasswordThatPassesCanBeHashedInFull() {
        String longest = "ü".repeat(36);
        Passwords.check(longest, longest);
        assertThat(longest.getBytes(StandardCharsets.UTF_8)).hasSize(72);
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        assertThat(encoder.matches(longest, encoder.encode(longest))).isTrue();
    }

    @Test
    void commonPasswordsAndTheUserNameAreRefused() {
        for (String common : new String[] {"1234567890", "Password123", "qwertyuiop", "iloveyou123", "Welcome 2025", "correcthorsebatterystaple"}) {
            assertThatThrownBy(() -> Passwords.check(common, common)).as(common).isInstanceOf(UserInputException.class)
                    .hasMessageContaining("first ones anybody tries");
        }
        assertThatThrownBy(() -> Passwords.check("dr.miller.physio", null, "Dr.Miller.Physio")).hasMessageContaining("user name");
        assertThatCode(() -> Passwords.check("correct horse battery", null, "anna")).doesNotThrowAnyException();
        assertThat(Passwords.isCommon("QWERTYUIOP")).isTrue();
        assertThat(Passwords.isCommon("my knee bends 120 degrees")).isFalse();
    }

    @Test
    void repeatedMustMatch() {
        assertThatThrownBy(() -> Passwords.check("a good long password", "a good long passw0rd")).hasMessageContaining("differ");
    }
}
