using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Majordomo.Catalog;
using Majordomo.Chat;
using Majordomo.Config;
using Majordomo.LoopGuard;
using Majordomo.Providers;
using Majordomo.Providers.OpenAI;
using Majordomo.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Majordomo.Bench.LoopGuard;

/// <summary>
/// The loop guard's cost per request (issue 6: under 5 µs for a typical 50-message conversation):
/// <see cref="ToolLoopGuard.Evaluate"/> on an OpenAI agent conversation of 50 messages (system, user,
/// 24 tool calls with their results of a few hundred bytes each), once with distinct calls and once
/// looping; 10 and 500 messages (the tail read) with distinct calls; a smart route's request (the guard makes the
/// reading routing reuses). <see cref="ReaderPass"/> (and its 10- and 500-message twins) is a bare Utf8JsonReader
/// pass over the same bytes: the floor any reading of the conversation pays, to quote the guard as a ratio on this
/// noisy machine. The <c>Ingress*</c> cases measure the guard as a client's request pays it: the ingress parse that
/// happens anyway, alone (<c>IngressParse_*</c>) and then noting the tool history and evaluated by the guard
/// (<c>IngressGuard_*</c>); the guard's cost is the difference.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class LoopGuardBenchmarks
{
    private ToolLoopGuard _guard = null!;
    private LoopSettingsSet _loop = null!;
    private byte[] _distinct = null!;
    private byte[] _looping = null!;
    private byte[] _long = null!;
    private byte[] _short = null!;
    private byte[] _chat = null!;
    private string _dbPath = null!;

    public static int Run(string[] args) => InProcessBenchmarks.Run<LoopGuardBenchmarks>(args);

    [GlobalSetup]
    public void Setup()
    {
        const string json = """
            { "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1" } },
              "models": { "p/m": { "provider": "p" } }, "routes": { "default": { "chain": ["p/m"] }, "auto": { "strategy": "smart" } }, "defaultRoute": "default" }
            """;
        var loaded = ConfigLoader.Load(json, _ => null);
        _loop = new LoopSettingsSet(CatalogBuilder.Build(loaded.Config!, new ProviderFactory(TimeProvider.System)));
        _dbPath = Path.Combine(Path.GetTempPath(), $"loopbench-{Environment.ProcessId}.db");
        var store = new SqliteStore(_dbPath);
        store.Migrate();
        var state = new LoopStateStore(new SqliteLoopSessionStore(store), TimeProvider.System, NullLogger<LoopStateStore>.Instance);
        _guard = new ToolLoopGuard(state, TimeProvider.System, NullLogger<ToolLoopGuard>.Instance);
        _distinct = Conversation(looping: false);
        _looping = Conversation(looping: true);
        _long = Conversation(looping: false, calls: 249);
        _short = Conversation(looping: false, calls: 4);
        _chat = Chat(turns: 24);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_dbPath + suffix);
        }
    }

    [Benchmark(Baseline = true)]
    public int ReaderPass()
    {
        var reader = new Utf8JsonReader(_distinct);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    [Benchmark]
    public object Evaluate_50Messages_DistinctCalls() =>
        _guard.Evaluate(_loop, new ChatRequest { Body = _distinct, Protocol = "openai", Model = "default", Metadata = new RequestMetadata(null, null, "bench-a", null, null) });

    [Benchmark]
    public int ReaderPass_10Messages()
    {
        var reader = new Utf8JsonReader(_short);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    [Benchmark]
    public object Evaluate_10Messages_DistinctCalls() =>
        _guard.Evaluate(_loop, new ChatRequest { Body = _short, Protocol = "openai", Model = "default", Metadata = new RequestMetadata(null, null, "bench-d", null, null) });

    [Benchmark]
    public int ReaderPass_500Messages()
    {
        var reader = new Utf8JsonReader(_long);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    [Benchmark]
    public object Evaluate_500Messages_DistinctCalls() =>
        _guard.Evaluate(_loop, new ChatRequest { Body = _long, Protocol = "openai", Model = "default", Metadata = new RequestMetadata(null, null, "bench-c", null, null) });

    /// <summary>A smart route's request: the guard makes the one whole reading routing then reuses (no tail read first).</summary>
    [Benchmark]
    public object Evaluate_500Messages_SmartRoute() =>
        _guard.Evaluate(_loop, new ChatRequest { Body = _long, Protocol = "openai", Model = "auto", Metadata = new RequestMetadata(null, null, "bench-e", null, null) });

    /// <summary>The whole prompt reading of the 500 messages: what routing pays for a smart route in any case.</summary>
    [Benchmark]
    public int PromptRead_500Messages() => PromptView.ParseDeferred(_long, "openai").Tools.Count;

    [Benchmark]
    public object Evaluate_50Messages_Looping() =>
        _guard.Evaluate(_loop, new ChatRequest { Body = _looping, Protocol = "openai", Model = "default", Metadata = new RequestMetadata(null, null, "bench-b", null, null) });

    /// <summary>Part of the guard's cost: finding the tail (the last 2 x 20 + 2 messages) from the end of the body.</summary>
    [Benchmark]
    public int TailFind_50Messages() =>
        ConversationTail.TryFind(_distinct, "messages"u8, 42, out var first, out _, out _) ? first : -1;

    /// <summary>The whole prompt reading (<see cref="PromptView"/>) routing makes for a smart route, which the guard then shares.</summary>
    [Benchmark]
    public int PromptRead_50Messages() => PromptView.ParseDeferred(_distinct, "openai").Tools.Count;

    /// <summary>Part of the guard's cost: its own reading of a named model's conversation, the tools alone (no text noted).</summary>
    [Benchmark]
    public int ToolsRead_50Messages() => PromptView.ParseToolsOnly(_distinct, "openai").Tools.Count;

    /// <summary>The ingress parse alone (no tool history noted): what every request pays before the guard runs.</summary>
    [Benchmark]
    public object IngressParse_50Messages() => OpenAIRequestReader.Parse(_distinct, OpenAIRequestReader.Dialect.OpenAI, toolHistory: false);

    /// <summary>The ingress parse noting the tool history, then the guard: a named model's agent request as the endpoint runs it.</summary>
    [Benchmark]
    public object IngressGuard_50Messages() => IngressGuard(_distinct, "bench-f");

    [Benchmark]
    public object IngressGuard_50Messages_Looping() => IngressGuard(_looping, "bench-g");

    [Benchmark]
    public object IngressParse_500Messages() => OpenAIRequestReader.Parse(_long, OpenAIRequestReader.Dialect.OpenAI, toolHistory: false);

    [Benchmark]
    public object IngressGuard_500Messages() => IngressGuard(_long, "bench-h");

    /// <summary>A chat of 50 messages without tools (a named model's ordinary request): the parse alone, and with the guard.</summary>
    [Benchmark]
    public object IngressParse_50Messages_NoTools() => OpenAIRequestReader.Parse(_chat, OpenAIRequestReader.Dialect.OpenAI, toolHistory: false);

    [Benchmark]
    public object IngressGuard_50Messages_NoTools() => IngressGuard(_chat, "bench-i");

    private LoopVerdict IngressGuard(byte[] body, string session)
    {
        using var request = OpenAIRequestReader.Parse(body, OpenAIRequestReader.Dialect.OpenAI, toolHistory: true);
        request.Metadata = new RequestMetadata(null, null, session, null, null);
        return _guard.Evaluate(_loop, request);
    }

    private static byte[] Chat(int turns)
    {
        var sb = new StringBuilder("""{"model":"default","messages":[{"role":"system","content":"You are a helpful assistant. Answer briefly and cite what you used."}""");
        var text = new string('y', 300);
        for (var i = 0; i < turns; i++)
        {
            sb.Append(",{\"role\":\"user\",\"content\":\"Question ").Append(i).Append(": ").Append(text).Append("\"}");
            sb.Append(",{\"role\":\"assistant\",\"content\":\"Answer ").Append(i).Append(": ").Append(text).Append("\"}");
        }

        sb.Append(",{\"role\":\"user\",\"content\":\"Thanks.\"}]}");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>System, user, then <paramref name="calls"/> assistant tool calls each answered by a tool message (24: 50 messages).</summary>
    private static byte[] Conversation(bool looping, int calls = 24)
    {
        var sb = new StringBuilder();
        sb.Append("""{"model":"default","tools":[{"type":"function","function":{"name":"read_file","parameters":{"type":"object"}}}],"messages":[""");
        sb.Append("""{"role":"system","content":"You are a coding agent. Use the tools to inspect and change files; be concise."},""");
        sb.Append("""{"role":"user","content":"The build fails on CI with a missing symbol. Find the cause and fix it, then run the tests."}""");
        var output = new string('x', 300);
        for (var i = 0; i < calls; i++)
        {
            var path = looping && i >= 12 ? "src/app.ts" : $"src/module{i}.ts";
            var result = looping && i >= 12 ? "export const a = 1; // unchanged " + output : $"export const m{i} = {i}; " + output;
            sb.Append(",{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_").Append(i)
              .Append("\",\"type\":\"function\",\"function\":{\"name\":\"read_file\",\"arguments\":\"{\\\"path\\\":\\\"").Append(path).Append("\\\"}\"}}]}");
            sb.Append(",{\"role\":\"tool\",\"tool_call_id\":\"call_").Append(i).Append("\",\"content\":\"").Append(result).Append("\"}");
        }

        sb.Append("]}");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
