package com.example.fleet.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** This project is compiled as most users' projects are: its parameters have no names. */
class CompiledLikeUsersBuildTest {

  @Test
  void keepsNoParameterNames(TestInfo info) {
    Parameter parameter = info.getTestMethod().orElseThrow().getParameters()[0];

    assertThat(parameter.isNamePresent()).as("compiled with -parameters").isFalse();
    assertThat(parameter.getName()).isEqualTo("arg0");
  }
}
