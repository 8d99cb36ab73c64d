namespace Berth.EndToEnd.Engine;

/// <summary>Plain HTTP requests to a service on 127.0.0.1:port. A status code, or null when nothing answered.</summary>
public sealed class HttpProbe : IDisposable
{
    private readonly HttpClient _client;

    public HttpProbe(int port)
    {
        Port = port;
        _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
    }

    public int Port { get; }

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
            return null; // per-request timeout
        }
    }

    /// <summary>
    /// Polls GET <paramref name="path"/> until it answers 200, the deadline passes, or <paramref name="stillRunning"/> says the container died.
    /// Returns the last status seen (null: never answered) and how long it took.
    /// </summary>
    public async Task<(int? LastStatus, TimeSpan Waited)> WaitForOkAsync(
        string path, TimeSpan timeout, Func<Task<bool>> stillRunning, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int? last = null;
        while (clock.Elapsed < timeout)
        {
            last = await StatusAsync(HttpMethod.Get, path, cancellationToken);
            if (last == 200 || !await stillRunning())
                break;
            await Task.Delay(500, cancellationToken);
        }
        return (last, clock.Elapsed);
    }

    public void Dispose() => _client.Dispose();
}
