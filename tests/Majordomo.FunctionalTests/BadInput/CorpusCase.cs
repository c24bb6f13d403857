using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Majordomo.FunctionalTests.BadInput;

/// <summary>One line of a <c>BadInput/*.jsonl</c> file: a request and the answer it must get.</summary>
public sealed record CorpusCase
{
    public required string Id { get; init; }
    public string Method { get; init; } = "POST";
    public required string Path { get; init; }

    /// <summary><c>bearer</c>, <c>x-api-key</c> (the gateway key in that header) or <c>none</c>; by default the ingress's usual header.</summary>
    public string? Auth { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public byte[]? Body { get; init; }
    public string ContentType { get; init; } = "application/json";
    public required int Status { get; init; }
    public string? Contains { get; init; }

    /// <summary>The branch whose fix this case waits on; only the invariants are checked until then.</summary>
    public string? Pending { get; init; }

    /// <summary>Why Kestrel refuses this case before any application code runs: its exact status, with Kestrel's empty body.</summary>
    public string? Kestrel { get; init; }

    /// <summary>Anthropic's error shape on <c>/v1/messages</c> paths, OpenAI's elsewhere.</summary>
    public bool AnthropicShape => Path.StartsWith("/v1/messages", StringComparison.Ordinal);

    public static IReadOnlyList<CorpusCase> LoadAll(string directory) =>
        [.. Directory.GetFiles(directory, "*.jsonl").Order(StringComparer.Ordinal).SelectMany(Load)];

    private static IEnumerable<CorpusCase> Load(string file)
    {
        var number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            yield return new CorpusCase
            {
                Id = $"{System.IO.Path.GetFileNameWithoutExtension(file)}/{root.GetProperty("id").GetString()}",
                Method = Text(root, "method") ?? "POST",
                Path = root.GetProperty("path").GetString()!,
                Auth = Text(root, "auth"),
                Headers = root.TryGetProperty("headers", out var h) ? h.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!) : new Dictionary<string, string>(),
                Body = BodyOf(root),
                ContentType = Text(root, "contentType") ?? "application/json",
                Status = root.GetProperty("status").GetInt32(),
                Contains = Text(root, "contains"),
                Pending = Text(root, "pending"),
                Kestrel = Text(root, "kestrel"),
            };
        }
    }

    private static string? Text(JsonElement root, string name) => root.TryGetProperty(name, out var v) ? v.GetString() : null;

    /// <summary><c>body</c>: a string, or parts (strings and <c>{"repeat": s, "times": n}</c>) for huge or deep bodies; <c>bodyBase64</c>: raw bytes.</summary>
    private static byte[]? BodyOf(JsonElement root)
    {
        if (root.TryGetProperty("bodyBase64", out var raw))
        {
            return Convert.FromBase64String(raw.GetString()!);
        }

        if (!root.TryGetProperty("body", out var body))
        {
            return null;
        }

        if (body.ValueKind == JsonValueKind.String)
        {
            return Encoding.UTF8.GetBytes(body.GetString()!);
        }

        var text = new StringBuilder();
        foreach (var part in body.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.String)
            {
                text.Append(part.GetString());
            }
            else
            {
                text.Insert(text.Length, part.GetProperty("repeat").GetString()!, part.GetProperty("times").GetInt32());
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(Path, UriKind.Relative));
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType != "none")
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        switch (Auth ?? (AnthropicShape ? "x-api-key" : "bearer"))
        {
            case "bearer":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BadInputCorpusTests.GatewayKey);
                break;
            case "x-api-key":
                request.Headers.TryAddWithoutValidation("x-api-key", BadInputCorpusTests.GatewayKey);
                break;
        }

        foreach (var (name, value) in Headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    /// <summary>A well-formed request with the gateway key, to show the gateway still serves.</summary>
    public static HttpRequestMessage Valid(string path, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BadInputCorpusTests.GatewayKey);
        return request;
    }

    public override string ToString() => Id;
}
