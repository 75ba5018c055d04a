using DaskOperator.Tests.Chart;
using DaskOperator.Tests.Support;

namespace DaskOperator.Tests.Image;

/// <summary>
/// scripts/build-image.sh as a user runs it, with the container engine it finds controlled by PATH: a missing or
/// stopped engine gets one sentence, and a working one is asked for exactly the image charts/dask-operator installs.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BuildImageScriptTests : IDisposable
{
    private readonly string _bin = Directory.CreateTempSubdirectory("fake-engine-").FullName;

    public BuildImageScriptTests()
    {
        // Only the ordinary tools the script uses, so that no real docker or podman on this machine is seen.
        foreach (var tool in new[] { "bash", "sed", "head", "dirname", "xargs", "basename", "paste", "cat" })
        {
            var real = new[] { "/usr/bin", "/bin" }.Select(d => Path.Combine(d, tool)).First(File.Exists);
            File.CreateSymbolicLink(Path.Combine(_bin, tool), real);
        }
    }

    [Fact]
    public async Task Given_no_docker_or_podman_When_the_image_is_built_Then_one_sentence_says_so_and_the_exit_code_is_1()
    {
        // Given a PATH without docker or podman, When build-image.sh runs
        var (code, output) = await RunAsync();

        // Then it fails saying why, in one sentence
        Assert.Equal(1, code);
        Assert.Equal("build-image.sh: neither docker nor podman is installed, so the image ghcr.io/parallel-tools/dask-operator:0.1.0 cannot be built here; install one of them (the executable alone: bash scripts/publish-operator.sh DIR).",
            output.Trim());
    }

    [Fact]
    public async Task Given_a_docker_command_whose_engine_is_not_running_When_the_image_is_built_Then_it_says_the_engine_does_not_answer()
    {
        // Given a docker CLI whose `docker info` fails, as on these machines
        FakeEngine("docker", "exit 1");

        // When build-image.sh runs
        var (code, output) = await RunAsync();

        // Then it names the installed command and the missing engine
        Assert.Equal(1, code);
        Assert.Contains("docker is installed but no container engine answers ('docker info' fails)", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Given_a_working_podman_When_the_image_is_built_Then_it_builds_the_Dockerfile_as_the_image_the_operator_chart_installs()
    {
        Skip.If(RenderedChart.Helm is null, RenderedChart.HelmMissing);

        // Given a podman that answers and records what it is asked to build
        var log = Path.Combine(_bin, "podman.log");
        FakeEngine("podman", $"""[ "$1" = info ] && exit 0; echo "$@" > '{log}'""");

        // When build-image.sh runs
        var (code, output) = await RunAsync();

        // Then podman built the repository's Dockerfile, tagged as charts/dask-operator's default image
        Assert.True(code == 0, output);
        var chart = await RenderedChart.TemplateAsync("dask-operator", "ops");
        var image = (string)chart.Find("Deployment", "ops-dask-operator")["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!;
        Assert.Equal($"build -t {image} -f Dockerfile .", (await File.ReadAllTextAsync(log)).Trim());
        Assert.Equal(image, output.Trim());
    }

    private void FakeEngine(string name, string body)
    {
        var path = Path.Combine(_bin, name);
        File.WriteAllText(path, $"#!/bin/bash\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private async Task<(int Code, string Output)> RunAsync()
    {
        using var script = LocalProcess.Start(Path.Combine(_bin, "bash"), [Repository.Path("scripts", "build-image.sh")],
            new Dictionary<string, string> { ["PATH"] = _bin });
        var code = await script.WaitAsync(TimeSpan.FromMinutes(1));
        return (code, script.Output);
    }

    public void Dispose() => Directory.Delete(_bin, recursive: true);
}
