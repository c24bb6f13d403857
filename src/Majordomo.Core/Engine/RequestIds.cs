namespace Majordomo.Engine;

/// <summary>
/// Request ids: a random per-process prefix plus a counter. Unique across instances and restarts
/// without a random-number syscall per request (Guid.NewGuid / CreateVersion7 make one).
/// </summary>
internal sealed class RequestIds
{
    private readonly string _prefix = "req_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
    private long _counter;

    public string New() => string.Create(null, stackalloc char[40], $"{_prefix}{Interlocked.Increment(ref _counter):x10}");
}
