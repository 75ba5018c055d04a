namespace DaskOperator.DaskProtocol;

/// <summary>The scheduler could not be reached or answered something we cannot use.</summary>
internal sealed class DaskProtocolException : Exception
{
    public DaskProtocolException(string message) : base(message) { }
    public DaskProtocolException(string message, Exception inner) : base(message, inner) { }
}
