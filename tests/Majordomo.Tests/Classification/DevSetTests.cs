using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Majordomo.Chat;
using Majordomo.Classification;
using Majordomo.Config;
using Xunit.Abstractions;

namespace Majordomo.Tests.Classification;

/// <summary>
/// The labelled dev set (Data/classifier-devset-*.jsonl): prints accuracy per label, the confusion
/// table and the length-only baseline, per part (A tuned on; B written afterwards, measured, then tuned
/// on; C held out), and fails below the bars of issue 3.
/// Run: dotnet test tests/Majordomo.Tests --filter DevSetTests --logger "console;verbosity=detailed"
/// </summary>
public class DevSetTests(ITestOutputHelper output)
{
    public const double TaskTypeBar = 0.85;
    public const double ComplexityWithinOneBar = 0.95;

    [Fact]
    public void HeuristicClassifier_DevSet_MeetsAccuracyBars()
    {
        var examples = DevSet.Load();
        var results = examples.Select(e => (Example: e, Got: HeuristicClassifier.Classify(e.View))).ToList();
        var baseline = examples.Select(e => (Example: e, Got: LengthBaselineClassifier.Classify(e.View))).ToList();

        foreach (var half in new[] { "A", "B", "C" })
        {
            var part = results.Where(r => r.Example.Half == half).ToList();
            var basePart = baseline.Where(r => r.Example.Half == half).ToList();
            output.WriteLine($"== half {half} ({part.Count} prompts) — {Provenance(half)}");
            output.WriteLine($"   heuristic: {Summary(part)}");
            output.WriteLine($"   baseline:  {Summary(basePart)}");
        }

        output.WriteLine($"== all ({results.Count} prompts)");
        output.WriteLine($"   heuristic: {Summary(results)}");
        output.WriteLine($"   baseline:  {Summary(baseline)}");
        output.WriteLine("");
        PrintPerLabel(results);
        var labelled = examples.Select((e, i) => new LabelledPrompt(i + 1, e.View, e.TaskType, e.Complexity, e.Sensitive)).ToList();
        output.WriteLine(ClassifierEvaluation.ToText(ClassifierEvaluation.Evaluate(labelled, HeuristicClassifier.Classify)));
        output.WriteLine("Complexity off by one:");
        foreach (var (e, got) in results.Where(r => Distance(r.Got.Complexity, r.Example.Complexity) == 1))
        {
            output.WriteLine($"  {e.Id}: want {e.Complexity} got {got.Complexity} ({e.TaskType})  {e.Preview}");
        }

        var m = Metrics.Of(results);
        Assert.True(examples.Count >= 300, $"the dev set has {examples.Count} examples; at least 300 are required");
        Assert.True(m.TaskType >= TaskTypeBar, $"taskType accuracy {m.TaskType:P1} is below {TaskTypeBar:P0}");
        Assert.True(m.WithinOne >= ComplexityWithinOneBar, $"complexity within one level {m.WithinOne:P1} is below {ComplexityWithinOneBar:P0}");
        Assert.True(m.SensitiveRecall >= 1.0, $"sensitive recall {m.SensitiveRecall:P1}: a secret was missed");
    }

    // How each part was used while the heuristic was tuned, so over-fitting shows in the numbers.
    private static string Provenance(string half) => half switch
    {
        "A" => "tuned on",
        "B" => "written after tuning on A; taskType was 78.0% before its errors were looked at, then tuned on",
        _ => "held out: written last, never tuned on",
    };

    private static string Summary(List<(DevExample Example, Majordomo.Classification.Classification Got)> rows)
    {
        var m = Metrics.Of(rows);
        return string.Create(CultureInfo.InvariantCulture,
            $"taskType {m.TaskType:P1}, complexity exact {m.Exact:P1}, within one {m.WithinOne:P1}, sensitive recall {m.SensitiveRecall:P1} precision {m.SensitivePrecision:P1}");
    }

    private void PrintPerLabel(List<(DevExample Example, Majordomo.Classification.Classification Got)> rows)
    {
        output.WriteLine("Per label (recall / precision / count):");
        foreach (var label in rows.Select(r => r.Example.TaskType).Distinct().Order(StringComparer.Ordinal))
        {
            var actual = rows.Count(r => r.Example.TaskType == label);
            var predicted = rows.Count(r => r.Got.TaskType == label);
            var hit = rows.Count(r => r.Example.TaskType == label && r.Got.TaskType == label);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-14} {Ratio(hit, actual),7:P1} {Ratio(hit, predicted),7:P1} {actual,4}"));
        }

        foreach (var label in Complexity.All)
        {
            var actual = rows.Count(r => r.Example.Complexity == label);
            var predicted = rows.Count(r => r.Got.Complexity == label);
            var hit = rows.Count(r => r.Example.Complexity == label && r.Got.Complexity == label);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-14} {Ratio(hit, actual),7:P1} {Ratio(hit, predicted),7:P1} {actual,4}"));
        }

        output.WriteLine("");
    }

    private static double Ratio(int a, int b) => b == 0 ? 1 : (double)a / b;

    internal static int Distance(string a, string b) => Math.Abs(IndexOf(a) - IndexOf(b));

    private static int IndexOf(string complexity) => complexity switch
    {
        Complexity.Simple => 0,
        Complexity.Medium => 1,
        Complexity.Complex => 2,
        _ => 3,
    };

    private readonly record struct Metrics(double TaskType, double Exact, double WithinOne, double SensitiveRecall, double SensitivePrecision)
    {
        public static Metrics Of(List<(DevExample Example, Majordomo.Classification.Classification Got)> rows) => new(
            Ratio(rows.Count(r => r.Got.TaskType == r.Example.TaskType), rows.Count),
            Ratio(rows.Count(r => r.Got.Complexity == r.Example.Complexity), rows.Count),
            Ratio(rows.Count(r => Distance(r.Got.Complexity, r.Example.Complexity) <= 1), rows.Count),
            Ratio(rows.Count(r => r.Example.Sensitive && r.Got.Sensitive), rows.Count(r => r.Example.Sensitive)),
            Ratio(rows.Count(r => r.Example.Sensitive && r.Got.Sensitive), rows.Count(r => r.Got.Sensitive)));
    }
}

/// <summary>One labelled prompt, already read into a <see cref="PromptView"/>.</summary>
internal sealed record DevExample(string Id, string Half, string TaskType, string Complexity, bool Sensitive, PromptView View, string Preview);

/// <summary>
/// Loads the dev set. A line is either a whole request <c>body</c> (with its <c>protocol</c>), or a
/// <c>prompt</c> (plus optional <c>system</c>) that is wrapped in turn as OpenAI string content, OpenAI
/// array content and an Anthropic content block, so every shape is exercised.
/// </summary>
internal static class DevSet
{
    public static List<DevExample> Load()
    {
        var list = new List<DevExample>();
        foreach (var half in new[] { "a", "b", "c" })
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Data", $"classifier-devset-{half}.jsonl");
            var index = 0;
            foreach (var line in File.ReadLines(path))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var node = JsonNode.Parse(line)!.AsObject();
                var (body, protocol) = Body(node, index++);
                var view = PromptView.Parse(Encoding.UTF8.GetBytes(body), protocol);
                var preview = view.LastUserText.Length > 0 ? view.LastUserText : (string?)node["prompt"] ?? "";
                preview = preview.ReplaceLineEndings(" ");
                list.Add(new DevExample((string)node["id"]!, half.ToUpperInvariant(), (string)node["task"]!, (string)node["complexity"]!,
                    (bool)node["sensitive"]!, view, preview[..Math.Min(preview.Length, 70)]));
            }
        }

        return list;
    }

    private static (string Body, string Protocol) Body(JsonObject node, int index)
    {
        var protocol = (string?)node["protocol"] ?? PromptView.OpenAIProtocol;
        if (node["body"] is JsonObject body)
        {
            return (body.ToJsonString(), protocol);
        }

        var prompt = (string)node["prompt"]!;
        var system = (string?)node["system"];
        var request = new JsonObject { ["model"] = "auto" };
        if (node["response_format"] is JsonNode format)
        {
            request["response_format"] = new JsonObject { ["type"] = format.GetValue<string>() };
        }

        switch (index % 3)
        {
            case 0:
                request["messages"] = Messages(system, prompt);
                return (request.ToJsonString(), PromptView.OpenAIProtocol);
            case 1:
                request["messages"] = Messages(system, new JsonArray(new JsonObject { ["type"] = "text", ["text"] = prompt }));
                return (request.ToJsonString(), PromptView.OpenAIProtocol);
            default:
                request["max_tokens"] = 1024;
                if (system is not null)
                {
                    request["system"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = system });
                }

                request["messages"] = new JsonArray(new JsonObject
                {
                    ["role"] = "user",
                    ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = prompt }),
                });
                return (request.ToJsonString(), PromptView.AnthropicProtocol);
        }
    }

    private static JsonArray Messages(string? system, JsonNode content)
    {
        var messages = new JsonArray();
        if (system is not null)
        {
            messages.Add(new JsonObject { ["role"] = "system", ["content"] = system });
        }

        messages.Add(new JsonObject { ["role"] = "user", ["content"] = content });
        return messages;
    }
}
