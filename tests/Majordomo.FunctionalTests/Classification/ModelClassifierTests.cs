using System.Net;
using System.Text;
using Majordomo.Chat;
using Majordomo.Classification;
using Majordomo.Config;
using Majordomo.FunctionalTests.Infrastructure;
using Majordomo.FunctionalTests.Routing;
using Majordomo.Providers;
using Majordomo.Providers.OpenAI;
using Microsoft.Extensions.Logging.Abstractions;
using static Majordomo.FunctionalTests.Routing.RoutingHttp;

namespace Majordomo.FunctionalTests.Classification;

/// <summary>
/// <c>classifier.mode: "model"</c> against the real scenario upstream on loopback: the real OpenAI adapter
/// carries the JSON-only prompt; good answers are used, anything else falls back to the heuristic.
/// </summary>
public sealed class ModelClassifierTests : IAsyncLifetime
{
    private const string Prompt = "Prove that the square root of 2 is irrational.";
    private ScenarioUpstream _upstream = null!;
    private OpenAIProvider _provider = null!;

    public async Task InitializeAsync()
    {
        _upstream = await ScenarioUpstream.StartAsync();
        _provider = new OpenAIProvider(new ProviderConfig { Api = "openai", BaseUrl = _upstream.BaseUrl });
    }

    public async Task DisposeAsync()
    {
        _provider.Dispose();
        await _upstream.DisposeAsync();
    }

    private static PromptView View(string text) =>
        PromptView.Parse(Encoding.UTF8.GetBytes(Body(text)), PromptView.OpenAIProtocol);

    private ClassifierTarget Target(string model, bool local = true, int timeoutMs = 5000) =>
        new(_provider, model, Encoding.UTF8.GetBytes($"\"{model}\""), new Credential("c1", "sk-classifier-test-key"), local, TimeSpan.FromMilliseconds(timeoutMs));

    private static ModelClassifier Classifier() => new(TimeProvider.System, NullLogger.Instance);

    [Fact]
    public async Task ClassifyAsync_GoodJson_UsesTheModelsAnswer()
    {
        _upstream.Script("clf", new Scenario.Ok("""Sure! ```json {"complexity": "simple", "taskType": "creative", "sensitive": false} ```"""));

        var result = await Classifier().ClassifyAsync(View(Prompt), Target("clf"), CancellationToken.None);

        Assert.Equal(ModelClassifier.ModelSource, result.Source);
        Assert.Equal(Complexity.Simple, result.Complexity);
        Assert.Equal("creative", result.TaskType);
        var sent = Assert.Single(_upstream.ReceivedFor("clf"));
        Assert.Equal("Bearer sk-classifier-test-key", sent.Authorization);
        Assert.False(sent.Stream);
        Assert.Contains("square root of 2", sent.BodyText, StringComparison.Ordinal);
        Assert.Contains("JSON object", sent.BodyText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I think this is a math question.")]
    [InlineData("""{"complexity": "extreme", "taskType": "math"}""")]
    [InlineData("""{"complexity": "medium"}""")]
    [InlineData("""{"complexity": "medium", "taskType": "math" """)]
    public async Task ClassifyAsync_MalformedAnswer_FallsBackToHeuristic(string answer)
    {
        _upstream.Script("clf", new Scenario.Ok(answer));

        var result = await Classifier().ClassifyAsync(View(Prompt), Target("clf"), CancellationToken.None);

        var heuristic = HeuristicClassifier.Classify(View(Prompt));
        Assert.Equal(ModelClassifier.FallbackSource, result.Source);
        Assert.Equal(heuristic.Complexity, result.Complexity);
        Assert.Equal(heuristic.TaskType, result.TaskType);
    }

    [Fact]
    public async Task ClassifyAsync_ServerError_FallsBackToHeuristic()
    {
        _upstream.Script("clf", new Scenario.Status(500, """{"error":{"message":"boom"}}"""));

        var result = await Classifier().ClassifyAsync(View(Prompt), Target("clf"), CancellationToken.None);

        Assert.Equal(ModelClassifier.FallbackSource, result.Source);
        Assert.Equal("math", result.TaskType);
    }

    [Fact]
    public async Task ClassifyAsync_GarbageBody_FallsBackToHeuristic()
    {
        _upstream.Script("clf", new Scenario.Garbage());

        var result = await Classifier().ClassifyAsync(View(Prompt), Target("clf"), CancellationToken.None);

        Assert.Equal(ModelClassifier.FallbackSource, result.Source);
    }

    [Fact]
    public async Task ClassifyAsync_NoAnswerWithinTimeout_FallsBackToHeuristic()
    {
        _upstream.Script("clf", new Scenario.HangBeforeHeaders());

        var result = await Classifier().ClassifyAsync(View(Prompt), Target("clf", timeoutMs: 200), CancellationToken.None);

        Assert.Equal(ModelClassifier.FallbackSource, result.Source);
        Assert.Equal("math", result.TaskType);
    }

    [Fact]
    public async Task ClassifyAsync_CallerCancels_Propagates()
    {
        _upstream.Script("clf", new Scenario.HangBeforeHeaders());
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Classifier().ClassifyAsync(View(Prompt), Target("clf"), cts.Token));
    }

    [Fact]
    public async Task ClassifyAsync_SecretAndCloudClassifier_NeverSendsThePrompt()
    {
        var result = await Classifier().ClassifyAsync(View("my password is hunter22, is that ok?"), Target("clf", local: false), CancellationToken.None);

        Assert.True(result.Sensitive);
        Assert.Empty(_upstream.ReceivedFor("clf"));
    }

    [Fact]
    public async Task SmartRoute_ModelMode_ClassifierModelDecidesTheClassificationHeader()
    {
        var config = SmartConfigs.Build(extra: """ "classifier": { "mode": "model", "model": "loc/small", "timeoutMs": 5000 }, """);
        await using var gateway = await RoutingHttp.StartAsync(config, _upstream, new ScriptedGate(), new SettableDegradation());
        _upstream.Script("small", new Scenario.Ok("""{"complexity":"complex","taskType":"research"}"""));

        using var response = await ChatAsync(gateway, Body("hello there"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("complex/research", Header(response, "X-Router-Classification"));
        Assert.Single(_upstream.ReceivedFor("small"));
        Assert.Equal("loc/coder", Header(response, "X-Router-Model"));
    }

    [Fact]
    public async Task SmartRoute_ModelModeClassifierDown_HeuristicDecides()
    {
        var config = SmartConfigs.Build(extra: """ "classifier": { "mode": "model", "model": "loc/small", "timeoutMs": 5000 }, """);
        await using var gateway = await RoutingHttp.StartAsync(config, _upstream, new ScriptedGate(), new SettableDegradation());
        _upstream.Script("small", new Scenario.Status(503, """{"error":{"message":"loading"}}"""));

        using var response = await ChatAsync(gateway, Body("hello there"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("simple/conversation", Header(response, "X-Router-Classification"));
    }
}
