using Majordomo.Catalog;
using Majordomo.Chat;
using Majordomo.Health;
using Majordomo.Providers;

namespace Majordomo.Execution;

/// <summary>What the walk asks of the runtime state (gates, probes) and what it teaches it (success, give-up).</summary>
internal sealed partial class ChainExecutor
{
    /// <summary>Asks every registered gate; the first that refuses wins.</summary>
    private bool Gated(IModelGate[] gates, ModelEntry model, DateTimeOffset now, ChatRequest request, out Unavailability unavailable, out IModelGate gate)
    {
        var context = new GateContext(now, null, request.Metadata.Source);
        foreach (var g in gates)
        {
            // Budgets and quota pools are enforced by the ticket's atomic reservation below, which
            // answers with the budget's own error; their gates serve selection.
            if (_budgets is not null && g.Name is "budget" or "quota")
            {
                continue;
            }

            if (g.Check(model, context) is { } u)
            {
                unavailable = u;
                gate = g;
                return true;
            }
        }

        unavailable = default;
        gate = null!;
        return false;
    }

    private bool TryClaimProbe(ChainEntry entry, DateTimeOffset now, out string? credentialId)
    {
        var credentials = entry.Credentials;
        if (credentials.Count == 0)
        {
            credentialId = Cooldowns.NoCredential;
            return _cooldowns.TryClaimProbe(entry.Model.Provider.Name, credentialId, entry.Model.Id, now);
        }

        foreach (var credential in credentials)
        {
            if (_cooldowns.TryClaimProbe(entry.Model.Provider.Name, credential.Id, entry.Model.Id, now))
            {
                credentialId = credential.Id;
                return true;
            }
        }

        credentialId = null;
        return false;
    }

    /// <summary>
    /// What a final outcome teaches the runtime state: success clears the cooldowns known when the call was
    /// sent (<paramref name="cooldownStamp"/>), a cut stream counts as a failure.
    /// </summary>
    private void Settle(ModelEntry model, string credentialId, ExecutionOutcome outcome, long cooldownStamp, long estimatedTokens, int unhealthyAfter, ResilienceSettings settings)
    {
        var now = _time.GetUtcNow();
        switch (outcome.Status)
        {
            case ExecutionStatus.Answered:
                _cooldowns.Clear(model.Provider.Name, credentialId, model.Id, cooldownStamp, model.Provider.Credentials);
                _health.RecordSuccess(model, outcome.FirstByteMs ?? outcome.Attempts[^1].DurationMs, now, HealthTracker.PassiveSource);
                if (outcome.Usage.Reported)
                {
                    _rateLimits.Settle(model, estimatedTokens, outcome.Usage.InputTokens + outcome.Usage.OutputTokens, now);
                }

                break;
            case ExecutionStatus.StreamFailed:
                GiveUp(model, credentialId, FailureClass.Transient, null, unhealthyAfter, settings);
                break;
        }
    }

    private void GiveUp(ModelEntry model, string credentialId, FailureClass failure, TimeSpan? retryAfter, int unhealthyAfter, ResilienceSettings settings)
    {
        var now = _time.GetUtcNow();
        var duration = _cooldowns.Record(model.Provider.Name, credentialId, model.Id, failure, retryAfter, now, settings);
        if (duration > TimeSpan.Zero)
        {
            LogCooldown(_logger, model.Id, credentialId, FailureClassifier.Name(failure), duration.TotalSeconds);
        }

        // Health is about the model answering at all: limits, keys and the request's own faults do not count.
        if (IsServerSide(failure))
        {
            // The model failed, not the key: every key of the provider cools for it, so later requests
            // do not walk the same broken model key by key.
            var credentials = model.Provider.Credentials;
            for (var i = 0; i < credentials.Count; i++)
            {
                if (credentials[i].Id != credentialId)
                {
                    _cooldowns.Record(model.Provider.Name, credentials[i].Id, model.Id, failure, retryAfter, now, settings);
                }
            }

            _health.RecordFailure(model, FailureClassifier.Name(failure), now, HealthTracker.PassiveSource, unhealthyAfter);
        }
    }

    private static bool IsServerSide(FailureClass failure) =>
        failure is FailureClass.Transient or FailureClass.Timeout or FailureClass.Unknown or FailureClass.ModelUnavailable;
}
