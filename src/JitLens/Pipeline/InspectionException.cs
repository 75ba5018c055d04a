namespace JitLens.Pipeline;

/// <summary>
/// A problem with the user's input or code, told in sentences (e.g. "Sample.cs:3:5: error CS1002: ; expected").
/// Front ends print <see cref="Exception.Message"/> alone, without a stack trace, and exit with code 1.
/// </summary>
public sealed class InspectionException : Exception
{
    public InspectionException(string message)
        : base(message)
    {
    }

    public InspectionException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public InspectionException()
    {
    }

    /// <summary>Individual diagnostics, each formatted <c>file:line:col: message</c>.</summary>
    public IReadOnlyList<string> Diagnostics { get; init; } = [];
}
