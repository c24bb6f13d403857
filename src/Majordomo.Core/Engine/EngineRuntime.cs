namespace Majordomo.Engine;

/// <summary>
/// The library's stand-in for a host: on the first call it runs the start-up steps
/// (<see cref="EngineServices.Start"/>) and starts the background workers (request-log writer,
/// health checks, state writers); disposing the service provider stops them, flushing what they hold.
/// </summary>
internal sealed class EngineRuntime(IServiceProvider services, IEnumerable<EngineWorker> workers) : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private List<IHostedService>? _started;
    private bool _disposed;

    public ValueTask EnsureStartedAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _started) is not null ? default : StartAsync(cancellationToken);

    private async ValueTask StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_started is not null)
            {
                return;
            }

            EngineServices.Start(services);
            var started = new List<IHostedService>();
            foreach (var worker in workers)
            {
                var service = worker.Create(services);
                await service.StartAsync(cancellationToken).ConfigureAwait(false);
                started.Add(service);
            }

            Volatile.Write(ref _started, started);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            var started = _started ?? [];
            _started = null;

            // Reverse order, as a host stops them: the request-log writer, started first, flushes last.
            for (var i = started.Count - 1; i >= 0; i--)
            {
                await started[i].StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
