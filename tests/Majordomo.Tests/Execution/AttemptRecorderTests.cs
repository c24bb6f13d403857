using System.Diagnostics;
using Majordomo.Execution;
using Majordomo.Providers;
using Majordomo.Storage;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Execution;

/// <summary>
/// The recorder is the request's list of attempts (the outcome's and the log row's): its first attempt is a field, the
/// rest a list made on the second. Read by index, by count and by enumeration, it must be the attempts in the order
/// they were recorded, whatever their number.
/// </summary>
public class AttemptRecorderTests
{
    private const string Json = """
        {
          "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1",
                                "credentials": [ { "id": "k1", "apiKey": "sk-one-1234567" } ] } },
          "models": { "p/a": { "provider": "p" }, "p/b": { "provider": "p" } }
        }
        """;

    private readonly Majordomo.Catalog.Catalog _catalog = TestConfig.BuildCatalog(Json);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void Attempts_AnyNumberRecorded_ReadInOrderByIndexCountAndEnumeration(int count)
    {
        var recorder = new AttemptRecorder(SecretRedactor.None);
        var outcomes = Enumerable.Range(0, count).Select(i => $"outcome-{i}").ToArray();
        foreach (var (outcome, i) in outcomes.Select((o, i) => (o, i)))
        {
            recorder.Record(_catalog.Models[i % 2 == 0 ? "p/a" : "p/b"], null, 500 + i, outcome, null, Stopwatch.GetTimestamp());
        }

        IReadOnlyList<AttemptRecord> attempts = recorder.Attempts;

        Assert.Equal(count, attempts.Count);
        Assert.Equal(count, recorder.Count);
        Assert.Equal(outcomes, Enumerable.Range(0, attempts.Count).Select(i => attempts[i].Outcome));
        Assert.Equal(outcomes, attempts.Select(a => a.Outcome));
        Assert.Equal(Enumerable.Range(0, count).Select(i => (int?)(500 + i)), attempts.Select(a => a.Status));
        Assert.Equal(Enumerable.Range(0, count).Select(i => i % 2 == 0 ? "p/a" : "p/b"), attempts.Select(a => a.Model));
        Assert.Throws<ArgumentOutOfRangeException>(() => attempts[count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => attempts[-1]);
        if (count > 0)
        {
            Assert.Same(attempts[count - 1], attempts[^1]);
        }
    }

    [Fact]
    public void Attempts_ReadBeforeLaterAttempts_SeesThemAsTheyAreRecorded()
    {
        // The outcome of a request keeps the recorder's list: what it holds is every attempt recorded so far.
        var recorder = new AttemptRecorder(SecretRedactor.None);
        var attempts = recorder.Attempts;
        recorder.Record(_catalog.Models["p/a"], null, 503, "server_error", "busy", Stopwatch.GetTimestamp());
        Assert.Single(attempts);
        recorder.Record(_catalog.Models["p/b"], null, 200, "ok", null, Stopwatch.GetTimestamp());

        Assert.Equal(["server_error", "ok"], attempts.Select(a => a.Outcome));
        Assert.Equal("busy", attempts[0].Reason);
    }
}
