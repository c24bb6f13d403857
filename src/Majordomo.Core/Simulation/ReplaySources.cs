using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Majordomo.Chat;
using Majordomo.Chat.Agents;
using Majordomo.Providers;
using Majordomo.Providers.OpenAI;
using Majordomo.Storage;

namespace Majordomo.Simulation;

/// <summary>A replay input line that cannot be read; the message names the line.</summary>
internal sealed class ReplayInputException(string message) : Exception(message);

/// <summary>Where recorded requests come from: the request log (<c>--from-store</c>) or a JSONL file (<c>--log</c>).</summary>
internal static class ReplaySources
{
    /// <summary>Tiers of rows a replay leaves out: router-answered commands and cache hits reached no model then.</summary>
    private static readonly string[] NotReplayed = ["self", "cache"];

    /// <summary>
    /// The request log's rows in the window, oldest first. A row with its body (<c>storage.logPrompts</c>)
    /// is replayed exactly; otherwise from its recorded facts (tokens, output cap, media, tools,
    /// classification, matched rule). Commands, cache hits and loop-guard refusals are skipped (counted in <paramref name="skipped"/>).
    /// </summary>
    public static async IAsyncEnumerable<ReplayRequest> FromStoreAsync(IRequestLogStore store, DateTimeOffset since, DateTimeOffset until, Counter skipped,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in store.ReplayAsync(since, until, cancellationToken).ConfigureAwait(false))
        {
            if (row.Tier is null || Array.IndexOf(NotReplayed, row.Tier) >= 0)
            {
                skipped.Value++;
                continue;
            }

            yield return FromRow(row);
        }
    }

    /// <summary>One row as a request to route again.</summary>
    internal static ReplayRequest FromRow(RequestLogRecord row)
    {
        var request = row.Body is { } body ? ParseOrNull(Encoding.UTF8.GetBytes(body), row.Ingress) : null;
        request ??= new ChatRequest
        {
            Body = ReadOnlyMemory<byte>.Empty,
            Protocol = row.Ingress,
            Model = row.RequestedModel,
            Stream = row.Stream,
            ReplayedPrompt = PromptView.FromRecord(new RecordedPrompt(
                row.PromptTokens ?? (int)Math.Min(int.MaxValue, row.InputTokens), row.MaxOutputTokens, row.HasMedia ?? false, row.HasTools ?? false,
                row.Complexity, row.TaskType, row.Sensitive ?? false, row.Rule)),
        };
        request.Metadata = new RequestMetadata(row.Source, row.Channel, row.Session, row.Kind, null);
        request.ApiKeyName = row.ApiKey;
        var failed = new List<string>();
        foreach (var attempt in row.Attempts)
        {
            if (attempt.Outcome != "ok" && !failed.Contains(attempt.Model))
            {
                failed.Add(attempt.Model);
            }
        }

        return new ReplayRequest(true, row.Timestamp, request, row.AnsweredBy, row.CostUsd ?? 0, row.QuotaUnits, row.InputTokens, row.OutputTokens, failed);
    }

    /// <summary>
    /// A JSONL file (SPEC §3): one <c>{"time": ISO 8601, "body": {…}, "headers": {…}}</c> a line, headers
    /// optional; also optional: <c>"usage": {"input_tokens", "output_tokens"}</c> (the real answer's tokens, for
    /// USD; without it input is the prompt's estimate and output 0) and <c>"answered_by"</c> (the model that
    /// really answered, for the difference). Lines are replayed in file order; blank lines are skipped.
    /// </summary>
    public static async IAsyncEnumerable<ReplayRequest> FromJsonlAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            ReplayRequest replay;
            try
            {
                replay = FromLine(line);
            }
            catch (Exception ex) when (ex is JsonException or RequestValidationException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                throw new ReplayInputException($"line {number}: {ex.Message}");
            }

            yield return replay;
        }
    }

    internal static ReplayRequest FromLine(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("expected a JSON object");
        }

        if (!root.TryGetProperty("time", out var timeValue) || timeValue.ValueKind != JsonValueKind.String)
        {
            throw new FormatException("'time' (an ISO 8601 string) is required");
        }

        var time = DateTimeOffset.Parse(timeValue.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        if (!root.TryGetProperty("body", out var bodyValue) || bodyValue.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("'body' (a request object in either protocol) is required");
        }

        var body = Encoding.UTF8.GetBytes(bodyValue.GetRawText());
        var protocol = root.TryGetProperty("protocol", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        var request = Parse(body, protocol ?? Detect(bodyValue));
        request.Metadata = Metadata(root, request);
        long input = 0, output = 0;
        if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            input = Tokens(usage, "input_tokens");
            output = Tokens(usage, "output_tokens");
        }

        var answeredBy = root.TryGetProperty("answered_by", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        return new ReplayRequest(answeredBy is not null, time, request, answeredBy, null, null, input, output, []);
    }

    private static long Tokens(JsonElement usage, string name) =>
        usage.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n > 0 ? n : 0;

    /// <summary>Headers over the body's <c>metadata</c> (as the gateway reads them), then an agent's own heartbeat prompt.</summary>
    private static RequestMetadata Metadata(JsonElement root, ChatRequest request)
    {
        var body = request.Metadata;
        string? Header(string name)
        {
            if (!root.TryGetProperty("headers", out var headers) || headers.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var h in headers.EnumerateObject())
            {
                if (string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase) && h.Value.ValueKind == JsonValueKind.String &&
                    !string.IsNullOrWhiteSpace(h.Value.GetString()))
                {
                    return h.Value.GetString()!.Trim();
                }
            }

            return null;
        }

        var metadata = new RequestMetadata(
            Header("X-Router-Source") ?? body.Source,
            Header("X-Router-Channel") ?? body.Channel,
            Header("X-Router-Session") ?? body.Session,
            Header("X-Router-Kind") ?? body.Kind,
            Header("X-Router-Profile") ?? body.Profile);
        return metadata.Source is null && AgentProfiles.MayBeHeartbeat(request.Body.Span) && request.Prompt.AgentSource is { } source
            ? metadata with { Source = source }
            : metadata;
    }

    /// <summary>A Responses body has <c>input</c>; an Anthropic one a top-level <c>system</c> or content blocks the chat shape lacks.</summary>
    private static string Detect(JsonElement body) =>
        body.TryGetProperty("input", out _) ? Protocols.Responses.Name
        : body.TryGetProperty("system", out _) ? Protocols.Anthropic.Name
        : Protocols.OpenAI.Name;

    private static ChatRequest Parse(byte[] body, string protocol)
    {
        var wire = Protocols.Get(protocol);
        if (wire.Name != protocol)
        {
            throw new FormatException($"unknown protocol '{protocol}' (expected {string.Join(", ", Protocols.All.Select(w => w.Name))})");
        }

        try
        {
            return wire.Parse(body);
        }
        catch (RequestValidationException) when (protocol == Protocols.OpenAI.Name)
        {
            // Anthropic content blocks without a top-level system prompt: the other shape.
            return Protocols.Anthropic.Parse(body);
        }
    }

    private static ChatRequest? ParseOrNull(byte[] body, string protocol)
    {
        try
        {
            return Parse(body, protocol);
        }
        catch (Exception ex) when (ex is RequestValidationException or FormatException)
        {
            return null;
        }
    }
}

/// <summary>A count an iterator can report to its caller.</summary>
internal sealed class Counter
{
    public long Value { get; set; }
}
