namespace DaskOperator.DaskProtocol;

/// <summary>One worker as the scheduler sees it.</summary>
/// <param name="Address">Its comm address, e.g. <c>tcp://10.0.0.5:40123</c>.</param>
/// <param name="Name">The <c>--name</c> it registered with (our worker pods use the pod name).</param>
/// <param name="Host">The host part of the address (the pod IP).</param>
internal sealed record SchedulerWorker(string Address, string Name, string Host);
