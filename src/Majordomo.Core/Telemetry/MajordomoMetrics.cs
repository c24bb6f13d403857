using System.Diagnostics;
using System.Diagnostics.Metrics;
using Majordomo.Storage;

namespace Majordomo.Telemetry;

/// <summary>
/// The gateway's instruments (SPEC §4 <c>/metrics</c>): one <see cref="Meter"/> named <c>Majordomo</c>,
/// recorded once per request from its request-log row (attempts included), never per chunk. The names
/// are the Prometheus names; the exporter keeps them as they are. Label values are config names only.
/// </summary>
internal sealed class MajordomoMetrics
{
    public const string MeterName = "Majordomo";

    private readonly RequestCounters _counters = new();
    private readonly Counter<long> _fallbacks;
    private readonly Counter<long> _loopGuard;
    private readonly Counter<long> _cache;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _firstToken;

    public MajordomoMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        // The counters every request adds to are summed in _counters and read at collection (see RequestCounters).
        Meter.CreateObservableCounter("majordomo_requests_total", _counters.ObserveRequests, null, "Requests that reached routing, by route, answering model, tier and HTTP status sent.");
        Meter.CreateObservableCounter("majordomo_attempts_total", _counters.ObserveAttempts, null, "Upstream calls, by provider, model and outcome (the failure class or ok).");
        _fallbacks = Meter.CreateCounter<long>("majordomo_fallbacks_total", null, "Requests answered by a model other than the first one tried.");
        Meter.CreateObservableCounter("majordomo_tokens_total", _counters.ObserveTokens, null, "Tokens of answered requests, by model and direction (input / output).");
        Meter.CreateObservableCounter("majordomo_cost_usd_total", _counters.ObserveCost, null, "USD cost of answered requests, by model.");
        _loopGuard = Meter.CreateCounter<long>("majordomo_loop_guard_total", null, "Requests the loop guard flagged, by level (warning, critical, breaker).");
        _cache = Meter.CreateCounter<long>("majordomo_cache_total", null, "Response-cache events, by result: hit, miss, bypass (per request), store and evict (per entry).");
        _duration = Meter.CreateHistogram("majordomo_request_duration_seconds", "s", "Whole request duration, by route and answering model.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
        _firstToken = Meter.CreateHistogram("majordomo_time_to_first_token_seconds", "s", "Time to the first streamed byte, by route and answering model.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
    }

    /// <summary>Request latencies from a cached answer (ms) to a long reasoning stream (minutes).</summary>
    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    /// <summary>The meter, for the gauges registered beside it (<c>Monitoring/StateGauges</c>).</summary>
    public Meter Meter { get; }

    /// <summary>
    /// Records a finished request from its row. <paramref name="routed"/> is false for a request refused
    /// before routing (the loop guard's breaker): it counts for the loop guard only.
    /// </summary>
    public void Record(RequestLogRecord row, bool routed, string? loopLevel)
    {
        if (row.Cache is { } cache)
        {
            RecordCache(cache);
        }

        if (loopLevel is not null)
        {
            _loopGuard.Add(1, new KeyValuePair<string, object?>("level", loopLevel));
        }

        var attempts = row.Attempts;
        for (var i = 0; i < attempts.Count; i++)
        {
            _counters.Attempt(attempts[i]);
        }

        if (!routed)
        {
            return;
        }

        var route = row.Route ?? "";
        var model = row.AnsweredBy ?? "";
        var counted = _counters.Request(route, row.AnsweredBy, row.Tier ?? "", row.Status);
        Interlocked.Increment(ref counted.Count);
        var routeModel = new TagList { { "route", route }, { "model", model } };
        _duration.Record(row.DurationMs / 1000, routeModel);
        if (row.FirstByteMs is { } firstByte && row.Stream)
        {
            _firstToken.Record(firstByte / 1000, routeModel);
        }

        if (row.AnsweredBy is null)
        {
            return;
        }

        if (attempts.Count > 0 && attempts[0].Model != row.AnsweredBy)
        {
            _fallbacks.Add(1, new KeyValuePair<string, object?>("route", route));
        }

        counted.Model!.AddAnswer(row.InputTokens, row.OutputTokens, row.CostUsd);
    }

    /// <summary>One response-cache event (<c>hit</c>, <c>miss</c>, <c>bypass</c>, <c>store</c>, <c>evict</c>: constants, never request text).</summary>
    public void RecordCache(string result, long count = 1)
    {
        if (count > 0)
        {
            _cache.Add(count, new KeyValuePair<string, object?>("result", result));
        }
    }
}
