package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.persist.ModelFileException;
import dev.lamina.spec.SpecException;
import dev.lamina.table.DataException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Exit codes mean what the README says: 1 only for Lamina's own bugs, 2 spec and command line, 3 data files. */
class ErrorReporterTest {
  @Test
  void specAndCommandLineErrorsAreTwo() {
    assertThat(ErrorReporter.codeOf(new SpecException("fit.epochs", "bad"))).isEqualTo(ExitCode.USAGE);
    assertThat(ErrorReporter.codeOf(new CommandLine.ParameterException(new CommandLine(new Main()), "bad")))
        .isEqualTo(ExitCode.USAGE);
  }

  @Test
  void dataAndModelFileErrorsAreThree() {
    assertThat(ErrorReporter.codeOf(new DataException("f.csv", "bad"))).isEqualTo(ExitCode.DATA);
    assertThat(ErrorReporter.codeOf(new ModelFileException("bad"))).isEqualTo(ExitCode.DATA);
  }

  @Test
  void anEngineIllegalArgumentIsABugWithTheDebugHintNotADataError() {
    StringWriter err = new StringWriter();
    int code = new ErrorReporter(false).report(new IllegalArgumentException("Index 32 out of bounds"),
        new PrintWriter(err, true));
    assertThat(code).isEqualTo(ExitCode.SOFTWARE);
    assertThat(err.toString()).isEqualTo("error: unexpected error: Index 32 out of bounds (run again with --debug for "
        + "details)" + System.lineSeparator());
  }

  @Test
  void withDebugTheStackTraceFollows() {
    StringWriter err = new StringWriter();
    new ErrorReporter(true).report(new IllegalStateException("boom"), new PrintWriter(err, true));
    assertThat(err.toString()).startsWith("error: unexpected error: boom" + System.lineSeparator())
        .contains("\tat dev.lamina.cli.ErrorReporterTest");
  }
}
