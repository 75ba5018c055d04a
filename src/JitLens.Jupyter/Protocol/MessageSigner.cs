using System.Security.Cryptography;
using System.Text;

namespace JitLens.Jupyter.Protocol;

/// <summary>HMAC-SHA256 over header, parent header, metadata and content, as hex: the Jupyter wire signature.</summary>
public sealed class MessageSigner
{
    private readonly byte[] _key;

    public MessageSigner(string key)
    {
        _key = Encoding.UTF8.GetBytes(key);
    }

    /// <summary>An empty key turns signing off (Jupyter's convention); every message then carries an empty signature.</summary>
    public bool Enabled => _key.Length > 0;

    public string Sign(IReadOnlyList<byte[]> parts)
    {
        if (!Enabled)
        {
            return string.Empty;
        }

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        foreach (var part in parts)
        {
            hmac.AppendData(part);
        }

        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>Compares in constant time, so a forger learns nothing from how long a rejection takes.</summary>
    public bool Verify(string signature, IReadOnlyList<byte[]> parts)
    {
        if (!Enabled)
        {
            return true;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(parts));
        var actual = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
