namespace Majordomo.Storage;

/// <summary>
/// Waits for a store call from code that is synchronous today (the budget ledger's hold/settle under
/// its lock, a <c>/use</c> command, the writer threads). The SQLite store completes every call
/// synchronously, so this costs nothing there; a store with network round trips should be awaited by
/// its callers instead (the PostgreSQL work moves those callers to async).
/// </summary>
internal static class StoreSync
{
    public static void Wait(ValueTask task)
    {
        if (task.IsCompletedSuccessfully)
        {
            return;
        }

        task.AsTask().GetAwaiter().GetResult();
    }

    public static T Wait<T>(ValueTask<T> task) => task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();
}
