using System.Globalization;
using Majordomo.Classification;
using Xunit.Abstractions;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Secrets told in prose (Data/sensitive-prose.jsonl): PINs, passwords in sentences, one-time and recovery
/// codes, security answers — in prose, pasted e-mails, chats, logs, configs and tool results, in 11
/// languages — against 300+ look-alikes (talk about passwords, placeholders, code handling secrets, docs).
/// Bars of issue 13: recall 1.0, precision ≥ 0.95. The same file runs through <c>majordomo route --eval</c>.
/// </summary>
public class SensitiveProseTests(ITestOutputHelper output)
{
    [Fact]
    public void ProseSecrets_AllFound_LookAlikesMostlyNot()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "sensitive-prose.jsonl");
        var examples = File.ReadLines(path).Select((line, i) => ClassifierEvaluation.ParseLine(line, i + 1, out _)!).ToList();
        var report = ClassifierEvaluation.Evaluate(examples, HeuristicClassifier.Classify);

        var positives = examples.Count(e => e.Sensitive == true);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{examples.Count} lines ({positives} secrets, {examples.Count - positives} look-alikes): recall {report.SensitiveRecall:P1}, precision {report.SensitivePrecision:P1}"));
        foreach (var e in report.Errors)
        {
            output.WriteLine($"  line {e.Line}: want sensitive={e.WantSensitive} got {e.GotSensitive}: {e.Preview}");
        }

        Assert.True(examples.Count - positives >= 300, "at least 300 look-alikes");
        Assert.Equal(1.0, report.SensitiveRecall);
        Assert.True(report.SensitivePrecision >= 0.95, $"precision {report.SensitivePrecision:P1}");
    }
}
