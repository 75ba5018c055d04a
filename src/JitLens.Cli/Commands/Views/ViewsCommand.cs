using System.CommandLine;
using System.Text.Json;
using JitLens.Views;

namespace JitLens.Cli.Commands.Views;

/// <summary>
/// <c>jitlens views [--format json|text]</c>: the view catalog, for people and for front ends that keep no list of
/// their own (IPython's <c>%%jitlens</c> builds its flags from the JSON).
/// </summary>
internal static class ViewsCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text, json.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("views", "List the views jitlens can show, in the order it shows them.");
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            Console.Out.Write(parse.GetValue(format) == "json" ? Json() : Text());
            return 0;
        });
        return command;
    }

    internal static string Text()
    {
        var width = ViewCatalog.All.Max(v => v.Name.Length);
        var lines = ViewCatalog.All.Select(v => $"{v.Name.PadRight(width)}  {v.Help}{(v.ShownByDefault ? string.Empty : " (only when asked for)")}");
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    internal static string Json()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("views");
            foreach (var view in ViewCatalog.All)
            {
                json.WriteStartObject();
                json.WriteString("name", view.Name);
                json.WriteString("flag", view.Flag);
                json.WriteString("help", view.Help);
                WriteNames(json, "unitKinds", view.UnitKinds.Select(k => k.ToString()));
                WriteNames(json, "frontEnds", view.FrontEnds.Select(f => f.ToString()));
                json.WriteBoolean("feedsCfg", view.FeedsCfg);
                json.WriteBoolean("shownByDefault", view.ShownByDefault);
                WriteNames(json, "madeFrom", view.MadeFrom);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    private static void WriteNames(Utf8JsonWriter json, string property, IEnumerable<string> names)
    {
        json.WriteStartArray(property);
        foreach (var name in names)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
    }
}
