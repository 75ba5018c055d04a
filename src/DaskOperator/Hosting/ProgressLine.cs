namespace DaskOperator.Hosting;

/// <summary>
/// A status line that a terminal sees rewritten in place (carriage return), while a pipe or a log file gets one
/// line per change, so the same command reads well both ways.
/// </summary>
internal sealed class ProgressLine(TextWriter output)
{
    private readonly bool _inPlace = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
    private int _width;
    private bool _shown;

    public void Show(string text)
    {
        if (_inPlace)
        {
            output.Write("\r" + text.PadRight(_width));
            _width = text.Length;
        }
        else
        {
            output.WriteLine(text);
        }
        _shown = true;
    }

    public void End()
    {
        if (_inPlace && _shown)
        {
            output.WriteLine();
        }
    }
}
