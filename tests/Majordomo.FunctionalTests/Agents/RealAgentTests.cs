using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;

namespace Majordomo.FunctionalTests.Agents;

/// <summary>
/// The real clients end to end (issue 12): OpenClaw <c>agent exec</c> over its three provider apis,
/// Claude Code <c>claude -p</c> and Codex <c>codex exec</c> (Responses wire API), against the real gateway on loopback in front of a scenario upstream.
/// The clients come from tests/agents/install.sh (pinned versions, cached); a failed install fails here.
/// </summary>
[Collection(RealAgentCollection.Name)]
public sealed class RealAgentTests(AgentClients clients)
{
    /// <summary>The agent gateway plus a <c>loop</c> route whose model always calls <c>read</c>, with a tight guard.</summary>
    private static readonly string Config = AgentConfigs.Gateway
        .Replace("\"routes\": {", """
            "routes": {
                "loop": { "chain": ["up/looper"], "loopDetection": { "warningThreshold": 2, "criticalThreshold": 3, "circuitBreakerThreshold": 4 } },
            """, StringComparison.Ordinal)
        .Replace("\"models\": {", """
            "models": {
                "up/looper": { "provider": "up", "upstreamModel": "looper", "contextWindow": 128000 },
            """, StringComparison.Ordinal);

    [Theory]
    [InlineData("openai-completions")]
    [InlineData("anthropic-messages")]
    [InlineData("openai-responses")]
    public async Task OpenClaw_PlainTurnOnAuto_ClassifiedFromTheUsersWords(string api)
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);
        var home = Home();

        var run = await OpenClawAsync(gateway, api, home, "auto", "Say hello in five words.");

        Assert.Equal("Hello from small", Final(run));
        Assert.Equal("small", Assert.Single(upstream.Received).Model);
    }

    [Theory]
    [InlineData("openai-completions")]
    [InlineData("anthropic-messages")]
    [InlineData("openai-responses")]
    public async Task OpenClaw_UseThenTurn_AnsweredByThePinnedAlias(string api)
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);
        var home = Home();

        var pinned = await OpenClawAsync(gateway, api, home, "default", "/use sonnet", session: "s1");
        var next = await OpenClawAsync(gateway, api, home, "default", "Say hello in five words.", session: "s1");

        Assert.Contains("Pinned this session to alias 'sonnet'", Final(pinned), StringComparison.Ordinal);
        Assert.Equal("Hello from claude-x", Final(next));
        Assert.Equal("claude-x", Assert.Single(upstream.Received).Model);
    }

    [Theory]
    [InlineData("openai-completions")]
    [InlineData("anthropic-messages")]
    [InlineData("openai-responses")]
    public async Task OpenClaw_ToolLoop_StoppedByTheGuardAndReportedAsALoop(string api)
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        upstream.Script("looper", new Scenario.ToolCall("read", """{"path":"notes.txt"}"""));
        await using var gateway = await TestGateway.StartAsync(Config, upstream);
        var home = Home();
        await File.WriteAllTextAsync(Path.Combine(home, "notes.txt"), "remember the milk\n");

        var run = await OpenClawAsync(gateway, api, home, "loop", "Read notes.txt and tell me what it says.");

        var output = run.Stdout + run.Stderr;
        Assert.Contains("Majordomo stopped a tool loop", output, StringComparison.Ordinal);
        Assert.DoesNotContain("rate limit", output, StringComparison.OrdinalIgnoreCase);
        // The first request and three tool results reach the model; the request carrying the fourth
        // identical call's result is refused (breaker 4) and OpenClaw shows why instead of retrying.
        Assert.Equal(4, upstream.Received.Count);
    }

    [Theory]
    [InlineData("anthropic-messages", "a")]
    [InlineData("openai-completions", "claude-x")]
    public async Task OpenClaw_ImageFromATool_ReachesAnUpstreamOfTheOtherProtocol(string api, string upstreamModel)
    {
        // anthropic-messages → OpenAI upstream ("default" = up/a) and openai-completions → Anthropic
        // upstream ("anthropic" = anth/claude): the image read by the tool reaches the model either way.
        await using var upstream = await ScenarioUpstream.StartAsync();
        upstream.Script(upstreamModel, new Scenario.ToolCall("read", """{"path":"pixel.png"}"""), new Scenario.Ok("A single pixel."));
        await using var gateway = await TestGateway.StartAsync(Config, upstream);
        var home = Home();
        await File.WriteAllBytesAsync(Path.Combine(home, "pixel.png"), Convert.FromBase64String(Pixel));

        var run = await OpenClawAsync(gateway, api, home, upstreamModel == "a" ? "default" : "anthropic", "Look at pixel.png and describe it.");

        Assert.Equal("A single pixel.", Final(run));
        var second = upstream.Received[1].BodyText;
        Assert.Contains(upstreamModel == "a" ? "data:image/png;base64," + Pixel[..16] : "\"media_type\":\"image/png\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaudeCode_PrintMode_AnsweredThroughTheGateway()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);
        var home = Home();

        var run = await clients.RunAsync("claude", ["-p", "Say hello in five words."], home, new Dictionary<string, string>
        {
            ["ANTHROPIC_BASE_URL"] = gateway.BaseUrl,
            ["ANTHROPIC_API_KEY"] = "dummy",
            ["ANTHROPIC_MODEL"] = "default",
            ["DISABLE_TELEMETRY"] = "1",
            ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Hello from a", run.Stdout, StringComparison.Ordinal);
        var sent = upstream.Received.Where(r => r.Model == "a").ToList();
        Assert.NotEmpty(sent);
        // Its role:"system" entry reached the OpenAI upstream as a system message.
        Assert.Contains(sent, r => r.BodyText.Contains("# Environment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Codex_Exec_PlainTurnOverTheResponsesApi_WebSearchDropped()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);
        var (home, codexHome) = await CodexHomeAsync(gateway);

        var run = await CodexAsync(home, codexHome, "Say hello in five words.");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Hello from a", run.Stdout, StringComparison.Ordinal);
        var sent = Assert.Single(upstream.Received);
        Assert.Equal("/v1/chat/completions", sent.Path);
        // Codex's function tools arrive flat (its hosted web_search tool is dropped for the chat upstream).
        var tools = sent.Json().RootElement.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()).ToArray();
        Assert.Contains("exec_command", tools);
    }

    [Fact]
    public async Task Codex_Exec_ToolTurn_RunsTheCommandAndAnswersWithItsOutput()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        upstream.Script("a", new Scenario.ToolCall("exec_command", """{"cmd":"echo majordomo-tool-ok"}"""), new Scenario.Ok("The command printed it."));
        await using var gateway = await TestGateway.StartAsync(Config, upstream);
        var (home, codexHome) = await CodexHomeAsync(gateway);

        var run = await CodexAsync(home, codexHome, "Run echo majordomo-tool-ok and tell me what it printed.");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("The command printed it.", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, upstream.Received.Count);
        // The second call carries the tool call and its output (the command really ran).
        var messages = upstream.Received[1].Json().RootElement.GetProperty("messages").EnumerateArray().ToArray();
        var tool = Assert.Single(messages, m => m.GetProperty("role").GetString() == "tool");
        Assert.Contains("majordomo-tool-ok", tool.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A throwaway HOME and a CODEX_HOME outside /tmp (Codex refuses to create its helpers there) with the provider config.</summary>
    private async Task<(string Home, string CodexHome)> CodexHomeAsync(TestGateway gateway)
    {
        var home = Home();
        var codexHome = Path.Combine(await clients.DirectoryAsync(), "codexhome-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(codexHome);
        await File.WriteAllTextAsync(Path.Combine(codexHome, "config.toml"), $"""
            model = "default"
            model_provider = "majordomo"
            [model_providers.majordomo]
            name = "Majordomo"
            base_url = "{gateway.BaseUrl}/v1"
            env_key = "MAJORDOMO_API_KEY"
            wire_api = "responses"
            request_max_retries = 0
            stream_max_retries = 0
            """);
        return (home, codexHome);
    }

    private async Task<AgentRun> CodexAsync(string home, string codexHome, string prompt)
    {
        try
        {
            return await clients.RunAsync("codex", ["exec", "--skip-git-repo-check", "-s", "workspace-write", "-C", home, prompt], home, new Dictionary<string, string>
            {
                ["CODEX_HOME"] = codexHome,
                ["MAJORDOMO_API_KEY"] = "dummy",
            }, timeoutSeconds: 180);
        }
        finally
        {
            Directory.Delete(codexHome, recursive: true);
        }
    }

    private async Task<AgentRun> OpenClawAsync(TestGateway gateway, string api, string home, string route, string message, string? session = null)
    {
        var config = Path.Combine(home, "openclaw.json5");
        var baseUrl = api == "anthropic-messages" ? gateway.BaseUrl : gateway.BaseUrl + "/v1";
        await File.WriteAllTextAsync(config, $$"""
            {
              models: { providers: { majordomo: {
                api: "{{api}}", baseUrl: "{{baseUrl}}", apiKey: "dummy",
                models: [
                  { id: "default", name: "Majordomo default", input: ["text", "image"], contextWindow: 128000, maxTokens: 8192 },
                  { id: "auto", name: "Majordomo smart", input: ["text", "image"], contextWindow: 128000, maxTokens: 8192 },
                  { id: "loop", name: "Majordomo loop", input: ["text"], contextWindow: 128000, maxTokens: 8192 },
                  { id: "anthropic", name: "Majordomo via Anthropic", input: ["text", "image"], contextWindow: 128000, maxTokens: 8192 },
                ],
              } } },
              agents: { defaults: { model: { primary: "majordomo/default" }, workspace: "{{home}}" } },
            }
            """);
        string[] args = session is null
            ? ["agent", "exec", message, "--config", config, "--model", "majordomo/" + route, "--json", "--cwd", home]
            : ["agent", "--local", "--session-id", session, "--message", message, "--model", "majordomo/" + route, "--json"];
        var env = new Dictionary<string, string> { ["OPENCLAW_CONFIG_PATH"] = config };
        return await clients.RunAsync("openclaw", args, home, env, timeoutSeconds: 180);
    }

    private static string Final(AgentRun run)
    {
        var start = run.Stdout.IndexOf('{');
        Assert.True(start >= 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout[start..]);
        var root = doc.RootElement;
        // `agent exec --json` has "final"; `agent --local --json` has "payloads".
        return root.TryGetProperty("final", out var final) ? final.GetString()!
            : root.TryGetProperty("payloads", out var payloads) && payloads.GetArrayLength() > 0 ? payloads[0].GetProperty("text").GetString()!
            : root.GetRawText();
    }

    private const string Pixel = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    private static string Home()
    {
        var home = Path.Combine(Path.GetTempPath(), "majordomo-agent-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(home);
        return home;
    }
}
