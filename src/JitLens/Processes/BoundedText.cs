using System.Text;

namespace JitLens.Processes;

/// <summary>
/// What a child wrote to a stream, bounded: its start (a .NET crash names itself in the first line) and its end (a
/// Python traceback names the exception in the last), with what lies between left out, so that a child that writes
/// without end cannot fill this process's memory.
/// </summary>
public sealed class BoundedText
{
    private readonly Lock _gate = new();
    private readonly int _half;
    private readonly StringBuilder _head = new();
    private readonly Queue<string> _tail = new();
    private int _tailLength;
    private bool _cut;

    public BoundedText(int limit = 64 * 1024)
    {
        _half = limit / 2;
    }

    public void AppendLine(string line)
    {
        lock (_gate)
        {
            if (_head.Length + line.Length < _half && _tail.Count == 0)
            {
                _head.AppendLine(line);
                return;
            }

            _tail.Enqueue(line);
            _tailLength += line.Length;
            while (_tailLength > _half && _tail.Count > 1)
            {
                _tailLength -= _tail.Dequeue().Length;
                _cut = true;
            }
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            var text = new StringBuilder(_head.ToString());
            if (_cut)
            {
                text.AppendLine("[...]");
            }

            foreach (var line in _tail)
            {
                text.AppendLine(line);
            }

            return text.ToString();
        }
    }
}
