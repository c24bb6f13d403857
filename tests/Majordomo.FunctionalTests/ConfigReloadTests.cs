using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;
using Majordomo.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Majordomo.FunctionalTests;

/// <summary>The watched config file: valid changes apply live, invalid ones are refused and the old config stays.</summary>
public sealed class ConfigReloadTests
{
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    [Fact]
    public async Task EditConfig_ValidChange_AppliesWithoutRestartAndWithoutDroppingInFlightStreams()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Configs.Standard, upstream);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        upstream.Script("a", new Scenario.Gated(gate, Chunks: 3));

        // A stream is in flight on the old config...
        using var inflight = await gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", """{"model":"up/a","stream":true,"messages":[{"role":"user","content":"hi"}]}""", stream: true), HttpCompletionOption.ResponseHeadersRead);
        var reading = Sse.ReadAllEventsAsync(inflight);

        // ...when the file gains an alias.
        var updated = TestGateway.Render(Configs.Standard, upstream).Replace("\"aliases\": { \"alpha\": \"up/a\" }", "\"aliases\": { \"alpha\": \"up/a\", \"bravo\": \"up/b\" }", StringComparison.Ordinal);
        await File.WriteAllTextAsync(gateway.ConfigPath, updated);

        var applied = await EventuallyAsync(async () =>
        {
            using var r = await gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", """{"model":"bravo","messages":[{"role":"user","content":"hi"}]}"""));
            return r.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(10));
        Assert.True(applied, "the new alias was served within 10 s");

        gate.SetResult();
        var events = await reading.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("[DONE]", events[^1]);
    }

    [Fact]
    public async Task WritesToOtherFilesInTheFolder_NoReloadCheckAndNoWatchOnTheFolder_AConfigEditStillApplies()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Configs.Standard, upstream);
        var watcher = gateway.Services.GetRequiredService<ConfigWatcher>();
        var applied = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Reloaded += (ok, _) => applied.TrySetResult(ok);

        // The store and its WAL share the folder (each answered request writes a row), and so does another file.
        var other = Path.Combine(gateway.Directory, "other.log");
        var polls = DateTime.UtcNow + 3 * ConfigWatcher.PollInterval;
        while (DateTime.UtcNow < polls)
        {
            await File.AppendAllTextAsync(other, "a line\n");
            using var answered = await gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", """{"model":"up/a","messages":[{"role":"user","content":"hi"}]}"""));
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            await Task.Delay(50);
        }

        Assert.Equal(0, watcher.Checks);
        Assert.DoesNotContain(Inode(gateway.Directory), Inotify.WatchedInodes("self"));

        await File.WriteAllTextAsync(gateway.ConfigPath, TestGateway.Render(Configs.Standard, upstream).Replace("\"aliases\": { \"alpha\": \"up/a\" }", "\"aliases\": { \"alpha\": \"up/a\", \"bravo\": \"up/b\" }", StringComparison.Ordinal));

        Assert.True(await applied.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.InRange(watcher.Checks, 1, 2); // a poll may land between the truncation and the write
    }

    private static long Inode(string path)
    {
        using var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%i", path]) { RedirectStandardOutput = true })!;
        var output = stat.StandardOutput.ReadToEnd();
        stat.WaitForExit();
        return long.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task EditConfig_InvalidChange_RejectedWithPathsAndOldConfigStays()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Configs.Standard, upstream);
        var watcher = gateway.Services.GetRequiredService<ConfigWatcher>();
        var rejected = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Reloaded += (ok, errors) =>
        {
            if (!ok)
            {
                rejected.TrySetResult(errors);
            }
        };

        var broken = TestGateway.Render(Configs.Standard, upstream).Replace("\"abc\": [\"up/a\", \"up/b\", \"up/c\"]", "\"abc\": [\"up/a\", \"up/b\", \"qwen/coder\"]", StringComparison.Ordinal);
        await File.WriteAllTextAsync(gateway.ConfigPath, broken);

        var errors = await rejected.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("chains.abc[2]: unknown model 'qwen/coder'", errors);

        using var response = await gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", """{"model":"default","messages":[{"role":"user","content":"hi"}]}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Half-written JSON is refused too.
        await File.WriteAllTextAsync(gateway.ConfigPath, "{ \"providers\": ");
        using var again = await gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", """{"model":"up/c","messages":[{"role":"user","content":"hi"}]}"""));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Health_ConfigFileDeletedThenRestored_DegradedNamingTheFileThenOk()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Configs.Standard, upstream);
        var original = await File.ReadAllTextAsync(gateway.ConfigPath);
        Assert.Equal("ok", (await HealthAsync(gateway)).GetProperty("status").GetString());

        File.Delete(gateway.ConfigPath);
        var problem = await ProblemAsync(gateway);
        Assert.Contains("was deleted or moved", problem, StringComparison.Ordinal);
        Assert.Contains(gateway.ConfigPath, problem, StringComparison.Ordinal);

        // The config loaded before still routes.
        using var response = await gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", """{"model":"default","messages":[{"role":"user","content":"hi"}]}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await File.WriteAllTextAsync(gateway.ConfigPath, original);
        Assert.True(await EventuallyAsync(async () => (await HealthAsync(gateway)).GetProperty("status").GetString() == "ok", TimeSpan.FromSeconds(10)), "ok again once restored");
    }

    [Fact]
    public async Task Health_ConfigFileInvalidThenFixed_DegradedWhileInvalidThenOk()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Configs.Standard, upstream);
        var original = await File.ReadAllTextAsync(gateway.ConfigPath);

        await File.WriteAllTextAsync(gateway.ConfigPath, "{ \"providers\": ");
        var problem = await ProblemAsync(gateway);
        Assert.Contains("is invalid", problem, StringComparison.Ordinal);
        Assert.Contains(gateway.ConfigPath, problem, StringComparison.Ordinal);

        // Put back exactly as it was: nothing to apply, but the file backs the config in force again.
        await File.WriteAllTextAsync(gateway.ConfigPath, original);
        Assert.True(await EventuallyAsync(async () => (await HealthAsync(gateway)).GetProperty("status").GetString() == "ok", TimeSpan.FromSeconds(10)), "ok again once fixed");

        // A new valid edit after a bad one clears it too.
        await File.WriteAllTextAsync(gateway.ConfigPath, "{ \"providers\": ");
        await ProblemAsync(gateway);
        await File.WriteAllTextAsync(gateway.ConfigPath, original.Replace("\"aliases\": { \"alpha\": \"up/a\" }", "\"aliases\": { \"alpha\": \"up/a\", \"bravo\": \"up/b\" }", StringComparison.Ordinal));
        Assert.True(await EventuallyAsync(async () => (await HealthAsync(gateway)).GetProperty("status").GetString() == "ok", TimeSpan.FromSeconds(10)), "ok again once a valid edit applied");
    }

    private static async Task<JsonElement> HealthAsync(TestGateway gateway)
    {
        using var response = await gateway.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    /// <summary>Waits for <c>/health</c> to turn degraded (the watcher debounces, the existence check is cached for a second) and returns its one problem.</summary>
    private static async Task<string> ProblemAsync(TestGateway gateway)
    {
        JsonElement health = default;
        var degraded = await EventuallyAsync(async () => (health = await HealthAsync(gateway)).GetProperty("status").GetString() == "degraded", TimeSpan.FromSeconds(10));
        Assert.True(degraded, "degraded within 10 s");
        return Assert.Single(health.GetProperty("problems").EnumerateArray()).GetString()!;
    }
}
