using System.Text.Json;
using Majordomo.Chat;
using Majordomo.Classification;
using Majordomo.Gateway;
using Majordomo.Providers.OpenAI;
using Majordomo.Routing;

namespace Majordomo.Engine;

/// <summary>
/// Runs the decision path once on a made-up request in the background when the gateway starts, so the first
/// request does not pay for it: the o200k vocabulary (hundreds of milliseconds), the request reader, the
/// classifier, the route decision and its JSON are loaded and compiled here. Explain mode, as
/// <c>POST /v1/route</c>: no model is called, no command runs, nothing is logged or counted. A request
/// arriving earlier waits on the same loads.
/// </summary>
internal sealed partial class RequestPathWarmup(SnapshotHolder snapshots, RouteDecider router, ILogger<RequestPathWarmup> logger) : BackgroundService
{
    private static readonly byte[] Body = """
        {"messages":[{"role":"system","content":"You are a coding agent."},
        {"role":"user","content":"Refactor this function and add a unit test: def total(items): return sum(i.price for i in items)"}],
        "max_tokens":256}
        """u8.ToArray();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() => WarmAsync(stoppingToken), stoppingToken);

    private async Task WarmAsync(CancellationToken cancellationToken)
    {
        TokenTally.CountExact("warm");
        try
        {
            using var request = OpenAIRequestReader.Parse(Body, OpenAIRequestReader.Dialect.OpenAI, toolHistory: true);
            HeuristicClassifier.Classify(request.Prompt);
            var explanation = await RouteExplainer.ExplainAsync(router, snapshots.Current.Routing, request, null, cancellationToken).ConfigureAwait(false);
            JsonSerializer.SerializeToUtf8Bytes(explanation, RouteExplanationJson.Relaxed.RouteExplanation);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only a head start: the first real request does the same work and reports its own errors.
            LogWarmupFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = LogEvents.WarmupFailed, Level = LogLevel.Debug, Message = "The start-up warm-up of the decision path failed")]
    private static partial void LogWarmupFailed(ILogger logger, Exception exception);
}
