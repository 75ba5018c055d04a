using System.Text.Json;

namespace JitLens.Host;

/// <summary>
/// One JSON object per line on the original stdout. User code's own console output is silenced
/// (see <see cref="Program"/>), so nothing it prints can corrupt the protocol.
/// </summary>
internal sealed class HostChannel
{
    private readonly Stream _stdout;

    public HostChannel(Stream stdout)
    {
        _stdout = stdout;
    }

    public void Send(string kind, params (string Key, object? Value)[] fields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("kind", kind);
            foreach (var (key, value) in fields)
            {
                switch (value)
                {
                    case null:
                        json.WriteNull(key);
                        break;
                    case string s:
                        json.WriteString(key, s);
                        break;
                    case long l:
                        json.WriteNumber(key, l);
                        break;
                    case int i:
                        json.WriteNumber(key, i);
                        break;
                    case bool b:
                        json.WriteBoolean(key, b);
                        break;
                    default:
                        json.WriteString(key, value.ToString());
                        break;
                }
            }

            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        _stdout.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
        _stdout.Flush();
    }
}
