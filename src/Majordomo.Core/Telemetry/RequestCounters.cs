using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Majordomo.Storage;

namespace Majordomo.Telemetry;

/// <summary>
/// The per-request counters of <see cref="MajordomoMetrics"/> (requests, attempts, tokens, cost), summed here and
/// read by the SDK at collection through observable counters. A request finds its label set's cell with one
/// lookup and adds to it, where each synchronous <c>Add</c> had the SDK hash every tag again (four updates for an
/// answered request's count, tokens and cost). The scrape is the same: a series shows from the first value that
/// would have made the SDK's point, with the same labels and value, and in the same order (first seen first).
/// </summary>
internal sealed class RequestCounters
{
    private readonly Series<RequestKey, RequestCell> _requests = new();
    private readonly Series<AttemptKey, Count> _attempts = new();
    private readonly Series<string, ModelCell> _models = new();

    // A model's token series start with its first answer, its cost series with its first cost.
    private readonly Series<string, ModelCell> _tokenSeries = new();
    private readonly Series<string, ModelCell> _costSeries = new();

    /// <summary>The cell of one <c>majordomo_requests_total</c> series; an answered request's carries its model's token and cost cell.</summary>
    public RequestCell Request(string route, string? answeredBy, string tier, int status) =>
        _requests.Get(new RequestKey(route, answeredBy ?? "", tier, status), answeredBy, this, static (key, answeredBy, self) =>
            new RequestCell(answeredBy is null ? null : self._models.Get(answeredBy, self, self, static (model, self, _) => new ModelCell(model, self))));

    public void Attempt(AttemptRecord attempt)
    {
        var count = _attempts.Get(new AttemptKey(attempt.Provider, attempt.Model, attempt.Outcome), 0, 0, static (_, _, _) => new Count());
        Interlocked.Increment(ref count.Value);
    }

    /// <summary>Called once per model, after its first answer's tokens were added.</summary>
    internal void TokensStarted(ModelCell cell) => _tokenSeries.Get(cell.Model, cell, 0, static (_, cell, _) => cell);

    /// <summary>Called once per model, after its first cost was added.</summary>
    internal void CostStarted(ModelCell cell) => _costSeries.Get(cell.Model, cell, 0, static (_, cell, _) => cell);

    public IEnumerable<Measurement<long>> ObserveRequests() => _requests.Observe(static (key, cell, into) =>
        into.Add(new Measurement<long>(Volatile.Read(ref cell.Count), Tag("route", key.Route), Tag("model", key.Model), Tag("tier", key.Tier), Tag("status", StatusLabel(key.Status)))),
        new List<Measurement<long>>());

    public IEnumerable<Measurement<long>> ObserveAttempts() => _attempts.Observe(static (key, count, into) =>
        into.Add(new Measurement<long>(Volatile.Read(ref count.Value), Tag("provider", key.Provider), Tag("model", key.Model), Tag("outcome", key.Outcome))),
        new List<Measurement<long>>());

    public IEnumerable<Measurement<long>> ObserveTokens() => _tokenSeries.Observe(static (model, cell, into) =>
    {
        into.Add(new Measurement<long>(Volatile.Read(ref cell.InputTokens), Tag("model", model), Tag("direction", "input")));
        into.Add(new Measurement<long>(Volatile.Read(ref cell.OutputTokens), Tag("model", model), Tag("direction", "output")));
    }, new List<Measurement<long>>());

    public IEnumerable<Measurement<double>> ObserveCost() => _costSeries.Observe(static (model, cell, into) =>
        into.Add(new Measurement<double>(Volatile.Read(ref cell.CostUsd), Tag("model", model))),
        new List<Measurement<double>>());

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);

    /// <summary>Status codes as label values without a string per scrape for the common ones.</summary>
    private static string StatusLabel(int status) => status switch
    {
        200 => "200",
        400 => "400",
        401 => "401",
        429 => "429",
        499 => "499",
        502 => "502",
        503 => "503",
        504 => "504",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private readonly record struct RequestKey(string Route, string Model, string Tier, int Status);

    private readonly record struct AttemptKey(string Provider, string Model, string Outcome);

    private sealed class Count
    {
        public long Value;
    }

    /// <summary>
    /// One counter's cells by label set: found without a lock, made under one (once per label set), and listed in
    /// the order they were made, which is the order the SDK showed its points in. The cell found last is asked first:
    /// traffic mostly repeats its label set (one route, one model), and comparing the key with it is a few string
    /// comparisons where the dictionary hashes every string of the key (two lookups a request).
    /// </summary>
    private sealed class Series<TKey, TCell>
        where TKey : notnull, IEquatable<TKey>
    {
        private readonly ConcurrentDictionary<TKey, Found> _cells = new();
        private readonly List<(TKey Key, TCell Cell)> _order = [];

        // Read and written by every request without a lock: a stale or torn view is impossible (one reference), and a
        // hint from another thread is only used when its key equals this one, so it is the cell the dictionary holds.
        private Found? _last;

        public TCell Get<TArg1, TArg2>(TKey key, TArg1 arg1, TArg2 arg2, Func<TKey, TArg1, TArg2, TCell> make)
        {
            if (Volatile.Read(ref _last) is { } last && last.Key.Equals(key))
            {
                return last.Cell;
            }

            if (!_cells.TryGetValue(key, out var found))
            {
                found = Make(key, arg1, arg2, make);
            }

            Volatile.Write(ref _last, found);
            return found.Cell;
        }

        private Found Make<TArg1, TArg2>(TKey key, TArg1 arg1, TArg2 arg2, Func<TKey, TArg1, TArg2, TCell> make)
        {
            lock (_order)
            {
                if (!_cells.TryGetValue(key, out var found))
                {
                    found = new Found(key, make(key, arg1, arg2));
                    _order.Add((key, found.Cell));
                    _cells[key] = found;
                }

                return found;
            }
        }

        public List<T> Observe<T>(Action<TKey, TCell, List<T>> add, List<T> into)
        {
            lock (_order)
            {
                foreach (var (key, cell) in _order)
                {
                    add(key, cell, into);
                }
            }

            return into;
        }

        /// <summary>A label set and its cell, made once: the hint points at it without an allocation per request.</summary>
        private sealed class Found(TKey key, TCell cell)
        {
            public TKey Key { get; } = key;

            public TCell Cell { get; } = cell;
        }
    }
}

/// <summary>One <c>majordomo_requests_total</c> series; <see cref="Model"/> is null for a request no model answered.</summary>
internal sealed class RequestCell(ModelCell? model)
{
    public long Count;

    public ModelCell? Model { get; } = model;
}

/// <summary>An answering model's <c>majordomo_tokens_total</c> and <c>majordomo_cost_usd_total</c> values.</summary>
internal sealed class ModelCell(string model, RequestCounters counters)
{
    public long InputTokens;
    public long OutputTokens;
    public double CostUsd;
    private int _answered;
    private int _costed;

    public string Model { get; } = model;

    public void AddAnswer(long inputTokens, long outputTokens, double? costUsd)
    {
        Interlocked.Add(ref InputTokens, inputTokens);
        Interlocked.Add(ref OutputTokens, outputTokens);
        if (Volatile.Read(ref _answered) == 0 && Interlocked.Exchange(ref _answered, 1) == 0)
        {
            counters.TokensStarted(this);
        }

        if (costUsd is { } usd)
        {
            AddCost(usd);
            if (Volatile.Read(ref _costed) == 0 && Interlocked.Exchange(ref _costed, 1) == 0)
            {
                counters.CostStarted(this);
            }
        }
    }

    private void AddCost(double usd)
    {
        var seen = Volatile.Read(ref CostUsd);
        while (true)
        {
            var found = Interlocked.CompareExchange(ref CostUsd, seen + usd, seen);
            if (found.Equals(seen))
            {
                return;
            }

            seen = found;
        }
    }
}
