using System.Net;
using System.Text;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;

namespace Majordomo.FunctionalTests.BadInput;

/// <summary>
/// The bad-input corpus (<c>BadInput/*.jsonl</c>, one case a line; format in <c>BadInput/README.md</c>)
/// against the real gateway: every case gets its 4xx with a JSON error in the shape of the path's
/// ingress, no malformed request reaches an upstream, and the gateway is healthy and serves after.
/// Cases marked <c>pending</c> wait on another branch's fix: for them only the invariants that already
/// hold are checked (a 4xx, no upstream call), never the full expectation.
/// </summary>
public sealed class BadInputCorpusTests
{
    internal const string GatewayKey = "corpus-key-0123456789";

    private const string Config = $$"""
        {
          "server": { "maxRequestBytes": 65536, "apiKeys": [ { "name": "corpus", "key": "{{GatewayKey}}" } ] },
          "providers": {
            "up": { "api": "openai", "baseUrl": "{UPSTREAM}", "retries": 0, "credentials": [ { "id": "k", "apiKey": "sk-corpus-upstream-key" } ] },
            "an": { "api": "anthropic", "baseUrl": "{UPSTREAM}", "retries": 0, "credentials": [ { "id": "k", "apiKey": "sk-ant-corpus-upstream" } ] }
          },
          "models": {
            "up/a": { "provider": "up", "upstreamModel": "a" },
            "an/c": { "provider": "an", "upstreamModel": "c", "maxOutputTokens": 100 }
          },
          "routes": { "default": { "chain": ["up/a"] } },
          "defaultRoute": "default"
        }
        """;

    public static IReadOnlyList<CorpusCase> Cases { get; } = CorpusCase.LoadAll(Path.Combine(AppContext.BaseDirectory, "BadInput"));

    [Fact]
    public void Corpus_HasAtLeast150CasesOverBothIngresses()
    {
        Assert.True(Cases.Count >= 150, $"{Cases.Count} cases");
        Assert.True(Cases.Count(c => c.Path == "/v1/chat/completions") >= 50);
        Assert.True(Cases.Count(c => c.Path.StartsWith("/v1/messages", StringComparison.Ordinal)) >= 40);
        Assert.Equal(Cases.Count, Cases.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public async Task EveryCase_4xxJsonErrorInTheIngressShape_NoUpstreamCall_GatewayHealthyAfter()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);
        using var handler = new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(gateway.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var failures = new List<string>();

        foreach (var c in Cases)
        {
            var problem = await RunAsync(http, c);
            if (problem is not null)
            {
                failures.Add($"{c.Id}: {problem}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {Cases.Count} cases failed:\n" + string.Join("\n", failures));
        Assert.Empty(upstream.Received);

        // Still healthy, and still serving every ingress.
        using var health = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var chat = await http.SendAsync(CorpusCase.Valid("/v1/chat/completions", """{"model":"up/a","messages":[{"role":"user","content":"hi"}]}"""));
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        using var messages = await http.SendAsync(CorpusCase.Valid("/v1/messages", """{"model":"an/c","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}"""));
        Assert.Equal(HttpStatusCode.OK, messages.StatusCode);
        using var responses = await http.SendAsync(CorpusCase.Valid("/v1/responses", """{"model":"up/a","input":"hi"}"""));
        Assert.Equal(HttpStatusCode.OK, responses.StatusCode);
        Assert.Equal(3, upstream.Received.Count);
    }

    /// <summary>Null when the case held; else what went wrong.</summary>
    private static async Task<string?> RunAsync(HttpClient http, CorpusCase c)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(c.ToRequest());
        }
        catch (HttpRequestException ex)
        {
            return c.Pending is null ? "no response: " + ex.Message : null;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            if (status >= 500)
            {
                return $"{status} (a server error) {Clip(text)}";
            }

            if (c.Kestrel is not null)
            {
                // Refused by the server before the gateway sees it: no hook can shape that answer.
                return status == c.Status && text.Length == 0 ? null : $"expected Kestrel's bare {c.Status}, got {status} {Clip(text)}";
            }

            if (c.Pending is not null)
            {
                // Refused, if not yet in the right shape.
                return status is >= 400 and < 500 ? null : $"pending on {c.Pending}, but {status}: not even refused";
            }

            if (status != c.Status)
            {
                return $"expected {c.Status}, got {status} {Clip(text)}";
            }

            var shapeProblem = CheckShape(c, response, text);
            if (shapeProblem is not null)
            {
                return shapeProblem;
            }

            return c.Contains is { } expected && !text.Contains(expected, StringComparison.Ordinal)
                ? $"message lacks \"{expected}\": {Clip(text)}"
                : null;
        }
    }

    private static string? CheckShape(CorpusCase c, HttpResponseMessage response, string text)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return $"content type {response.Content.Headers.ContentType?.MediaType ?? "(none)"}: {Clip(text)}";
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (c.AnthropicShape)
            {
                // {"type":"error","error":{"type":"…","message":"…"}}
                return root.TryGetProperty("type", out var type) && type.GetString() == "error" &&
                       root.TryGetProperty("error", out var error) && error.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String &&
                       error.TryGetProperty("message", out var m) && m.GetString() is { Length: > 0 }
                    ? null
                    : "not an Anthropic error: " + Clip(text);
            }

            // {"error":{"message":"…","type":"…"}}
            return root.TryGetProperty("error", out var e) && e.TryGetProperty("message", out var message) && message.GetString() is { Length: > 0 } &&
                   e.TryGetProperty("type", out var kind) && kind.ValueKind == JsonValueKind.String
                ? null
                : "not an OpenAI error: " + Clip(text);
        }
        catch (JsonException)
        {
            return "not JSON: " + Clip(text);
        }
    }

    private static string Clip(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
