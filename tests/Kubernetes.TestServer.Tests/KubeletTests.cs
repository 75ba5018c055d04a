namespace Kubernetes.TestServer.Tests;

/// <summary>The in-server kubelet: environment, restart policies, crashes, graceful deletion, logs.</summary>
public sealed class KubeletTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [SkippableFact]
    public async Task Should_expand_variables_and_field_references_in_the_container_environment()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given a pod whose command prints variables built from field references and $(VAR) expansion
        await ApplyAsync("""
            apiVersion: v1
            kind: Pod
            metadata: {name: env-check, labels: {team: blue}}
            spec:
              restartPolicy: Never
              containers:
                - name: main
                  image: busybox
                  command: [sh, -c, 'echo "$GREETING from $POD_NAME in $POD_NAMESPACE team $TEAM ip $POD_IP" $(SUFFIX)']
                  env:
                    - {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
                    - {name: POD_NAMESPACE, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}
                    - {name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
                    - {name: TEAM, valueFrom: {fieldRef: {fieldPath: "metadata.labels['team']"}}}
                    - {name: NAME, value: world}
                    - {name: GREETING, value: hello-$(NAME)}
                    - {name: SUFFIX, value: "!"}
            """);

        // When it has run to completion
        (await _cluster.RunKubectlAsync("wait", "--for=jsonpath={.status.phase}=Succeeded", "pod/env-check", "--timeout=60s")).EnsureSuccess();

        // Then kubectl logs shows the expanded values
        var ip = (await _cluster.RunKubectlAsync("get", "pod", "env-check", "-o", "jsonpath={.status.podIP}")).EnsureSuccess().StandardOutput;
        var logs = (await _cluster.RunKubectlAsync("logs", "env-check")).EnsureSuccess().StandardOutput;
        Assert.Equal($"hello-world from env-check in default team blue ip {ip} !", logs.Trim());
    }

    [SkippableFact]
    public async Task Should_report_succeeded_and_failed_pods_under_restart_policy_never()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given two pods that never restart, one exiting 0 and one exiting 3
        await ApplyAsync(OneShot("good", "exit 0", "Never") + "\n---\n" + OneShot("bad", "exit 3", "Never"));

        // When both have finished
        (await _cluster.RunKubectlAsync("wait", "--for=jsonpath={.status.phase}=Succeeded", "pod/good", "--timeout=60s")).EnsureSuccess();
        (await _cluster.RunKubectlAsync("wait", "--for=jsonpath={.status.phase}=Failed", "pod/bad", "--timeout=60s")).EnsureSuccess();

        // Then kubectl shows Completed and Error with the exit code
        var table = (await _cluster.RunKubectlAsync("get", "pods")).EnsureSuccess().StandardOutput;
        Assert.Matches(@"(?m)^bad\s+0/1\s+Error\s+0\s+", table);
        Assert.Matches(@"(?m)^good\s+0/1\s+Completed\s+0\s+", table);
        var code = (await _cluster.RunKubectlAsync("get", "pod", "bad", "-o", "jsonpath={.status.containerStatuses[0].state.terminated.exitCode}")).EnsureSuccess().StandardOutput;
        Assert.Equal("3", code);
    }

    [SkippableFact]
    public async Task Should_restart_a_crashed_container_under_restart_policy_always()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given a long-running pod
        await ApplyAsync(OneShot("sleeper", "sleep 600", "Always"));
        (await _cluster.RunKubectlAsync("wait", "--for=condition=Ready", "pod/sleeper", "--timeout=60s")).EnsureSuccess();
        var before = Assert.Single(_cluster.PodProcesses("default", "sleeper"));

        // When the test kills its process, as a crash would
        Assert.True(_cluster.KillPodProcess("default", "sleeper"));

        // Then the kubelet starts it again, counts the restart and records how it died
        var after = await Eventually.WaitAsync(() => Assert.Single(_cluster.PodProcesses("default", "sleeper")),
            p => p.RestartCount == 1 && p.State == "running" && p.ProcessId != before.ProcessId, what: "the container to restart");
        Assert.NotNull(after.ProcessId);
        var last = (await _cluster.RunKubectlAsync("get", "pod", "sleeper", "-o", "jsonpath={.status.containerStatuses[0].lastState.terminated.exitCode} {.status.containerStatuses[0].restartCount}")).EnsureSuccess().StandardOutput;
        Assert.Equal("137 1", last);
        var described = (await _cluster.RunKubectlAsync("describe", "pod", "sleeper")).EnsureSuccess().StandardOutput;
        Assert.Matches(@"Normal\s+Scheduled\s+.*Successfully assigned default/sleeper to test-node", described);
        Assert.Matches(@"Warning\s+BackOff\s+.*Back-off restarting failed container main", described);
    }

    [SkippableFact]
    public async Task Should_stop_a_deleted_pod_gracefully_with_sigterm()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given a pod that says goodbye when terminated
        await ApplyAsync(OneShot("polite", "trap 'echo goodbye; exit 0' TERM; echo started; while true; do sleep 0.1; done", "Always"));
        (await _cluster.RunKubectlAsync("wait", "--for=condition=Ready", "pod/polite", "--timeout=60s")).EnsureSuccess();
        var process = Assert.Single(_cluster.PodProcesses("default", "polite"));
        await Eventually.WaitAsync(() => File.ReadAllText(process.LogPath), log => log.Contains("started", StringComparison.Ordinal), what: "the pod to start its loop");

        // When kubectl deletes it (and waits until it is gone)
        (await _cluster.RunKubectlAsync("delete", "pod", "polite", "--timeout=60s")).EnsureSuccess();

        // Then its process got SIGTERM, had time to answer, and is gone
        Assert.Contains("goodbye", File.ReadAllText(process.LogPath), StringComparison.Ordinal);
        Assert.Empty(_cluster.PodProcesses("default", "polite"));
        Assert.Throws<ArgumentException>(() => System.Diagnostics.Process.GetProcessById(process.ProcessId!.Value));
    }

    [SkippableFact]
    public async Task Should_run_init_containers_first_and_take_values_from_configmaps_and_secrets()
    {
        Skip.If(Fixture.NoKubectl is not null, Fixture.NoKubectl);

        // Given a pod whose init container leaves a file for the main container, which reads a ConfigMap and a Secret
        // that do not exist yet
        await ApplyAsync("""
            apiVersion: v1
            kind: Pod
            metadata: {name: staged}
            spec:
              restartPolicy: Never
              initContainers:
                - {name: prepare, image: busybox, command: [sh, -c, "echo prepared > stage.txt"]}
              containers:
                - name: main
                  image: busybox
                  command: [sh, -c, 'echo "$(cat stage.txt) $MODE $TOKEN $EXTRA_level"']
                  env:
                    - {name: MODE, valueFrom: {configMapKeyRef: {name: settings, key: mode}}}
                    - {name: TOKEN, valueFrom: {secretKeyRef: {name: creds, key: token}}}
                  envFrom:
                    - {configMapRef: {name: settings}, prefix: EXTRA_}
            """);
        await Eventually.WaitAsync(
            async () => (await _cluster.RunKubectlAsync("get", "pod", "staged", "-o", "jsonpath={.status.containerStatuses[0].state.waiting.reason}")).StandardOutput,
            reason => reason == "CreateContainerConfigError", what: "the missing ConfigMap to hold the container back");

        // When the ConfigMap and the Secret appear
        await ApplyAsync("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {mode: fast, level: "3"}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: creds}
            data: {token: czNjcmV0}
            """);
        (await _cluster.RunKubectlAsync("wait", "--for=jsonpath={.status.phase}=Succeeded", "pod/staged", "--timeout=60s")).EnsureSuccess();

        // Then the main container ran after the init container, with the values
        var logs = (await _cluster.RunKubectlAsync("logs", "staged")).EnsureSuccess().StandardOutput;
        Assert.Equal("prepared fast s3cret 3", logs.Trim());
        var init = (await _cluster.RunKubectlAsync("get", "pod", "staged", "-o", "jsonpath={.status.initContainerStatuses[0].state.terminated.reason}")).EnsureSuccess().StandardOutput;
        Assert.Equal("Completed", init);
    }

    private async Task ApplyAsync(string yaml) =>
        (await _cluster.RunKubectlAsync(["apply", "-f", "-"], yaml)).EnsureSuccess();

    private static string OneShot(string name, string script, string restartPolicy) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: {{name}}}
        spec:
          restartPolicy: {{restartPolicy}}
          containers:
            - name: main
              image: busybox
              command: [sh, -c, "{{script}}"]
        """;
}
