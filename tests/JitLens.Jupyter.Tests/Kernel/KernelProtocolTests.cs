namespace JitLens.Jupyter.Tests.Kernel;

/// <summary>The Jupyter messaging protocol 5.3 as Debian's jupyter_client speaks it.</summary>
public sealed class KernelProtocolTests : IClassFixture<ProtocolReport>
{
    private readonly ProtocolReport _protocol;

    public KernelProtocolTests(ProtocolReport protocol)
    {
        _protocol = protocol;
    }

    [SkippableFact]
    public void Kernel_info_reports_protocol_5_3_and_the_csharp_language()
    {
        // Given a kernel_info_request / When answered
        var info = _protocol.Part("kernel_info");

        // Then it speaks 5.3 and describes C#
        Assert.Equal("5.3", (string?)info["protocol_version"]);
        Assert.Equal("csharp", (string?)info["language_info"]!["name"]);
        Assert.Equal(".cs", (string?)info["language_info"]!["file_extension"]);
    }

    [SkippableFact]
    public void Completion_offers_members_of_types_defined_in_earlier_cells_and_of_the_framework()
    {
        // Given a cell that defined Greeter, then "greeter.He" and "Console.WriteL" at the cursor
        var member = _protocol.Part("complete_member");
        var framework = _protocol.Part("complete_static");

        // Then the matches are Hello, and WriteLine, replacing just the typed prefix
        Assert.Contains("Hello", member["matches"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(8, (int)member["cursor_start"]!);
        Assert.Contains("WriteLine", framework["matches"]!.AsArray().Select(m => (string?)m));
    }

    [SkippableFact]
    public void Inspection_describes_the_symbol_under_the_cursor_with_its_documentation()
    {
        // Given the cursor on greeter.Hello / When inspected
        var inspect = _protocol.Part("inspect");

        // Then the method's signature and summary come back
        Assert.True((bool)inspect["found"]!);
        var text = (string?)inspect["data"]!["text/plain"];
        Assert.Contains("Greeter.Hello(string)", text, StringComparison.Ordinal);
        Assert.Contains("Says hello.", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Is_complete_tells_an_open_block_from_a_finished_statement()
    {
        // Given an unclosed if-block and a finished declaration
        var open = _protocol.Part("is_complete_open");
        var done = _protocol.Part("is_complete_done");

        // Then the first asks for more lines and the second can run
        Assert.Equal("incomplete", (string?)open["status"]);
        Assert.Equal("complete", (string?)done["status"]);
    }

    [SkippableFact]
    public void The_heartbeat_answers()
    {
        // Given the client's heartbeat channel / Then the kernel echoes it
        Assert.True((bool)_protocol.Part("heartbeat"));
    }

    [SkippableFact]
    public void An_interrupt_gives_up_a_looping_cell_and_the_kernel_keeps_its_state()
    {
        // Given a cell stuck in `while (true) { }` / When interrupted
        var interrupted = _protocol.Part("interrupted");
        var after = _protocol.Part("after_interrupt");

        // Then that cell ends with an error and earlier definitions still work
        Assert.Equal("error", (string?)interrupted["status"]);
        Assert.Equal("Interrupted", (string?)interrupted["ename"]);
        Assert.Equal("hi again", (string?)after["results"]![0]);
    }

    [SkippableFact]
    public void A_restart_starts_a_fresh_session()
    {
        // Given a restart / Then earlier definitions are gone and new cells run
        var stale = _protocol.Part("after_restart");
        var fresh = _protocol.Part("after_restart_fresh");
        Assert.Equal("error", (string?)stale["status"]);
        Assert.Contains("CS0103", (string?)stale["errors"]![0], StringComparison.Ordinal);
        Assert.Equal("2", (string?)fresh["results"]![0]);
    }

    [SkippableFact]
    public void A_shutdown_request_is_answered_and_the_kernel_process_exits()
    {
        // Given a shutdown_request on the control channel / Then the reply comes and the process ends
        var reply = _protocol.Part("shutdown_reply");
        Assert.Equal("shutdown_reply", (string?)reply["type"]);
        Assert.Equal("ok", (string?)reply["status"]);
        Assert.True((bool)_protocol.Part("exited"));
    }
}
