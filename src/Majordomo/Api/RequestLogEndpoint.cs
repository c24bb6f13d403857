using System.Globalization;
using System.Text.Json;
using Majordomo.Engine;
using Majordomo.Gateway;
using Majordomo.Storage;

namespace Majordomo.Api;

/// <summary>
/// <c>GET /v1/requests?limit=N&amp;since=ISO</c> (SPEC §4): the newest request-log rows with their
/// decision record, <c>{"data": [row, …]}</c>. A row holds config names, ids, counts and outcomes only:
/// no prompt or answer text, no upstream error text, never a key (only the key's configured name).
/// </summary>
internal sealed class RequestLogEndpoint(SnapshotHolder snapshots, IRequestLogStore requests, RequestIds ids)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public async Task HandleAsync(HttpContext context)
    {
        context.Response.Headers["X-Request-Id"] = ids.New();
        if (await Caller.RequireAsync(context, snapshots.Current, Ingress.OpenAI).ConfigureAwait(false) is not { } caller)
        {
            return;
        }

        if (!TryParseLimit(context.Request.Query["limit"].FirstOrDefault(), out var limit))
        {
            await Errors.WriteAsync(context, 400, $"'limit' must be a whole number from 1 to {MaxLimit}.", "invalid_request_error", "invalid_limit", "limit").ConfigureAwait(false);
            return;
        }

        if (!TryParseSince(context.Request.Query["since"].FirstOrDefault(), out var since))
        {
            await Errors.WriteAsync(context, 400, "'since' must be an ISO 8601 time such as 2026-05-10T12:00:00Z.", "invalid_request_error", "invalid_since", "since").ConfigureAwait(false);
            return;
        }

        IReadOnlyList<RequestLogRecord> rows;
        try
        {
            rows = await requests.RecentAsync(new RecentQuery(limit, since, caller.Tenant), context.RequestAborted).ConfigureAwait(false);
        }
        catch (StoreException ex)
        {
            await Errors.WriteAsync(context, 503, "The request log cannot be read: " + ex.Message, "server_error", "store_unavailable").ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        RequestRowJson.WriteList(writer, rows);
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    internal static bool TryParseLimit(string? text, out int limit)
    {
        limit = DefaultLimit;
        return text is null || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit);
    }

    internal static bool TryParseSince(string? text, out DateTimeOffset? since)
    {
        since = null;
        if (text is null)
        {
            return true;
        }

        // ISO 8601 with a date and a time; a time without an offset is UTC.
        if (text.Length >= 16 && text[4] == '-' && text[10] == 'T' &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            since = parsed;
            return true;
        }

        return false;
    }
}

/// <summary>One request-log row as <c>/v1/requests</c> shows it (the SPEC §4 field names, snake_case as in <c>/stats</c>).</summary>
internal static class RequestRowJson
{
    public static void WriteList(Utf8JsonWriter w, IReadOnlyList<RequestLogRecord> rows)
    {
        w.WriteStartObject();
        w.WriteStartArray("data");
        foreach (var row in rows)
        {
            Write(w, row);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, RequestLogRecord r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("time", r.Timestamp.UtcDateTime);
        w.WriteString("route", r.Route);
        w.WriteString("requested", r.RequestedModel);
        w.WriteString("model", r.AnsweredBy);
        w.WriteString("tier", r.Tier);
        w.WriteString("rule", r.Rule);
        w.WriteStartObject("classification");
        w.WriteString("complexity", r.Complexity);
        w.WriteString("taskType", r.TaskType);
        w.WriteBooleanOrNull("sensitive", r.Sensitive);
        w.WriteString("source", r.ClassifierSource);
        w.WriteEndObject();
        w.WriteNumber("status", r.Status);
        w.WriteStartArray("attempts");
        foreach (var a in r.Attempts)
        {
            // The attempt's reason is left out: it quotes the upstream (redacted, but still its text).
            w.WriteStartObject();
            AttemptsJson.WriteOutcome(w, a);
            w.WriteNumber("ms", Math.Round(a.DurationMs, 1));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("input_tokens", r.InputTokens);
        w.WriteNumber("output_tokens", r.OutputTokens);
        w.WriteNumberOrNull("cost_usd", r.CostUsd);
        w.WriteNumber("latency_ms", Math.Round(r.DurationMs, 1));
        // Time to first token means a stream's first byte, as in majordomo_time_to_first_token_seconds.
        w.WriteNumberOrNull("ttft_ms", r.Stream && r.FirstByteMs is { } ttft ? Math.Round(ttft, 1) : null);
        w.WriteString("degradation", r.Degradation);
        w.WriteString("loop", r.Loop);
        // The response cache's verdict (SPEC §8: hit, miss, bypass); null while the cache is off.
        w.WriteString("cache", r.Cache);
        w.WriteString("key_name", r.ApiKey);
        w.WriteEndObject();
    }
}
