using System.Text.Json;
using Majordomo.Chat;
using Majordomo.Execution;
using Majordomo.Providers;
using Majordomo.Providers.Anthropic;
using Majordomo.Routing;

namespace Majordomo.Caching;

/// <summary>
/// The cache's verdict on one routed request (SPEC §8): <see cref="Result"/> is the <c>X-Router-Cache</c>
/// value; <see cref="Key"/> is set when the answer may be stored (a miss, or a <c>no-cache</c> refresh);
/// <see cref="Hit"/> is the stored answer to serve.
/// </summary>
internal readonly record struct CacheLookup(string Result, CacheKey? Key, CachedAnswer? Hit, TimeSpan Ttl)
{
    /// <summary>
    /// Looks <paramref name="request"/> up. The key's model is the one the decision resolved to, before any
    /// fallback (the plan's first entry): a plain route keeps its entries while its first model is healthy.
    /// <c>Cache-Control: no-cache</c> skips the lookup but stores the fresh answer; <c>no-store</c> and
    /// <c>metadata.cache: false</c> skip both.
    /// </summary>
    public static CacheLookup Of(ResponseCache cache, CacheSettings settings, RoutePlan plan, ChatRequest request, string? cacheControl)
    {
        var ttl = settings.TtlFor(plan.RouteName);
        if (ttl <= TimeSpan.Zero || plan.Attempts.Count == 0 || Has(cacheControl, "no-store"))
        {
            return new CacheLookup(CacheResults.Bypass, null, null, ttl);
        }

        CacheKey? key;
        try
        {
            key = CacheKey.Of(request.Body, request.Protocol, plan.Attempts[0].Model.Id, request.ApiKeyName);
        }
        catch (JsonException)
        {
            key = null; // the reader accepted it, so this does not happen; never cache what cannot be keyed
        }

        if (key is not { } k)
        {
            return new CacheLookup(CacheResults.Bypass, null, null, ttl);
        }

        if (Has(cacheControl, "no-cache"))
        {
            return new CacheLookup(CacheResults.Bypass, k, null, ttl);
        }

        return cache.Get(k) is { } hit
            ? new CacheLookup(CacheResults.Hit, k, hit, ttl)
            : new CacheLookup(CacheResults.Miss, k, null, ttl);
    }

    /// <summary>The verdict once the chain runs: a hit that could not be served (see <see cref="CachedReplay.TryServeAsync"/>) is a miss.</summary>
    public CacheLookup Unserved() => Hit is null ? this : this with { Result = CacheResults.Miss, Hit = null };

    /// <summary>The sink the chain writes to: <paramref name="sink"/> wrapped to keep a copy when the answer may be stored.</summary>
    public IClientSink Capture(IClientSink sink, CacheSettings settings, out CapturingSink? capture)
    {
        capture = Key is null ? null : new CapturingSink(sink, settings.MaxEntryBytes);
        return capture ?? sink;
    }

    private static bool Has(string? cacheControl, string directive) =>
        cacheControl is not null && cacheControl.Contains(directive, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A hit as served: the plan with tier <c>cache</c> (what the log and headers say) and what the request log records.</summary>
internal sealed record CacheServed(RoutePlan Plan, ExecutionOutcome Outcome);

/// <summary>Writes a stored answer to the client in the form it asked for (SPEC §8): no upstream call, no budget.</summary>
internal static class CachedReplay
{
    /// <summary>
    /// Serves <paramref name="hit"/> with tier <c>cache</c> and no attempt. Null, with nothing sent, when its
    /// model left the catalog (a reload) or the stored form cannot be converted: the caller treats it as a miss.
    /// </summary>
    public static async Task<CacheServed?> TryServeAsync(CachedAnswer hit, Catalog.Catalog catalog, RoutePlan plan, WireProtocol protocol, ChatRequest request, IClientSink sink, long created,
        CancellationToken cancellationToken)
    {
        if (!catalog.Models.TryGetValue(hit.Model, out var model) ||
            await PrepareAsync(hit, protocol, request.Stream, created, cancellationToken).ConfigureAwait(false) is not { } prepared)
        {
            return null;
        }

        var cachedPlan = plan with { Tier = RouteTier.Cache };
        var outcome = await ServeAsync(prepared, new AnswerInfo(model, cachedPlan, 0), protocol, request, sink, cancellationToken).ConfigureAwait(false);
        return new CacheServed(cachedPlan, outcome);
    }

    /// <summary>
    /// The answer as the request wants it: the stored bytes when the form matches, else converted
    /// (<see cref="AnswerForms"/>). Null when the conversion fails; the caller then treats it as a miss.
    /// </summary>
    private static async Task<Prepared?> PrepareAsync(CachedAnswer answer, WireProtocol protocol, bool stream, long created, CancellationToken cancellationToken)
    {
        try
        {
            if (stream == answer.Streamed)
            {
                return new Prepared(answer, null, null);
            }

            return stream
                ? new Prepared(answer, null, AnswerForms.BodyToEvents(protocol, answer.Bytes, created))
                : new Prepared(answer, await AnswerForms.StreamToBodyAsync(protocol, answer.Bytes, created, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or TranslationException)
        {
            return null;
        }
    }

    /// <summary>Sends <paramref name="prepared"/> through the ingress's sink; the outcome is what the request log records.</summary>
    private static async Task<ExecutionOutcome> ServeAsync(Prepared prepared, AnswerInfo info, WireProtocol protocol, ChatRequest request, IClientSink sink, CancellationToken cancellationToken)
    {
        var answer = prepared.Answer;
        long bytes = 0;
        try
        {
            if (!request.Stream)
            {
                var body = prepared.Body ?? answer.Bytes;
                bytes = body.Length;
                await sink.WriteBodyAsync(info, body, prepared.Body is null ? answer.ContentType : "application/json", cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await sink.StartStreamAsync(info, cancellationToken).ConfigureAwait(false);
                bytes = await StreamAsync(prepared, protocol, request, sink, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            return new ExecutionOutcome { Status = ExecutionStatus.Cancelled, Attempts = [], AnsweredBy = answer.Model, AnswerBytes = bytes };
        }

        return new ExecutionOutcome { Status = ExecutionStatus.Answered, Attempts = [], AnsweredBy = answer.Model, Usage = Usage.None, AnswerBytes = bytes };
    }

    /// <summary>Events through the protocol's relay, as a live stream's are (a usage chunk the client did not ask for is left out).</summary>
    private static async Task<long> StreamAsync(Prepared prepared, WireProtocol protocol, ChatRequest request, IClientSink sink, CancellationToken cancellationToken)
    {
        var progress = new StreamProgress { ClientWantsUsage = request.ClientWantsUsage };
        if (prepared.Events is { } events)
        {
            try
            {
                protocol.Relay.Relay(events, sink, ref progress);
            }
            finally
            {
                // The events' array and the chunk shape's bytes go back to the pool, as a live stream's do.
                events.Release();
                progress.ChunkShape?.Release();
            }
        }
        else
        {
            var stored = prepared.Answer.Bytes;
            var reader = new SseBatchReader(new MemoryStream(stored, writable: false), stored.Length + 1);
            var batch = new SseBatch();
            try
            {
                while (await reader.ReadAsync(batch, cancellationToken).ConfigureAwait(false))
                {
                    protocol.Relay.Relay(batch, sink, ref progress);
                }
            }
            finally
            {
                reader.Complete();
                batch.Release();
                progress.ChunkShape?.Release();
            }
        }

        await sink.FlushAsync(cancellationToken).ConfigureAwait(false);
        return progress.AnswerBytes;
    }

    /// <summary>A stored answer ready to send: as stored, or converted to a body or to events.</summary>
    internal sealed record Prepared(CachedAnswer Answer, byte[]? Body, SseBatch? Events);
}
