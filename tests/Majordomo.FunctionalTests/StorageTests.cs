using System.Net;
using System.Text;
using Majordomo.FunctionalTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Majordomo.FunctionalTests;

/// <summary>The request log in a real SQLite file: one row per request with its attempt chain.</summary>
public sealed class StorageTests
{
    [Fact]
    public async Task Requests_AreLoggedWithAttemptChain_AndFlushedOnShutdown()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Configs.Standard, upstream);
        upstream.Script("a", new Scenario.Status(503, """{"error":{"message":"busy"}}"""));

        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent("""{"model":"default","messages":[{"role":"user","content":"secret prompt text"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Router-Source", "cron");
        request.Headers.Add("X-Router-Session", "sess-42");
        using var response = await gateway.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requestId = Sse.Header(response, "X-Request-Id");
        using var stream = await gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", """{"model":"up/c","stream":true,"messages":[{"role":"user","content":"hi"}]}""", stream: true));
        await stream.Content.ReadAsStringAsync();

        await gateway.StopAsync();

        using var connection = new SqliteConnection($"Data Source={gateway.StorePath};Mode=ReadOnly");
        connection.Open();
        using (var journal = connection.CreateCommand())
        {
            journal.CommandText = "PRAGMA journal_mode;";
            Assert.Equal("wal", journal.ExecuteScalar());
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT requested_model, route, tier, answered_by, status, attempt_count, source, session, input_tokens, output_tokens, usage_reported FROM requests WHERE id = $id";
        command.Parameters.AddWithValue("$id", requestId);
        using (var reader = command.ExecuteReader())
        {
            Assert.True(reader.Read());
            Assert.Equal("default", reader.GetString(0));
            Assert.Equal("default", reader.GetString(1));
            Assert.Equal("route", reader.GetString(2));
            Assert.Equal("up/b", reader.GetString(3));
            Assert.Equal(200, reader.GetInt32(4));
            Assert.Equal(2, reader.GetInt32(5));
            Assert.Equal("cron", reader.GetString(6));
            Assert.Equal("sess-42", reader.GetString(7));
            Assert.Equal(11, reader.GetInt64(8));
            Assert.Equal(7, reader.GetInt64(9));
            Assert.Equal(1, reader.GetInt32(10));
        }

        using var attempts = connection.CreateCommand();
        attempts.CommandText = """
            SELECT a.key + 1, json_extract(a.value, '$.model'), json_extract(a.value, '$.credential'), json_extract(a.value, '$.status'), json_extract(a.value, '$.outcome')
            FROM requests r, json_each(r.attempts) a WHERE r.id = $id ORDER BY a.key
            """;
        attempts.Parameters.AddWithValue("$id", requestId);
        using (var reader = attempts.ExecuteReader())
        {
            Assert.True(reader.Read());
            Assert.Equal("up/a", reader.GetString(1));
            Assert.Equal("k1", reader.GetString(2));
            Assert.Equal(503, reader.GetInt32(3));
            Assert.Equal("transient", reader.GetString(4));
            Assert.True(reader.Read());
            Assert.Equal("up/b", reader.GetString(1));
            Assert.Equal("ok", reader.GetString(4));
            Assert.False(reader.Read());
        }

        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*), SUM(stream), SUM(output_tokens) FROM requests";
        using (var reader = count.ExecuteReader())
        {
            reader.Read();
            Assert.Equal(2, reader.GetInt32(0));
            Assert.Equal(1, reader.GetInt32(1));
            Assert.Equal(14, reader.GetInt64(2)); // the streamed answer's usage was read from the final chunk
        }

        // Neither prompts nor keys are stored.
        var bytes = await File.ReadAllBytesAsync(gateway.StorePath);
        var wal = File.Exists(gateway.StorePath + "-wal") ? await File.ReadAllBytesAsync(gateway.StorePath + "-wal") : [];
        var all = Encoding.UTF8.GetString(bytes) + Encoding.UTF8.GetString(wal);
        Assert.DoesNotContain("secret prompt text", all, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-test-one", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayFields_AreLogged_AndLogPromptsKeepsTheBodyWithSecretsRedacted()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        var config = Configs.Standard
            .Replace("\"default\": { \"chain\": \"abc\" },", "\"default\": { \"chain\": \"abc\" }, \"auto\": { \"strategy\": \"smart\" },", StringComparison.Ordinal)
            .Replace("\"defaultRoute\": \"default\",", "\"defaultRoute\": \"default\", \"storage\": { \"logPrompts\": true },", StringComparison.Ordinal);
        await using var gateway = await TestGateway.StartAsync(config, upstream);

        // The client pastes the provider's key into its prompt: the stored body must not keep it.
        var request = Sse.Post("/v1/chat/completions", """
            {"model":"auto","max_tokens":77,"messages":[{"role":"user","content":"deploy with sk-test-one please"}],
             "tools":[{"type":"function","function":{"name":"run","parameters":{}}}]}
            """);
        request.Headers.Add("X-Router-Channel", "telegram");
        using var response = await gateway.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requestId = Sse.Header(response, "X-Request-Id");
        using var named = await gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", """{"model":"up/c","messages":[{"role":"user","content":"hi"}]}"""));
        var namedId = Sse.Header(named, "X-Request-Id");

        await gateway.StopAsync();

        using var connection = new SqliteConnection($"Data Source={gateway.StorePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT channel, prompt_tokens, max_output_tokens, has_media, has_tools, body, task_type FROM requests WHERE id = $id";
        command.Parameters.AddWithValue("$id", requestId);
        using (var reader = command.ExecuteReader())
        {
            Assert.True(reader.Read());
            Assert.Equal("telegram", reader.GetString(0));
            Assert.InRange(reader.GetInt32(1), 5, 200);
            Assert.Equal(77, reader.GetInt32(2));
            Assert.Equal(0, reader.GetInt32(3));
            Assert.Equal(1, reader.GetInt32(4));
            var body = reader.GetString(5);
            Assert.Contains("deploy with", body, StringComparison.Ordinal);
            Assert.DoesNotContain("sk-test-one", body, StringComparison.Ordinal);
            Assert.False(reader.IsDBNull(6));
        }

        // A request naming a model is not parsed for the replay facts (its fast path stays as it was).
        command.Parameters["$id"].Value = namedId;
        using (var reader = command.ExecuteReader())
        {
            Assert.True(reader.Read());
            Assert.True(reader.IsDBNull(1));
            Assert.True(reader.IsDBNull(3));
        }
    }

    [Fact]
    public async Task Gateway_RestartOnSameStore_KeepsRowsAndMigratesOnce()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        string store;
        await using (var first = await TestGateway.StartAsync(Configs.Standard, upstream))
        {
            store = first.StorePath;
            using var r = await first.Http.SendAsync(Sse.Post("/v1/chat/completions", """{"model":"up/a","messages":[{"role":"user","content":"hi"}]}"""));
            await first.StopAsync();

            // Closing the last connection checkpoints the WAL into the main file.
            SqliteConnection.ClearAllPools();
            var copy = Path.Combine(Path.GetTempPath(), "majordomo-keep-" + Guid.NewGuid().ToString("N") + ".db");
            File.Copy(store, copy);
            store = copy;
        }

        var source = Majordomo.Hosting.ConfigSource.Resolve(null, demo: true);
        var app = Majordomo.Hosting.GatewayApp.Build(new Majordomo.Hosting.GatewayOptions { Source = source, Urls = ["http://127.0.0.1:0"], StorePath = store, MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning });
        await app.StartAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();

        using var connection = new SqliteConnection($"Data Source={store};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM requests), (SELECT COUNT(*) FROM schema_migrations)";
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.Equal(1, reader.GetInt32(0));
        Assert.Equal(Majordomo.Storage.Sqlite.SqliteStore.Migrations.Length, reader.GetInt32(1));
        connection.Close();
        SqliteConnection.ClearAllPools();
        File.Delete(store);
    }
}
