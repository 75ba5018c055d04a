using System.Globalization;

namespace JitLens.Jupyter.Execution;

/// <summary>
/// Each cell is compiled from a file of its own (so PDBs, stack traces and the view point at real lines); users
/// see it as <c>In[3]</c>, the label Jupyter shows next to the cell.
/// </summary>
internal sealed class CellNames
{
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);
    private int _serial;

    public CellNames(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
    }

    public string Directory { get; }

    /// <summary>Writes the cell's source to a new file and returns its path.</summary>
    public string Add(string source, int executionCount)
    {
        var serial = Interlocked.Increment(ref _serial);
        var path = Path.Combine(Directory, $"cell{serial.ToString(CultureInfo.InvariantCulture)}.csx");
        File.WriteAllText(path, source);
        lock (_labels)
        {
            _labels[path] = executionCount > 0 ? $"In[{executionCount.ToString(CultureInfo.InvariantCulture)}]" : $"cell{serial.ToString(CultureInfo.InvariantCulture)}";
        }

        return path;
    }

    public string LabelOf(string path)
    {
        lock (_labels)
        {
            return _labels.TryGetValue(path, out var label) ? label : Path.GetFileName(path);
        }
    }

    /// <summary>Replaces every cell path in <paramref name="text"/> by its label.</summary>
    public string Relabel(string text)
    {
        lock (_labels)
        {
            foreach (var (path, label) in _labels)
            {
                text = text.Replace(path, label, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
