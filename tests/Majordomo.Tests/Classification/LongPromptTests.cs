using System.Text;
using System.Text.RegularExpressions;
using Majordomo.Chat;
using Majordomo.Classification;
using Majordomo.Routing;

namespace Majordomo.Tests.Classification;

/// <summary>
/// The 20k-token prompt's decision (issue 16 item 4, issue 13 item 6): what it reads of the prompt — the reading,
/// a rule pattern's windows, the command check, the classifier with its full sensitive scan and token count —
/// allocates no large object. Counted, never timed: the benchmark has the times (docs/PERFORMANCE.md).
/// </summary>
public class LongPromptTests
{
    private static readonly Regex Pattern = new("(?i)do not route this", RegexOptions.CultureInvariant);

    private static byte[] Body(string tail)
    {
        var words = new StringBuilder();
        while (words.Length < 80_000)
        {
            words.Append("The quarterly report lists revenue by region, churn by cohort and the forecast for next year. ");
        }

        words.Append(tail);
        return Encoding.UTF8.GetBytes("""{"messages":[{"role":"system","content":"You are a careful assistant."},{"role":"user","content":""" +
            System.Text.Json.JsonSerializer.Serialize(words.ToString()) + "}]}");
    }

    private static (Majordomo.Classification.Classification Result, long Allocated) Decide(byte[] body)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        using var view = PromptView.ParseDeferred(body, PromptView.OpenAIProtocol);
        var matched = CompiledRule.WindowMatch(Pattern, view.LastUserChars) || Commands.Parse(view.LastUserChars) is not null;
        var result = HeuristicClassifier.Classify(view);
        Assert.False(matched);
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void LongPrompt_DecidesWithoutALargeObject()
    {
        var body = Body("\nSummarise the above in five bullet points.");
        var first = Decide(body); // warm: the tokenizer, the model, the pool's arrays
        var (result, allocated) = Decide(body);

        Assert.Equal(first.Result.TaskType, result.TaskType);
        Assert.InRange(result.EstimatedTokens, 15_000, 25_000);
        Assert.False(result.Sensitive);
        // Under 85,000 bytes in all: no single object reached the large-object threshold (the text alone is 160 KB).
        Assert.True(allocated < 85_000, $"{allocated:N0} bytes allocated deciding on an 80,000-character prompt");
    }

    [Fact]
    public void LongPrompt_SecretAtTheEnd_IsFound()
    {
        // Recall over the whole pooled text, not a window: the secret sits 80,000 characters in.
        var body = Body("\nand the deploy key is ghp_" + new string('a', 18) + "0123456789ABCDEFGHij");
        Decide(body);
        Assert.True(Decide(body).Result.Sensitive);
    }
}
