using System.Text.Json.Nodes;
using Kubernetes.TestServer.Kubelet;

namespace Kubernetes.TestServer.Tests;

/// <summary>How container commands become local programs, and the one edit made to Dask commands.</summary>
public sealed class CommandTests
{
    private static readonly KubeletOptions Options = new();

    [Theory]
    [InlineData("""["dask-scheduler","--host","0.0.0.0"]""", "/usr/bin/dask-scheduler --host 127.9.0.5 --dashboard-address 127.9.0.5:8787")]
    [InlineData("""["dask","worker","--name","w","--dashboard-address","8788"]""", "/usr/bin/dask worker --name w --dashboard-address 127.9.0.5:8788 --host 127.9.0.5")]
    [InlineData("""["tini","-g","--","dask-worker","tcp://s:8786"]""", "/usr/bin/dask-worker tcp://s:8786 --host 127.9.0.5")]
    [InlineData("""["dask","scheduler","--host=0.0.0.0","--dashboard-address=:9000"]""", "/usr/bin/dask scheduler --host=127.9.0.5 --dashboard-address=127.9.0.5:9000")]
    public void Should_run_dask_commands_with_debian_python_bound_to_the_pod_ip(string args, string expected)
    {
        // Given a Dask container as dask-kubernetes writes it (image entry point taking args)
        var container = new JsonObject { ["name"] = "c", ["args"] = JsonNode.Parse(args) };

        // When it is resolved for a pod at 127.9.0.5
        var (file, arguments) = ContainerCommand.Resolve(container, new Dictionary<string, string>(), "127.9.0.5", v => v, Options);

        // Then Debian's Python runs the entry point, listening on the pod's address
        Assert.Equal("/usr/bin/python3", file);
        Assert.Equal(expected, string.Join(' ', arguments));
    }

    [Fact]
    public void Should_expand_variables_and_keep_unknown_and_escaped_ones()
    {
        // Given a command with known, unknown and escaped references
        var variables = new Dictionary<string, string> { ["NAME"] = "w-1" };

        // When it is expanded
        var expanded = VariableExpansion.Expand("--name $(NAME) $(MISSING) $$(NAME) $5", variables);

        // Then only the known reference is replaced
        Assert.Equal("--name w-1 $(MISSING) $(NAME) $5", expanded);
    }

    [Fact]
    public void Should_refuse_a_container_without_a_command_because_images_are_not_run()
    {
        // Given a container that relies on its image's default command
        var container = new JsonObject { ["name"] = "c", ["image"] = "nginx" };

        // When it is resolved
        // Then it cannot start, with a sentence saying why
        var error = Assert.Throws<ContainerConfigException>(() => ContainerCommand.Resolve(container, new Dictionary<string, string>(), "127.9.0.5", v => v, Options));
        Assert.Contains("images are not run here", error.Message, StringComparison.Ordinal);
    }
}
