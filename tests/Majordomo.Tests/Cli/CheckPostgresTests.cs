using Majordomo.Cli;
using Majordomo.Storage.Postgres;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Cli;

/// <summary><c>majordomo check</c> with <c>storage.postgres</c>: the database's reachability and schema, against a real server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CheckPostgresTests(PostgresServer server) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Check_NewDatabase_SaysPendingThenMigratedAfterAStart()
    {
        var connectionString = await server.CreateDatabaseAsync("check");
        var path = WriteConfig(connectionString);

        var before = await Run("check", "--config", path);
        using (var store = new PostgresStore(connectionString))
        {
            await store.MigrateAsync(CancellationToken.None);
        }

        var after = await Run("check", "--config", path);

        Assert.Equal((MajordomoCli.Ok, ""), (before.Exit, before.Err));
        var latest = PostgresStore.Migrations.Max(m => m.Version);
        Assert.Contains($"storage.postgres: reachable, {PostgresStore.Migrations.Length} migration(s) pending (schema version 0 of {latest}); 'majordomo serve' applies them at start", before.Out, StringComparison.Ordinal);
        Assert.Equal((MajordomoCli.Ok, ""), (after.Exit, after.Err));
        Assert.Contains($"storage.postgres: reachable, migrated (schema version {latest})", after.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NoServerThere_ExitsOneSayingSoWithoutThePassword()
    {
        var path = WriteConfig($"Host=127.0.0.1;Port={PostgresServer.FreePort()};Database=m;Username=u;Password=hunter2secret;Timeout=2");

        var (exit, stdout, stderr) = await Run("check", "--config", path);

        Assert.Equal(MajordomoCli.RuntimeFailure, exit);
        Assert.StartsWith("OK: ", stdout, StringComparison.Ordinal);
        Assert.StartsWith("majordomo: storage.postgres: cannot use the database: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2secret", stdout + stderr, StringComparison.Ordinal);
    }

    private string WriteConfig(string connectionString) => _dir.Write("majordomo.json", $$"""
        { "providers": { "p": { "api": "simulated" } },
          "models": { "p/m": { "provider": "p" } },
          "routes": { "default": { "chain": [ "p/m" ] } }, "defaultRoute": "default",
          "storage": { "postgres": "{{connectionString}}" } }
        """);

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await MajordomoCli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
