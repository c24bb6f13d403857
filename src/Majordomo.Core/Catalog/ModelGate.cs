namespace Majordomo.Catalog;

/// <summary>Why a model cannot be used right now, and when it can be again (null when unknown).</summary>
internal readonly record struct Unavailability(string Reason, DateTimeOffset? Until);

/// <summary>What a gate may consider besides the model: the clock and who is asking.</summary>
internal readonly record struct GateContext(DateTimeOffset Now, string? ApiKeyName, string? Source);

/// <summary>
/// Runtime state that can take a model out of selection: health, cooldowns and rate limits
/// (Health/), USD budgets and quota pools (Budgets/). Registered as singletons; selection and the
/// executor ask every registered gate (STYLE #7: policies by name). Implementations are thread-safe
/// and answer from memory: the hot path never waits on storage.
/// </summary>
internal interface IModelGate
{
    /// <summary>Short stable name (<c>health</c>, <c>cooldown</c>, <c>rateLimit</c>, <c>budget</c>, <c>quota</c>).</summary>
    string Name { get; }

    /// <summary>Null when the model may be tried now, else the reason (shown in explain output and 503 bodies).</summary>
    Unavailability? Check(ModelEntry model, in GateContext context);
}
