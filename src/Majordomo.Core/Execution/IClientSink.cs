using Majordomo.Catalog;
using Majordomo.Providers;
using Majordomo.Routing;

namespace Majordomo.Execution;

/// <summary>What the client is told about the answer before its body: which model, how it was routed (a value: made once per answer, no object of its own).</summary>
internal readonly record struct AnswerInfo(ModelEntry Model, RoutePlan Plan, int Attempts);

/// <summary>
/// Where the executor writes the answer. Implemented by the ingress (the only code that touches
/// <c>HttpContext</c>); it owns the client's wire format.
/// </summary>
internal interface IClientSink : IEventWriter
{
    /// <summary>Sends status and headers of a streamed answer; after this the answer is committed.</summary>
    ValueTask StartStreamAsync(AnswerInfo info, CancellationToken cancellationToken);

    /// <summary>Sends every buffered event now.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);

    /// <summary>Ends a committed stream with an explicit error event (never a clean-looking end).</summary>
    ValueTask WriteStreamErrorAsync(string message, string code, CancellationToken cancellationToken);

    /// <summary>Writes a complete, non-streamed answer.</summary>
    ValueTask WriteBodyAsync(AnswerInfo info, ReadOnlyMemory<byte> body, string? contentType, CancellationToken cancellationToken);

    /// <summary>Starts a non-streamed answer whose body follows in parts (a big answer forwarded as it arrives); after this the answer is committed.</summary>
    ValueTask StartBodyAsync(AnswerInfo info, string? contentType, CancellationToken cancellationToken);

    /// <summary>Writes the next part of a started body.</summary>
    ValueTask WriteBodyPartAsync(ReadOnlyMemory<byte> part, CancellationToken cancellationToken);

    /// <summary>Ends a started body: whole, or cut short so that no client can take it for a complete answer.</summary>
    ValueTask EndBodyAsync(bool complete, CancellationToken cancellationToken);
}
