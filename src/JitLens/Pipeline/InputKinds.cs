namespace JitLens.Pipeline;

/// <summary>Reads a request's input kind from its files' extensions: the one place that knows them.</summary>
internal static class InputKinds
{
    public static InputKind Of(IReadOnlyList<string> inputs)
    {
        if (inputs.Count == 0)
        {
            return InputKind.None;
        }

        if (inputs.All(i => Has(i, ".cs")))
        {
            return InputKind.CSharpSources;
        }

        if (inputs.All(i => Has(i, ".py")))
        {
            return InputKind.Python;
        }

        return inputs.Count == 1 && (Has(inputs[0], ".dll") || Has(inputs[0], ".exe")) ? InputKind.Assembly : InputKind.None;
    }

    private static bool Has(string path, string extension) => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase);
}
