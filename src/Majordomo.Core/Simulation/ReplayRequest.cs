using Majordomo.Chat;

namespace Majordomo.Simulation;

/// <summary>
/// One recorded request to route again: when it came, the request itself (a parsed body, or a body-less
/// request whose <see cref="ChatRequest.Prompt"/> holds the row's recorded facts), what really answered
/// it and at what cost (<see cref="HasActual"/>: known — a store row; a JSONL line may not say; a null cost:
/// priced from the answering model's entry in the candidate config), its real
/// token counts, and the models whose attempts failed then (for <c>--failures</c>).
/// </summary>
internal sealed record ReplayRequest(
    bool HasActual,
    DateTimeOffset Time,
    ChatRequest Request,
    string? ActualModel,
    double? ActualCostUsd,
    double? ActualQuotaUnits,
    long InputTokens,
    long OutputTokens,
    IReadOnlyList<string> FailedModels);
