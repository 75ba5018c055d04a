using System.Text.Json;

namespace DaskOperator.Tests.Support;

/// <summary>samples/dask-cluster/gpu_tasks.py, the README's check that GPU-annotated tasks land on the GPU group.</summary>
public sealed record SampleGpuTasks(List<string> GpuTasksRanOn, List<string> OtherTasksRanOn, int Total)
{
    public static async Task<SampleGpuTasks> RunAsync(string schedulerAddress)
    {
        var output = await PythonDask.RunFileAsync(Repository.Path("samples", "dask-cluster", "gpu_tasks.py"), schedulerAddress);
        var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
        List<string> Names(string property) => json.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToList();
        return new SampleGpuTasks(Names("gpu_tasks_ran_on"), Names("other_tasks_ran_on"), json.GetProperty("total").GetInt32());
    }
}
