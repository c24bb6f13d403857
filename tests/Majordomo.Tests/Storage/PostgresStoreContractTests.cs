using Majordomo.Storage;
using Majordomo.Storage.Postgres;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Storage;

/// <summary>The store contract run against a real PostgreSQL server (one database per test; a name reopens it).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreContractTests(PostgresServer server) : StoreContractTests
{
    private readonly Dictionary<string, string> _databases = [];

    private protected override async Task<StoreSet> CreateAsync(string name)
    {
        if (!_databases.TryGetValue(name, out var connectionString))
        {
            connectionString = await server.CreateDatabaseAsync("contract_" + name);
            _databases[name] = connectionString;
        }

        var set = new PostgresStore(connectionString).CreateSet();
        await set.Store.MigrateAsync(CancellationToken.None);
        return set;
    }
}
