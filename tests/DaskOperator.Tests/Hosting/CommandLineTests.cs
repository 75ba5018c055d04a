using DaskOperator.Hosting;

namespace DaskOperator.Tests.Hosting;

public class CommandLineTests
{
    [Theory]
    [InlineData(new[] { "frobnicate" }, "Unknown command 'frobnicate'.")]
    [InlineData(new[] { "run", "--namespace", "a", "--all-namespaces" }, "--namespace and --all-namespaces exclude each other.")]
    [InlineData(new[] { "run", "--health-port", "http" }, "'http' is not a number from 0 to 65535.")]
    [InlineData(new[] { "run", "--kubeconfig", "/nonexistent/kubeconfig", "--no-leader-election" }, "Cannot load the Kubernetes configuration")]
    public async Task Should_answer_bad_usage_with_one_sentence_and_exit_code_1(string[] args, string expected)
    {
        // Given a wrong command line
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        // When the operator runs it
        var code = await CommandLine.RunAsync(args, stdout, stderr);

        // Then it exits with 1 and says what is wrong without a stack trace
        Assert.Equal(1, code);
        Assert.Contains(expected, stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_watch_all_namespaces_only_when_asked()
    {
        // When the options are parsed, Then --all-namespaces means no namespace filter and --namespace picks one
        Assert.Null(OperatorOptions.Parse(["--all-namespaces"]).Namespace);
        Assert.Equal("team-a", OperatorOptions.Parse(["--namespace", "team-a"]).Namespace);
        Assert.False(OperatorOptions.Parse(["--no-leader-election"]).LeaderElection);
    }
}
