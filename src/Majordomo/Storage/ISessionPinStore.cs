namespace Majordomo.Storage;

/// <summary>Session pins set by <c>/use</c> (SPEC §1.1): session id → route, alias or model id.</summary>
internal interface ISessionPinStore
{
    /// <summary>Every session currently pinned.</summary>
    ValueTask<IReadOnlyList<KeyValuePair<string, string>>> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Pins a session, or clears its pin when <paramref name="pin"/> is null.</summary>
    ValueTask SetAsync(string session, string? pin, DateTimeOffset now, CancellationToken cancellationToken);
}
