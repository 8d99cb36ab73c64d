using System.Diagnostics;

namespace Berth.Verification.Running;

/// <summary>Plain HTTP requests to the container on 127.0.0.1. A status code, or null when nothing answered.</summary>
public sealed class HealthProbe(int port) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };

    public int Port { get; } = port;

    public async Task<int?> StatusAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(method, path);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// Polls GET every 50 ms until it answers 200, the timeout passes, or <paramref name="stillRunning"/> says the container is gone. The
    /// engine is asked beside the polling, at most every half second, so a slow engine never delays noticing the first 200.
    /// </summary>
    public async Task<(int? LastStatus, TimeSpan Waited)> WaitForOkAsync(string path, TimeSpan timeout, Func<Task<bool>> stillRunning, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        int? last = null;
        Task<bool>? running = null;
        var lastAsked = TimeSpan.Zero;
        try
        {
            while (clock.Elapsed < timeout)
            {
                last = await StatusAsync(HttpMethod.Get, path, cancellationToken);
                if (last == 200)
                    break;
                if (running is { IsCompleted: true } && !await running)
                    break;
                if (running is null || (running.IsCompleted && clock.Elapsed - lastAsked >= EngineInterval))
                {
                    lastAsked = clock.Elapsed;
                    running = stillRunning();
                }
                await Task.Delay(PollInterval, cancellationToken);
            }
            return (last, clock.Elapsed);
        }
        finally
        {
            if (running is not null)
                await Task.WhenAny(running); // no engine call outlives the wait
        }
    }

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan EngineInterval = TimeSpan.FromMilliseconds(500);

    public void Dispose() => _client.Dispose();
}

/// <summary>What a health route answered: GET (and how long the first 200 took) and HEAD, against the methods the app declares.</summary>
public sealed record HealthAnswer(string Path, IReadOnlyList<string> DeclaredMethods, int? Get, int? Head)
{
    public bool DeclaresHead => DeclaredMethods.Contains("HEAD", StringComparer.Ordinal);
}
