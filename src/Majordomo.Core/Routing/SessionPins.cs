using System.Collections.Concurrent;
using Majordomo.Storage;

namespace Majordomo.Routing;

/// <summary>
/// Session pins set by <c>/use</c> (SPEC §1.1): session id → route, alias or model id. Kept in memory
/// for the hot path and written through to the <see cref="ISessionPinStore"/>, so pins
/// survive restarts. Only a <c>/use</c> command writes; routing reads the dictionary.
/// </summary>
internal sealed partial class SessionPins(ISessionPinStore? store, ILogger<SessionPins> logger)
{
    private readonly ConcurrentDictionary<string, string> _pins = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>True when no session is pinned: requests skip the session lookup (and deriving an id) entirely.</summary>
    public bool IsEmpty => Volatile.Read(ref _count) == 0;

    public string? Get(string session) => _pins.TryGetValue(session, out var pin) ? pin : null;

    /// <summary>Loads every stored pin; called once after migrations.</summary>
    public void Load()
    {
        if (store is null)
        {
            return;
        }

        foreach (var (session, pin) in StoreSync.Wait(store.LoadAsync(CancellationToken.None)))
        {
            _pins[session] = pin;
        }

        Volatile.Write(ref _count, _pins.Count);
    }

    /// <summary>
    /// Pins <paramref name="session"/> to <paramref name="pin"/>, or clears it when null. Memory first, so the
    /// session's next request on this instance follows it at once; the row is then written, awaited with the
    /// request's token, before the command is answered (the same transaction tells a fleet's other instances).
    /// If the store fails the pin still holds in memory and the failure is logged; a client that hangs up while
    /// the row is written cancels the write, and the pin likewise holds in memory only.
    /// </summary>
    public async ValueTask SetAsync(string session, string? pin, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Apply(session, pin);
        if (store is null)
        {
            return;
        }

        try
        {
            await store.SetAsync(session, pin, now, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException ex)
        {
            LogStoreFailed(logger, ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStoreCancelled(logger);
            throw;
        }
    }

    /// <summary>A pin set or cleared elsewhere (another instance sharing the store): memory only, nothing written.</summary>
    public void Apply(string session, string? pin)
    {
        if (pin is null)
        {
            _pins.TryRemove(session, out _);
        }
        else
        {
            _pins[session] = pin;
        }

        Volatile.Write(ref _count, _pins.Count);
    }

    [LoggerMessage(EventId = LogEvents.SessionPinNotStored, Level = LogLevel.Warning, Message = "Session pin kept in memory only; the store refused it: {Reason}")]
    private static partial void LogStoreFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = LogEvents.SessionPinCancelled, Level = LogLevel.Information, Message = "Session pin kept in memory only; the client closed before it was stored")]
    private static partial void LogStoreCancelled(ILogger logger);
}
