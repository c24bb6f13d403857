using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;

namespace Majordomo.FunctionalTests.Routing;

/// <summary><c>majordomo route --eval FILE.jsonl</c> run as a process: every input shape, every label, both outputs, exit 0.</summary>
public sealed class RouteEvalTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("majordomo-eval-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    // Line 1 prompt, 2 OpenAI messages, 3 Anthropic body, 4 an OpenAI body, 5 unusable, 6 a secret told in
    // a sentence inside messages, 7 labelled wrong on purpose (so errors are listed), 8 complexity only.
    private const string Labelled = """
        {"prompt": "Write a Python function that reverses a linked list in place and explain its complexity.", "taskType": "coding", "sensitive": false}
        {"messages": [{"role": "system", "content": "You are helpful."}, {"role": "user", "content": "hey! how's your day going?"}], "taskType": "conversation", "complexity": "simple", "sensitive": false}
        {"body": {"model": "auto", "max_tokens": 100, "system": "You are terse.", "messages": [{"role": "user", "content": [{"type": "text", "text": "Solve for x: 3x + 7 = 22, show the steps."}]}]}, "taskType": "math"}
        {"body": {"model": "auto", "messages": [{"role": "user", "content": "thanks!"}]}, "complexity": "simple"}
        {"labels": "no prompt here", "taskType": "coding"}
        {"messages": [{"role": "user", "content": "my db is at postgres://admin:Hunter2Secret@db.internal:5432/app, can you check why it's slow?"}], "sensitive": true}
        {"prompt": "hi there", "taskType": "creative", "complexity": "reasoning", "sensitive": true}
        {"prompt": "Design a multi-region, strongly consistent order service with failover, sagas and an audit trail; justify every trade-off.", "complexity": "complex"}
        """;

    private string WriteFile()
    {
        var path = Path.Combine(_directory, "labelled.jsonl");
        File.WriteAllText(path, Labelled);
        return path;
    }

    [Fact]
    public async Task Eval_Json_PrintsTheSpecObject_AndExitsZero()
    {
        var file = WriteFile();
        await using var process = GatewayProcess.Start(_directory, null, "route", "--eval", file, "--json");

        Assert.Equal(0, await process.WaitForExitAsync(Timeout));
        using var doc = JsonDocument.Parse(process.Stdout);
        var r = doc.RootElement;
        Assert.Equal(7, r.GetProperty("n").GetInt32());

        // Four lines carry a taskType; line 7 is labelled creative and is not.
        Assert.Equal(0.75, r.GetProperty("taskTypeAccuracy").GetDouble(), 3);
        Assert.Equal(JsonValueKind.Number, r.GetProperty("complexityExact").ValueKind);
        Assert.InRange(r.GetProperty("complexityWithinOne").GetDouble(), 0.5, 1.0);

        // Line 6 (a real credential) is found, line 7's label is not (so recall is 1/2 and precision 1/1).
        Assert.Equal(0.5, r.GetProperty("sensitiveRecall").GetDouble(), 3);
        Assert.Equal(1.0, r.GetProperty("sensitivePrecision").GetDouble(), 3);
        var errors = r.GetProperty("errors").EnumerateArray().ToList();
        var seven = Assert.Single(errors, e => e.GetProperty("line").GetInt32() == 7);
        Assert.Equal("creative", seven.GetProperty("expected").GetProperty("taskType").GetString());
        Assert.Equal("conversation", seven.GetProperty("got").GetProperty("taskType").GetString());
        Assert.Equal("hi there", seven.GetProperty("text").GetString());
        Assert.Contains("labelled.jsonl:5: skipped", process.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_Text_PrintsFiguresConfusionAndMisclassifiedLines()
    {
        var file = WriteFile();
        await using var process = GatewayProcess.Start(_directory, null, "route", "--eval", file);

        Assert.Equal(0, await process.WaitForExitAsync(Timeout));
        var text = process.Stdout;
        Assert.Contains("taskType accuracy      75.0%", text, StringComparison.Ordinal);
        Assert.Contains("sensitive recall       50.0%", text, StringComparison.Ordinal);
        Assert.Contains("Confusion for taskType", text, StringComparison.Ordinal);
        Assert.Contains("Confusion for complexity", text, StringComparison.Ordinal);
        Assert.Contains("line 7: want creative/reasoning/sensitive got conversation/", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_MissingFile_ExitsTwo_NoPromptAtAll_ExitsTwo()
    {
        await using var missing = GatewayProcess.Start(_directory, null, "route", "--eval", Path.Combine(_directory, "nope.jsonl"));
        Assert.Equal(2, await missing.WaitForExitAsync(Timeout));
        Assert.Contains("cannot read", missing.Stderr, StringComparison.Ordinal);

        await using var bare = GatewayProcess.Start(_directory, null, "route");
        Assert.Equal(2, await bare.WaitForExitAsync(Timeout));
        Assert.Contains("--eval", bare.Stderr, StringComparison.Ordinal);
    }
}
