using System.Diagnostics;
using System.Diagnostics.Metrics;
using Majordomo.Storage;

namespace Majordomo.Bench.RequestPath;

/// <summary>
/// <c>MajordomoMetrics.Record</c> as it was before the per-request counters were summed in the gateway (commit
/// fccd170): every counter synchronous, each update's tags hashed by the SDK. Kept for <c>requestpath</c> to time
/// against; its meter has its own name so both can be listened to at once.
/// </summary>
internal sealed class BaselineMetrics
{
    public const string MeterName = "Majordomo.Baseline";

    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private readonly Counter<long> _requests;
    private readonly Counter<long> _attempts;
    private readonly Counter<long> _fallbacks;
    private readonly Counter<long> _tokens;
    private readonly Counter<double> _cost;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _firstToken;

    public BaselineMetrics(Meter meter)
    {
        _requests = meter.CreateCounter<long>("majordomo_requests_total");
        _attempts = meter.CreateCounter<long>("majordomo_attempts_total");
        _fallbacks = meter.CreateCounter<long>("majordomo_fallbacks_total");
        _tokens = meter.CreateCounter<long>("majordomo_tokens_total");
        _cost = meter.CreateCounter<double>("majordomo_cost_usd_total");
        _duration = meter.CreateHistogram("majordomo_request_duration_seconds", "s", null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
        _firstToken = meter.CreateHistogram("majordomo_time_to_first_token_seconds", "s", null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
    }

    /// <summary>The old <c>Record</c> for a routed row with no cache result and no loop level.</summary>
    public void Record(RequestLogRecord row)
    {
        var attempts = row.Attempts;
        for (var i = 0; i < attempts.Count; i++)
        {
            var a = attempts[i];
            _attempts.Add(1, new TagList { { "provider", a.Provider }, { "model", a.Model }, { "outcome", a.Outcome } });
        }

        var route = row.Route ?? "";
        var model = row.AnsweredBy ?? "";
        _requests.Add(1, new TagList { { "route", route }, { "model", model }, { "tier", row.Tier ?? "" }, { "status", row.Status == 200 ? "200" : "other" } });
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

        _tokens.Add(row.InputTokens, new TagList { { "model", model }, { "direction", "input" } });
        _tokens.Add(row.OutputTokens, new TagList { { "model", model }, { "direction", "output" } });
        if (row.CostUsd is { } usd)
        {
            _cost.Add(usd, new KeyValuePair<string, object?>("model", model));
        }
    }
}
