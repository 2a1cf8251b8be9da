package io.github.sshfaults.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Peer-sent text is shown visibly and unambiguously, never raw. */
class TextTest {

  @Test
  void showsEscAsBackslashEAndOtherC0ControlsAndDelInHex() {
    assertThat(Text.escape("SSH-2.0-\u001b[2J\u0007ALL TESTS PASSED\u0000\u007f"))
        .isEqualTo("SSH-2.0-\\e[2J\\x07ALL TESTS PASSED\\x00\\x7f");
    assertThat(Text.escape("a\tb\r\nc")).isEqualTo("a\\tb\\r\\nc");
  }

  @Test
  void showsC1ControlsSeparatorsAndDirectionOverridesAsUnicodeEscapes() {
    assertThat(Text.escape("\u009b2J \u0085 \u2028 \u202e \u2066 \u200b \ufeff"))
        .isEqualTo("\\u009b2J \\u0085 \\u2028 \\u202e \\u2066 \\u200b \\ufeff");
  }

  @Test
  void showsWhatInvalidUtf8DecodedToAndUnpairedSurrogates() {
    assertThat(Text.escape("a\ufffdb\ud800c\udc00")).isEqualTo("a\\ufffdb\\ud800c\\udc00");
    assertThat(Text.escape("caf\u00e9 \ud83d\ude00")).isEqualTo("caf\u00e9 \ud83d\ude00");
  }

  @Test
  void keepsABackslashTheClientSentDistinctFromAnEscape() {
    assertThat(Text.escape("\\e")).isEqualTo("\\\\e").isNotEqualTo(Text.escape("\u001b"));
    assertThat(Text.escape("say \"hi\"")).isEqualTo("say \\\"hi\\\"");
  }

  @Test
  void putsTextOnOneLineWithControlCharactersVisible() {
    assertThat(Text.oneLine("  first\r\n  second\u001b[2J\u0007 \"q\" \\  ", 100))
        .isEqualTo("first second\\e[2J\\x07 \"q\" \\");
    assertThat(Text.oneLine("abcdef", 5)).isEqualTo("ab...");
  }
}
