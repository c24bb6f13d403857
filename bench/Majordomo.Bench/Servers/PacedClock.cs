namespace Majordomo.Bench.Servers;

/// <summary>
/// One clock for every paced stream of the mock: a tick every interval completes the task all waiting
/// streams share, so 5,000 streams cost one timer instead of 5,000 (a timer per chunk per stream would
/// be the mock's own bottleneck on two cores). A stream waits for the next tick before each chunk after
/// its first, so chunks are at least one interval apart and streams started together move together.
/// </summary>
internal sealed class PacedClock : IDisposable
{
    private readonly PeriodicTimer _timer;
    private TaskCompletionSource _next = NewTick();

    public PacedClock(TimeSpan interval)
    {
        _timer = new PeriodicTimer(interval);
        _ = RunAsync();
    }

    /// <summary>Completes at the next tick (never faults; a disposed clock completes every waiter).</summary>
    public Task NextTick => Volatile.Read(ref _next).Task;

    public void Dispose()
    {
        _timer.Dispose();
        Volatile.Read(ref _next).TrySetResult();
    }

    private static TaskCompletionSource NewTick() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task RunAsync()
    {
        while (await _timer.WaitForNextTickAsync().ConfigureAwait(false))
        {
            Interlocked.Exchange(ref _next, NewTick()).TrySetResult();
        }
    }
}
