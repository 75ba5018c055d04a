namespace JitLens.Numba;

/// <summary>The capture script (python/jitlens/capture.py), shipped inside this assembly so the tool needs no extra files.</summary>
internal static class CaptureScript
{
    private const string ResourceName = "JitLens.Numba.capture.py";

    /// <summary>Writes the script into <paramref name="directory"/> and returns its path.</summary>
    public static string WriteTo(string directory)
    {
        using var stream = typeof(CaptureScript).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the JitLens assembly.");
        var path = Path.Combine(directory, "capture.py");
        using var file = File.Create(path);
        stream.CopyTo(file);
        return path;
    }
}
