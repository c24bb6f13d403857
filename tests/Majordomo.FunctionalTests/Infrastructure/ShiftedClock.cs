namespace Majordomo.FunctionalTests.Infrastructure;

/// <summary>
/// The system clock plus an offset the test moves forward (<see cref="Advance"/>): cooldowns, windows
/// and health intervals, which compare against <c>GetUtcNow()</c>, expire at once, while timers
/// (timeouts, backoff) keep running in real time so a real gateway still works. No sleeps.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
