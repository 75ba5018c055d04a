using System.Text;

namespace JitLens.Jupyter.Execution;

/// <summary>
/// Stands in for Console.Out / Console.Error while the kernel lives: what user code prints is buffered and sent
/// to the running cell as stream output, every 100 ms and when the cell ends, so long cells show progress.
/// </summary>
internal sealed class CellConsole : TextWriter
{
    private readonly string _name;
    private readonly StringBuilder _buffer = new();

    // Held across taking and sending a chunk, so the timer and the end of a cell never send chunks out of order.
    private readonly Lock _flush = new();
    private readonly Timer _timer;
    private ICellOutput? _target;

    public CellConsole(string name)
    {
        _name = name;
        _timer = new Timer(_ => Flush(), null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
    }

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>The cell whose output this is; null between cells (text then waits for the next cell).</summary>
    public ICellOutput? Target
    {
        get { lock (_buffer) { return _target; } }
        set { Flush(); lock (_buffer) { _target = value; } }
    }

    public override void Write(char value)
    {
        lock (_buffer)
        {
            _buffer.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_buffer)
        {
            _buffer.Append(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_buffer)
        {
            _buffer.Append(buffer, index, count);
        }
    }

    public override void Flush()
    {
        lock (_flush)
        {
            string text;
            ICellOutput? target;
            lock (_buffer)
            {
                target = _target;
                if (target is null || _buffer.Length == 0)
                {
                    return;
                }

                text = _buffer.ToString();
                _buffer.Clear();
            }

            target.Stream(_name, text);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _timer.Dispose();
        }

        base.Dispose(disposing);
    }
}
