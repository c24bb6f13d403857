namespace Majordomo.Storage;

/// <summary>Sessions currently in a tool loop (the loop guard's state), so a restart still knows them.</summary>
internal interface ILoopSessionStore
{
    /// <summary>Forgets sessions not updated since <paramref name="notBefore"/>, then returns up to <paramref name="max"/> of the rest, newest first.</summary>
    ValueTask<IReadOnlyList<StoredLoopSession>> LoadAsync(DateTimeOffset notBefore, int max, CancellationToken cancellationToken);

    /// <summary>Writes a batch of changes in one transaction: <paramref name="upserts"/> replace a session's row, <paramref name="deletes"/> remove it.</summary>
    ValueTask ApplyAsync(IReadOnlyList<StoredLoopSession> upserts, IReadOnlyList<string> deletes, CancellationToken cancellationToken);
}

/// <summary>A looping session as stored; <see cref="Level"/> is the level's wire name (<c>warning</c>, <c>critical</c>, <c>breaker</c>).</summary>
internal sealed record StoredLoopSession(string Session, string Level, string Detector, int Count, DateTimeOffset UpdatedAt);
