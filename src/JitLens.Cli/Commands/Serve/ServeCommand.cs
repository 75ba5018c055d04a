using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace JitLens.Cli.Commands.Serve;

/// <summary>
/// <c>jitlens serve</c>: a resident jitlens for the IPython <c>%%jitlens</c> magic, which starts it once per kernel so
/// that .NET's start-up and JIT are paid once, not per cell. Each line on stdin is a JSON array of the arguments of one
/// jitlens command (e.g. <c>["inspect", "cell1.py", "--numba-report", "cell1.json"]</c>); each answer is one line on
/// stdout, <c>{"exitCode": N, "stdout": "...", "stderr": "..."}</c>, exactly what that command would have printed.
/// End of input ends the server.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Answer jitlens commands given as JSON argument arrays, one per line on stdin (for the %%jitlens magic).");
        command.SetAction((_, cancellationToken) => RunAsync(cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var (input, output, error) = (Console.In, Console.Out, Console.Error);
        // Answers go to stdout's stream in one write each: Console.Out flushes every 256 characters, which made a cell's
        // HTML view some 700 writes, each waking the magic's reader.
        await using var answers = Console.OpenStandardOutput();
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            var (stdout, stderr) = (new StringWriter(), new StringWriter());
            int exitCode;
            if (Arguments(line) is not { } arguments)
            {
                await stderr.WriteLineAsync("jitlens serve: a request is one JSON array of strings on one line.").ConfigureAwait(false);
                exitCode = 1;
            }
            else if (arguments is ["serve", ..])
            {
                await stderr.WriteLineAsync("jitlens serve: a server cannot be asked to start another.").ConfigureAwait(false);
                exitCode = 1;
            }
            else
            {
                // Commands write to Console: each one gets its own writers for the time it runs (one at a time).
                Console.SetOut(stdout);
                Console.SetError(stderr);
                try
                {
                    exitCode = await Program.BuildRoot().Parse(arguments).InvokeAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    Console.SetOut(output);
                    Console.SetError(error);
                }
            }

            await answers.WriteAsync(Answer(exitCode, stdout.ToString(), stderr.ToString()), cancellationToken).ConfigureAwait(false);
            await answers.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    private static string[]? Arguments(string line)
    {
        try
        {
            using var request = JsonDocument.Parse(line);
            return request.RootElement.ValueKind == JsonValueKind.Array && request.RootElement.EnumerateArray().All(a => a.ValueKind == JsonValueKind.String)
                ? [.. request.RootElement.EnumerateArray().Select(a => a.GetString()!)]
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The answer line, UTF-8, ending in a newline.</summary>
    private static byte[] Answer(int exitCode, string stdout, string stderr)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping: the answer is read by a JSON parser, never placed in HTML, and HTML views are large.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("exitCode", exitCode);
            json.WriteString("stdout", stdout);
            json.WriteString("stderr", stderr);
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
