using DaskOperator.DaskProtocol;

namespace DaskOperator.Tests.DaskProtocol;

public class DaskFramesTests
{
    [Fact]
    public void Should_encode_an_identity_request_byte_for_byte_as_a_python_client_does()
    {
        // Given the 44 bytes a Python Dask client sends for {"op": "identity", "reply": True}
        var expected = Convert.FromHexString(
            "2400000000000000" + "0100000000000000" + "1400000000000000" +
            "82A26F70A86964656E74697479A57265706C79C3");

        // When we frame the same message
        var frame = DaskMessages.Pack(new Dictionary<string, object?> { ["op"] = "identity", ["reply"] = true });
        var bytes = DaskFrames.Encode([frame]);

        // Then the bytes are identical
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(bytes));
    }

    [Fact]
    public async Task Should_read_back_every_frame_of_a_multi_frame_message()
    {
        // Given a message with a header frame and two payload frames
        var frames = new List<byte[]> { DaskMessages.Pack(new Dictionary<string, object?> { ["x"] = 1 }), new byte[] { 1, 2, 3 }, Array.Empty<byte>() };
        using var stream = new MemoryStream(DaskFrames.Encode(frames));

        // When it is read
        var read = await DaskFrames.ReadAsync(stream, CancellationToken.None);

        // Then all three frames come back unchanged
        Assert.Equal(frames.Select(Convert.ToHexString), read.Select(Convert.ToHexString));
    }

    [Fact]
    public async Task Should_refuse_a_header_that_announces_an_absurd_length()
    {
        // Given a stream that starts with an 8-byte length far beyond any scheduler reply
        using var stream = new MemoryStream([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]);

        // When it is read, Then it is reported as not being Dask framing
        await Assert.ThrowsAsync<DaskProtocolException>(() => DaskFrames.ReadAsync(stream, CancellationToken.None));
    }

    [Fact]
    public void Should_unwrap_dask_sets_into_lists()
    {
        // Given a msgpack map as Dask encodes a Python set
        var packed = DaskMessages.Pack(new Dictionary<string, object?>
        {
            ["s"] = new Dictionary<string, object?> { ["__Set__"] = true, ["as-list"] = new object[] { "a", "b" } },
        });

        // When it is unpacked
        var map = (IReadOnlyDictionary<object, object?>)DaskMessages.Unpack(packed)!;

        // Then the set reads as its elements
        Assert.Equal(new object[] { "a", "b" }, (object?[])map["s"]!);
    }
}
