using System.Collections.Concurrent;
using System.Threading.Channels;
using Majordomo.Catalog;
using Majordomo.Storage;

namespace Majordomo.Health;

/// <summary>One model's health as reported in <c>/health</c>.</summary>
internal sealed record ModelHealth(string Model, string Provider, bool Healthy, int ConsecutiveFailures, double? LatencyMs, string? LastError, DateTimeOffset? Since);

/// <summary>
/// Health per model (SPEC §1.9), fed by the active checker and by real traffic (passive): after
/// <c>unhealthyAfter</c> consecutive failures a model is unhealthy; one success makes it healthy again.
/// In memory and thread-safe; every active check and every change of state is queued for the health
/// log (bounded, dropped rather than waited for: the request path never blocks on storage).
/// </summary>
internal sealed class HealthTracker
{
    public const int DefaultUnhealthyAfter = HealthSettings.DefaultUnhealthyAfter;
    public const int DefaultIntervalSeconds = HealthSettings.DefaultIntervalSeconds;

    private readonly ConcurrentDictionary<string, State> _models = new(StringComparer.Ordinal);
    private readonly Channel<HealthEvent> _log = Channel.CreateBounded<HealthEvent>(new BoundedChannelOptions(10_000)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private int _unhealthy;

    /// <summary>Rows waiting for the health log writer.</summary>
    public ChannelReader<HealthEvent> Log => _log.Reader;

    /// <summary>How many models are unhealthy right now (a cheap check before any lookup).</summary>
    public int UnhealthyCount => Volatile.Read(ref _unhealthy);

    public void RecordSuccess(ModelEntry model, double latencyMs, DateTimeOffset now, string source)
    {
        var state = Get(model.Id);
        bool changed;
        lock (state)
        {
            state.LatencyMs = latencyMs;
            state.Failures = 0;
            changed = !state.Healthy;
            if (changed)
            {
                state.Healthy = true;
                state.Since = now;
                Interlocked.Decrement(ref _unhealthy);
            }
        }

        if (changed || source == ActiveSource)
        {
            _log.Writer.TryWrite(new HealthEvent(now, model.Provider.Name, model.Id, source, true, true, latencyMs, null));
        }
    }

    public void RecordFailure(ModelEntry model, string error, DateTimeOffset now, string source, int unhealthyAfter)
    {
        var state = Get(model.Id);
        bool changed;
        bool healthy;
        lock (state)
        {
            state.Failures++;
            state.LastError = error;
            state.LastFailure = now;
            changed = state.Healthy && state.Failures >= unhealthyAfter;
            if (changed)
            {
                state.Healthy = false;
                state.Since = now;
                Interlocked.Increment(ref _unhealthy);
            }

            healthy = state.Healthy;
        }

        if (changed || source == ActiveSource)
        {
            _log.Writer.TryWrite(new HealthEvent(now, model.Provider.Name, model.Id, source, false, healthy, null, error));
        }
    }

    /// <summary>
    /// A verdict another instance of a fleet reached (its own checks or traffic): unhealthy as of
    /// <paramref name="at"/>, or healthy again. Not queued for the health log (the other instance logged it);
    /// a healthy verdict about a model never seen here changes nothing.
    /// </summary>
    public void Apply(string model, bool healthy, DateTimeOffset at, string? error)
    {
        if (healthy && !_models.ContainsKey(model))
        {
            return;
        }

        var state = Get(model);
        lock (state)
        {
            if (healthy)
            {
                state.Failures = 0;
                if (!state.Healthy)
                {
                    state.Healthy = true;
                    state.Since = at;
                    Interlocked.Decrement(ref _unhealthy);
                }

                return;
            }

            state.LastError = error ?? state.LastError;
            if (at > state.LastFailure)
            {
                state.LastFailure = at;
            }

            if (state.Healthy)
            {
                state.Healthy = false;
                state.Since = at;
                Interlocked.Increment(ref _unhealthy);
            }
        }
    }

    public const string ActiveSource = "active";
    public const string PassiveSource = "passive";

    /// <summary>Null when healthy (or never seen); else since when it failed last.</summary>
    public DateTimeOffset? UnhealthySince(string model, out DateTimeOffset lastFailure, out int failures)
    {
        lastFailure = default;
        failures = 0;
        if (Volatile.Read(ref _unhealthy) == 0 || !_models.TryGetValue(model, out var state))
        {
            return null;
        }

        lock (state)
        {
            if (state.Healthy)
            {
                return null;
            }

            lastFailure = state.LastFailure;
            failures = state.Failures;
            return state.Since;
        }
    }

    public ModelHealth Describe(ModelEntry model)
    {
        if (!_models.TryGetValue(model.Id, out var state))
        {
            return new ModelHealth(model.Id, model.Provider.Name, true, 0, null, null, null);
        }

        lock (state)
        {
            return new ModelHealth(model.Id, model.Provider.Name, state.Healthy, state.Failures, state.LatencyMs, state.LastError, state.Since);
        }
    }

    private State Get(string model) => _models.TryGetValue(model, out var s) ? s : _models.GetOrAdd(model, static _ => new State());

    private sealed class State
    {
        public bool Healthy = true;
        public int Failures;
        public double? LatencyMs;
        public string? LastError;
        public DateTimeOffset LastFailure;
        public DateTimeOffset? Since;
    }
}

/// <summary>
/// The <c>health</c> gate: an unhealthy model is skipped until one <c>health.intervalSeconds</c> after
/// its last failure; then real traffic may probe it (so a gateway without active checks still
/// recovers), and one success makes it healthy again.
/// </summary>
internal sealed class HealthGate(HealthTracker health, HealthSettings settings) : IModelGate
{
    public string Name => "health";

    public Unavailability? Check(ModelEntry model, in GateContext context)
    {
        if (health.UnhealthyCount == 0 || health.UnhealthySince(model.Id, out var lastFailure, out _) is null)
        {
            return null;
        }

        var until = lastFailure + settings.Interval;
        return context.Now < until ? new Unavailability(Unhealthy, until) : null;
    }

    public const string Unhealthy = "unhealthy (consecutive failures reached health.unhealthyAfter)";
}
