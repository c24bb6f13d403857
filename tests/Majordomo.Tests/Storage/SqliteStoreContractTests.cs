using Majordomo.Storage;
using Majordomo.Storage.Sqlite;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Storage;

/// <summary>The store contract run against the embedded SQLite store (one file per name, in a temp folder).</summary>
public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly TempDirectory _dir = new();

    private protected override async Task<StoreSet> CreateAsync(string name)
    {
        var set = new SqliteStore(_dir.File(name + ".db")).CreateSet();
        await set.Store.MigrateAsync(CancellationToken.None);
        return set;
    }

    public override void Dispose()
    {
        base.Dispose();
        _dir.Dispose();
    }
}
