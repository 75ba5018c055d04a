using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using JitLens.Jupyter.Tests.Html;
using JitLens.Jupyter.Tests.Kernel;
using JitLens.Jupyter.Tests.Support;
using Microsoft.Playwright;

namespace JitLens.Jupyter.Tests.ClassicNotebook;

/// <summary>
/// Debian's classic Jupyter Notebook (<c>jupyter-notebook</c>) served on 127.0.0.1 for one test class: a free port, a
/// token, a temp notebook folder, the C# kernel installed in the private Jupyter set-up, the %%jitlens extension from
/// this repository on PYTHONPATH, and one headless Chromium to use it with. Stopped when the class ends.
/// </summary>
public sealed class ClassicNotebookServer : IAsyncLifetime
{
    private readonly KernelEnvironment _jupyter = new();
    private readonly ChromiumFixture _chromium = new();
    private readonly ConcurrentQueue<string> _log = new();
    private readonly string _token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    private Process? _server;
    private int _port;

    public string NotebookFolder => Path.Combine(_jupyter.Root, "notebooks");

    /// <summary>Debian's notebook server module, as scripts/setup.sh installs it.</summary>
    public static bool Available => KernelEnvironment.Available && Directory.Exists("/usr/lib/python3/dist-packages/notebook");

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        await _jupyter.InitializeAsync();
        Directory.CreateDirectory(NotebookFolder);
        _port = FreePort();
        var start = new ProcessStartInfo(KernelEnvironment.Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-m", "notebook", "--no-browser", "--ip=127.0.0.1", $"--port={_port}", "--port-retries=0", "--allow-root", $"--NotebookApp.token={_token}", $"--notebook-dir={NotebookFolder}" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in _jupyter.Variables)
        {
            start.Environment[name] = value;
        }

        start.Environment["PYTHONPATH"] = Path.Combine(RepositoryPaths.Root, "python");
        start.Environment["JITLENS_CLI"] = Path.Combine(AppContext.BaseDirectory, "JitLens.Cli.dll");
        start.Environment["IPYTHONDIR"] = Path.Combine(_jupyter.Root, "ipython");
        _server = Process.Start(start)!;
        // The server logs to stderr; both streams are drained so it never blocks on a full pipe, and kept for failures.
        _server.OutputDataReceived += (_, e) => _log.Enqueue(e.Data ?? string.Empty);
        _server.ErrorDataReceived += (_, e) => _log.Enqueue(e.Data ?? string.Empty);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await WaitUntilServingAsync();
        await _chromium.InitializeAsync();
    }

    /// <summary>Opens a notebook of the notebook folder in a new page; skips where the notebook or Chromium is missing.</summary>
    public async Task<IPage> OpenAsync(string notebook, ColorScheme colorScheme = ColorScheme.Light)
    {
        Skip.IfNot(Available, "Debian's jupyter-notebook is needed (scripts/setup.sh installs it)");
        var context = await _chromium.Require().NewContextAsync(new BrowserNewContextOptions { ColorScheme = colorScheme, ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(180_000);
        await page.GotoAsync($"http://127.0.0.1:{_port}/notebooks/{notebook}?token={_token}");
        await page.WaitForFunctionAsync("() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded");
        return page;
    }

    /// <summary>Runs every cell through the notebook's own kernel connection once the kernel is up.</summary>
    public static async Task RunAllAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected() && Jupyter.notebook.kernel.info_reply && Jupyter.notebook.kernel.info_reply.status === 'ok'");
        await page.EvaluateAsync("() => Jupyter.notebook.execute_all_cells()");
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        if (_server is not null)
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
            _server.Dispose();
        }

        await _jupyter.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{_port}/api/status?token={_token}"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !_server!.HasExited)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow >= deadline || _server!.HasExited)
            {
                throw new InvalidOperationException($"The classic notebook server did not start on port {_port}:\n{string.Join('\n', _log)}");
            }

            await Task.Delay(100);
        }
    }
}
