using System.Diagnostics.Metrics;
using Majordomo.Storage;
using Majordomo.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Majordomo.Tests.Telemetry;

/// <summary>
/// The per-request counters are summed in the gateway and observed at collection (<see cref="RequestCounters"/>):
/// each series must appear when the row that makes it is recorded, with the labels and value the synchronous
/// counters gave. Read with a listener on this instance's meter only (other tests' gateways share its name).
/// </summary>
public sealed class MajordomoMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MajordomoMetrics _metrics;
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, double> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _observedInOrder = [];

    public MajordomoMetricsTests()
    {
        _metrics = new MajordomoMetrics(_services.GetRequiredService<IMeterFactory>());
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, _metrics.Meter) && instrument.Name.StartsWith("majordomo_", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    [Fact]
    public void Record_RowsOfEveryKind_EachSeriesWithTheValueItsRowsGive()
    {
        // Answered with a cost, twice; answered after a fallback with no cost and no tokens; a chain that failed (502);
        // a status with no constant label; refused by the loop guard before routing (attempts only, no request).
        _metrics.Record(Row("mx", "m/a", "route", 200, 10, 4, 0.5, Attempt("up", "m/a", "ok")), routed: true, loopLevel: null);
        _metrics.Record(Row("mx", "m/a", "route", 200, 1, 2, 0.25, Attempt("up", "m/a", "ok")), routed: true, loopLevel: "warning");
        _metrics.Record(Row("mx", "m/b", "route", 200, 0, 0, null, Attempt("up", "m/a", "transient"), Attempt("up2", "m/b", "ok")), routed: true, loopLevel: null);
        _metrics.Record(Row("solo", null, "route", 502, 0, 0, null, Attempt("up", "m/c", "server_error")), routed: true, loopLevel: null);
        _metrics.Record(Row(null, null, "direct", 418, 0, 0, null, Attempt("up", "m/c", "caller_fault")), routed: true, loopLevel: null);
        _metrics.Record(Row(null, null, null, 429, 0, 0, null, Attempt("up", "m/d", "ok")), routed: false, loopLevel: "breaker");

        var seen = Observe();

        Assert.Equal(new Dictionary<string, double>
        {
            ["majordomo_requests_total{model=m/a,route=mx,status=200,tier=route}"] = 2,
            ["majordomo_requests_total{model=m/b,route=mx,status=200,tier=route}"] = 1,
            ["majordomo_requests_total{model=,route=solo,status=502,tier=route}"] = 1,
            ["majordomo_requests_total{model=,route=,status=418,tier=direct}"] = 1,
            ["majordomo_attempts_total{model=m/a,outcome=ok,provider=up}"] = 2,
            ["majordomo_attempts_total{model=m/a,outcome=transient,provider=up}"] = 1,
            ["majordomo_attempts_total{model=m/b,outcome=ok,provider=up2}"] = 1,
            ["majordomo_attempts_total{model=m/c,outcome=server_error,provider=up}"] = 1,
            ["majordomo_attempts_total{model=m/c,outcome=caller_fault,provider=up}"] = 1,
            ["majordomo_attempts_total{model=m/d,outcome=ok,provider=up}"] = 1,
            ["majordomo_tokens_total{direction=input,model=m/a}"] = 11,
            ["majordomo_tokens_total{direction=output,model=m/a}"] = 6,
            ["majordomo_tokens_total{direction=input,model=m/b}"] = 0,
            ["majordomo_tokens_total{direction=output,model=m/b}"] = 0,
            ["majordomo_cost_usd_total{model=m/a}"] = 0.75,
            ["majordomo_fallbacks_total{route=mx}"] = 1,
            ["majordomo_loop_guard_total{level=warning}"] = 1,
            ["majordomo_loop_guard_total{level=breaker}"] = 1,
            // Histograms: the number of values recorded in each series.
            ["majordomo_request_duration_seconds{model=m/a,route=mx}"] = 2,
            ["majordomo_request_duration_seconds{model=m/b,route=mx}"] = 1,
            ["majordomo_request_duration_seconds{model=,route=solo}"] = 1,
            ["majordomo_request_duration_seconds{model=,route=}"] = 1,
        }, seen);
    }

    [Fact]
    public void Record_FromManyThreads_CountsEveryRequest()
    {
        const int threads = 4, rows = 5_000;
        var row = Row("mx", "m/a", "route", 200, 3, 1, 0.125, Attempt("up", "m/a", "ok"));
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            for (var i = 0; i < rows; i++)
            {
                _metrics.Record(row, routed: true, loopLevel: null);
            }
        });

        var seen = Observe();

        Assert.Equal(threads * rows, seen["majordomo_requests_total{model=m/a,route=mx,status=200,tier=route}"]);
        Assert.Equal(threads * rows, seen["majordomo_attempts_total{model=m/a,outcome=ok,provider=up}"]);
        Assert.Equal(threads * rows * 3, seen["majordomo_tokens_total{direction=input,model=m/a}"]);
        Assert.Equal(threads * rows * 0.125, seen["majordomo_cost_usd_total{model=m/a}"]);
    }

    [Fact]
    public void Record_LabelSetsRepeatingAndAlternatingFromManyThreads_EachCountedInItsOwnSeries()
    {
        // The last cell found is asked first: rows that repeat a label set, alternate between sets that differ in one
        // label (the status, the model, the attempt's outcome), and carry equal labels as other string instances (a
        // reloaded config's names) must each land in the series their labels name, never in the one asked last.
        static string Copy(string s) => new(s.AsSpan());
        var rows = new[]
        {
            Row("mx", "m/a", "route", 200, 1, 0, null, Attempt("up", "m/a", "ok")),
            Row("mx", "m/a", "route", 200, 1, 0, null, Attempt("up", "m/a", "ok")),
            Row(Copy("mx"), Copy("m/a"), Copy("route"), 200, 1, 0, null, Attempt(Copy("up"), Copy("m/a"), Copy("ok"))),
            Row("mx", "m/a", "route", 429, 0, 0, null, Attempt("up", "m/a", "rate_limited")),
            Row("mx", "m/b", "route", 200, 1, 0, null, Attempt("up", "m/b", "ok")),
            Row("my", "m/a", "route", 200, 1, 0, null, Attempt("up", "m/a", "ok")),
        };
        const int threads = 4, rounds = 2_000;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            for (var i = 0; i < rounds; i++)
            {
                // Each thread walks the rows from its own start, so the sets interleave differently on every thread.
                for (var k = 0; k < rows.Length; k++)
                {
                    _metrics.Record(rows[(k + t + (i % 3)) % rows.Length], routed: true, loopLevel: null);
                }
            }
        });

        var seen = Observe();

        const int n = threads * rounds;
        Assert.Equal(3 * n, seen["majordomo_requests_total{model=m/a,route=mx,status=200,tier=route}"]);
        Assert.Equal(n, seen["majordomo_requests_total{model=m/a,route=mx,status=429,tier=route}"]);
        Assert.Equal(n, seen["majordomo_requests_total{model=m/b,route=mx,status=200,tier=route}"]);
        Assert.Equal(n, seen["majordomo_requests_total{model=m/a,route=my,status=200,tier=route}"]);
        Assert.Equal(4 * n, seen["majordomo_attempts_total{model=m/a,outcome=ok,provider=up}"]);
        Assert.Equal(n, seen["majordomo_attempts_total{model=m/a,outcome=rate_limited,provider=up}"]);
        Assert.Equal(n, seen["majordomo_attempts_total{model=m/b,outcome=ok,provider=up}"]);
        Assert.Equal(4 * n, seen["majordomo_tokens_total{direction=input,model=m/a}"]);
        Assert.Equal(7, seen.Keys.Count(k => k.StartsWith("majordomo_requests_total", StringComparison.Ordinal) || k.StartsWith("majordomo_attempts_total", StringComparison.Ordinal)));
    }

    [Fact]
    public void Record_NothingRecorded_NoSeries() => Assert.Empty(Observe());

    [Fact]
    public void Observe_SeriesInTheOrderTheirFirstValueCame()
    {
        // m/x answers first without a cost, m/y with one, then m/x with one: the SDK listed m/y's cost first.
        _metrics.Record(Row("r2", "m/x", "route", 200, 1, 1, null, Attempt("up", "m/x", "ok")), routed: true, loopLevel: null);
        _metrics.Record(Row("r1", "m/y", "route", 200, 1, 1, 0.5, Attempt("up", "m/y", "ok")), routed: true, loopLevel: null);
        _metrics.Record(Row("r2", "m/x", "route", 200, 1, 1, 0.25, Attempt("up", "m/x", "ok")), routed: true, loopLevel: null);
        _metrics.Record(Row("r0", null, "route", 502, 0, 0, null, Attempt("up", "m/a", "server_error")), routed: true, loopLevel: null);

        Observe();

        Assert.Equal(
        [
            "majordomo_requests_total{model=m/x,route=r2,status=200,tier=route}",
            "majordomo_requests_total{model=m/y,route=r1,status=200,tier=route}",
            "majordomo_requests_total{model=,route=r0,status=502,tier=route}",
        ], _observedInOrder.Where(k => k.StartsWith("majordomo_requests_total", StringComparison.Ordinal)));
        Assert.Equal(["majordomo_cost_usd_total{model=m/y}", "majordomo_cost_usd_total{model=m/x}"],
            _observedInOrder.Where(k => k.StartsWith("majordomo_cost_usd_total", StringComparison.Ordinal)));
        Assert.Equal(
        [
            "majordomo_tokens_total{direction=input,model=m/x}", "majordomo_tokens_total{direction=output,model=m/x}",
            "majordomo_tokens_total{direction=input,model=m/y}", "majordomo_tokens_total{direction=output,model=m/y}",
        ], _observedInOrder.Where(k => k.StartsWith("majordomo_tokens_total", StringComparison.Ordinal)));
        Assert.Equal(
        [
            "majordomo_attempts_total{model=m/x,outcome=ok,provider=up}", "majordomo_attempts_total{model=m/y,outcome=ok,provider=up}",
            "majordomo_attempts_total{model=m/a,outcome=server_error,provider=up}",
        ], _observedInOrder.Where(k => k.StartsWith("majordomo_attempts_total", StringComparison.Ordinal)));
    }

    /// <summary>Every series of this instance's meter: counters by value, histograms by the number of values recorded.</summary>
    private Dictionary<string, double> Observe()
    {
        lock (_seen)
        {
            _observedInOrder.Clear();
        }

        _listener.RecordObservableInstruments();
        lock (_seen)
        {
            return new Dictionary<string, double>(_seen, StringComparer.Ordinal);
        }
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = tags.ToArray().OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}");
        var key = $"{instrument.Name}{{{string.Join(",", labels)}}}";
        lock (_seen)
        {
            if (instrument.IsObservable)
            {
                _observedInOrder.Add(key);
            }

            // An observable counter reports its total; a counter adds each value; a histogram counts them.
            _seen[key] = instrument switch
            {
                { IsObservable: true } => value,
                Histogram<double> => _seen.GetValueOrDefault(key) + 1,
                _ => _seen.GetValueOrDefault(key) + value,
            };
        }
    }

    private static AttemptRecord Attempt(string provider, string model, string outcome) =>
        new(model, provider, "k1", outcome == "ok" ? 200 : 500, outcome, null, 1.5);

    private static RequestLogRecord Row(string? route, string? answeredBy, string? tier, int status, long input, long output, double? cost, params AttemptRecord[] attempts) => new()
    {
        Id = "req_test",
        Timestamp = DateTimeOffset.UnixEpoch,
        Ingress = "openai",
        Route = route,
        Tier = tier,
        AnsweredBy = answeredBy,
        Status = status,
        DurationMs = 12,
        InputTokens = input,
        OutputTokens = output,
        CostUsd = cost,
        Attempts = attempts,
    };
}
