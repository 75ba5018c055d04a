using JitLens.Pipeline;
using Xunit;

namespace JitLens.Tests.Numba;

/// <summary>Bad input gives one clear sentence with the file and line, never a crash or a hang.</summary>
public sealed class NumbaErrorTests
{
    [Fact]
    public async Task Should_report_a_syntax_error_with_file_line_and_column()
    {
        // Given a file with `return x +* 2` on line 6
        var file = NumbaFixtures.PathOf("syntax_error.py");

        // When JitLens inspects it
        var error = await Assert.ThrowsAsync<InspectionException>(() => NumbaFixtures.InspectAsync("syntax_error.py"));

        // Then the message names file:line:col and says it is a syntax error
        Assert.StartsWith($"{file}:6:", error.Message, StringComparison.Ordinal);
        Assert.Contains("syntax error: invalid syntax", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_show_the_functions_a_file_compiled_before_it_raised_and_note_the_exception_at_its_line()
    {
        // Given a file that compiles half() and then divides by zero on line 9
        var file = NumbaFixtures.PathOf("import_error.py");

        // When JitLens inspects it
        var result = await NumbaFixtures.InspectAsync("import_error.py");

        // Then half() is shown, and one note names the line and the exception
        Assert.Equal("half(float64)", Assert.Single(result.Methods).Name);
        Assert.Contains($"{file}:9: running the file raised ZeroDivisionError: float division by zero", result.Notes);
    }

    [Fact]
    public async Task Should_show_the_function_that_compiles_beside_one_that_fails_with_a_note_at_the_failing_line()
    {
        // Given scale() that compiles and mix() that Numba cannot type at `label = x + "units"`, called in that order
        var file = NumbaFixtures.PathOf("partly_typed.py");
        var failing = NumbaFixtures.LineOf("partly_typed.py", "label = x + \"units\"");

        // When JitLens inspects it
        var result = await NumbaFixtures.InspectAsync("partly_typed.py");

        // Then scale() has its views, and the notes say where mix() failed and that it has no compiled signature
        var scale = Assert.Single(result.Methods);
        Assert.Equal("scale(float64)", scale.Name);
        Assert.NotEmpty(scale.Views["asm"].Instructions);
        Assert.Contains(result.Notes, n => n.StartsWith($"{file}:{failing}: running the file raised TypingError:", StringComparison.Ordinal) && !n.Contains('\n', StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.StartsWith("mix has no compiled signature", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_report_a_Numba_typing_error_at_the_line_Numba_could_not_type()
    {
        // Given `label = x + "units"` on line 6, typed when the file calls mix(1)
        var file = NumbaFixtures.PathOf("typing_error.py");

        // When JitLens inspects it
        var error = await Assert.ThrowsAsync<InspectionException>(() => NumbaFixtures.InspectAsync("typing_error.py"));

        // Then the message points at line 6 and keeps Numba's telling line, not its generic header
        Assert.StartsWith($"{file}:6: running the file raised TypingError: No implementation of function", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_stop_a_file_that_runs_forever_within_the_time_limit()
    {
        // Given a file that loops forever at top level
        // When JitLens inspects it with a 5 s limit
        var error = await Assert.ThrowsAsync<InspectionException>(() => NumbaFixtures.InspectAsync("endless.py", timeout: TimeSpan.FromSeconds(5)));

        // Then it stops the child and says so
        Assert.Contains("did not finish within 5 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_say_when_the_chosen_python_cannot_be_started()
    {
        // Given --python naming an interpreter that does not exist
        // When JitLens inspects a file with it
        var error = await Assert.ThrowsAsync<InspectionException>(() => NumbaFixtures.InspectAsync("loop.py", python: "/nonexistent/python3"));

        // Then the message names it and the option to fix it
        Assert.Equal("The Python interpreter '/nonexistent/python3' could not be started; choose one with --python.", error.Message);
    }

    [Fact]
    public async Task Should_refuse_a_signature_for_a_function_the_file_does_not_define()
    {
        // Given --signature for a function name that is not in the file
        // When JitLens inspects the file
        var error = await Assert.ThrowsAsync<InspectionException>(() => NumbaFixtures.InspectAsync("branch.py", ["nope:float64(float64)"]));

        // Then the message names the option and the missing function
        Assert.EndsWith("--signature 'nope:float64(float64)': the file has no Numba function named 'nope'", error.Message, StringComparison.Ordinal);
    }
}
