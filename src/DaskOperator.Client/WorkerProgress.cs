namespace DaskOperator.Client;

/// <summary>Where a wait for workers stands.</summary>
/// <param name="Registered">Workers the scheduler has.</param>
/// <param name="Wanted">Workers waited for.</param>
/// <param name="PodsRunning">Worker pods of the cluster that run.</param>
/// <param name="PodsWaiting">Worker pods not running yet (pending, crashed, waiting to restart).</param>
/// <param name="SchedulerAnswered">Whether the scheduler could be asked; false counts its workers as 0.</param>
public sealed record WorkerProgress(int Registered, int Wanted, int PodsRunning, int PodsWaiting, bool SchedulerAnswered);
