using System.Globalization;
using System.Text;
using System.Text.Json;
using Majordomo.Chat;
using Majordomo.Config;

namespace Majordomo.Classification;

/// <summary>One labelled line of an evaluation file: the request it stands for and whichever labels it carries.</summary>
internal sealed record LabelledPrompt(int Line, PromptView View, string? TaskType, string? Complexity, bool? Sensitive)
{
    /// <summary>The start of the user's last message on one line, for listing misclassified lines.</summary>
    public string Preview
    {
        get
        {
            var text = View.LastUserText.Length > 0 ? View.LastUserText : View.SystemText;
            text = text.Length > 90 ? text[..90] : text;
            return text.ReplaceLineEndings(" ");
        }
    }
}

/// <summary>One line the classifier got wrong on some label: what the label said and what it answered.</summary>
internal sealed record EvaluationError(int Line, string? WantTaskType, string GotTaskType, string? WantComplexity, string GotComplexity,
    bool? WantSensitive, bool GotSensitive, string Preview);

/// <summary>
/// Scores of a classifier on labelled prompts (SPEC §1.3, <c>majordomo route --eval</c>). A metric whose
/// label no line carries is null, not 0 or 1: there was nothing to measure.
/// </summary>
internal sealed record EvaluationReport(
    int N,
    double? TaskTypeAccuracy,
    double? ComplexityExact,
    double? ComplexityWithinOne,
    double? SensitiveRecall,
    double? SensitivePrecision,
    IReadOnlyList<(string Want, string Got, int Count)> TaskTypeConfusion,
    IReadOnlyList<(string Want, string Got, int Count)> ComplexityConfusion,
    IReadOnlyList<EvaluationError> Errors);

/// <summary>Reads labelled JSONL and scores a classifier on it; shared by the CLI, the tests and the training tool.</summary>
internal static class ClassifierEvaluation
{
    /// <summary>The ordinal position of a complexity level, -1 when it is not one.</summary>
    public static int Level(string? complexity) => complexity switch
    {
        Complexity.Simple => 0,
        Complexity.Medium => 1,
        Complexity.Complex => 2,
        Complexity.Reasoning => 3,
        _ => -1,
    };

    /// <summary>
    /// Parses one line: <c>prompt</c> (a user message), <c>messages</c> (OpenAI shape) or <c>body</c> (a whole
    /// request in either protocol), plus optional <c>taskType</c> (or <c>task</c>), <c>complexity</c>,
    /// <c>sensitive</c>. Returns null with a reason when the line cannot be used.
    /// </summary>
    public static LabelledPrompt? ParseLine(string line, int lineNumber, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "not a JSON object";
                return null;
            }

            var body = Body(root);
            if (body is null)
            {
                problem = "has none of 'prompt' (string), 'messages' (array) or 'body' (object)";
                return null;
            }

            var protocol = root.TryGetProperty("protocol", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : Protocol(root);
            var view = PromptView.Parse(body, protocol);
            var task = Text(root, "taskType") ?? Text(root, "task");
            var complexity = Text(root, "complexity");
            if (complexity is not null && Level(complexity) < 0)
            {
                problem = $"complexity '{complexity}' is not one of simple, medium, complex, reasoning";
                return null;
            }

            bool? sensitive = root.TryGetProperty("sensitive", out var s) && s.ValueKind is JsonValueKind.True or JsonValueKind.False ? s.GetBoolean() : null;
            return new LabelledPrompt(lineNumber, view, task, complexity, sensitive);
        }
        catch (JsonException ex)
        {
            problem = "not valid JSON: " + ex.Message;
            return null;
        }
    }

    /// <summary>
    /// A body without a <c>protocol</c> is Anthropic when it shows it (a top-level <c>system</c>, or a
    /// <c>tool_use</c> / <c>tool_result</c> / base64 <c>source</c> block); otherwise OpenAI, which reads plain messages the same.
    /// </summary>
    private static string Protocol(JsonElement root)
    {
        if (!root.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object)
        {
            return PromptView.OpenAIProtocol;
        }

        if (body.TryGetProperty("system", out _))
        {
            return PromptView.AnthropicProtocol;
        }

        if (body.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            foreach (var message in messages.EnumerateArray())
            {
                if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var block in content.EnumerateArray())
                {
                    if (block.ValueKind == JsonValueKind.Object && (block.TryGetProperty("source", out _)
                        || (block.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() is "tool_use" or "tool_result")))
                    {
                        return PromptView.AnthropicProtocol;
                    }
                }
            }
        }

        return PromptView.OpenAIProtocol;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[]? Body(JsonElement root)
    {
        if (root.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object)
        {
            return JsonSerializer.SerializeToUtf8Bytes(body);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("messages"u8);
            if (root.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
            {
                messages.WriteTo(writer);
            }
            else if (root.TryGetProperty("prompt", out var prompt) && prompt.ValueKind == JsonValueKind.String)
            {
                writer.WriteStartArray();
                if (root.TryGetProperty("system", out var system) && system.ValueKind == JsonValueKind.String)
                {
                    writer.WriteStartObject();
                    writer.WriteString("role"u8, "system"u8);
                    writer.WriteString("content"u8, system.GetString());
                    writer.WriteEndObject();
                }

                writer.WriteStartObject();
                writer.WriteString("role"u8, "user"u8);
                writer.WriteString("content"u8, prompt.GetString());
                writer.WriteEndObject();
                writer.WriteEndArray();
            }
            else
            {
                return null;
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static EvaluationReport Evaluate(IReadOnlyList<LabelledPrompt> examples, Func<PromptView, Classification> classify)
    {
        int taskN = 0, taskHit = 0, cxN = 0, cxExact = 0, cxNear = 0, truePos = 0, positives = 0, flagged = 0;
        var taskConfusion = new Dictionary<(string, string), int>();
        var cxConfusion = new Dictionary<(string, string), int>();
        var errors = new List<EvaluationError>();
        foreach (var example in examples)
        {
            var got = classify(example.View);
            var wrong = false;
            if (example.TaskType is { } task)
            {
                taskN++;
                taskHit += task == got.TaskType ? 1 : 0;
                wrong |= task != got.TaskType;
                Count(taskConfusion, (task, got.TaskType));
            }

            if (example.Complexity is { } complexity)
            {
                cxN++;
                var distance = Math.Abs(Level(complexity) - Level(got.Complexity));
                cxExact += distance == 0 ? 1 : 0;
                cxNear += distance <= 1 ? 1 : 0;
                wrong |= distance > 1;
                Count(cxConfusion, (complexity, got.Complexity));
            }

            if (example.Sensitive is { } sensitive)
            {
                positives += sensitive ? 1 : 0;
                flagged += got.Sensitive ? 1 : 0;
                truePos += sensitive && got.Sensitive ? 1 : 0;
                wrong |= sensitive != got.Sensitive;
            }

            if (wrong)
            {
                errors.Add(new EvaluationError(example.Line, example.TaskType, got.TaskType, example.Complexity, got.Complexity,
                    example.Sensitive, got.Sensitive, example.Preview));
            }
        }

        return new EvaluationReport(examples.Count, Ratio(taskHit, taskN), Ratio(cxExact, cxN), Ratio(cxNear, cxN),
            Ratio(truePos, positives), Ratio(truePos, flagged), Table(taskConfusion), Table(cxConfusion), errors);
    }

    private static void Count(Dictionary<(string, string), int> table, (string, string) key) =>
        table[key] = table.GetValueOrDefault(key) + 1;

    private static (string, string, int)[] Table(Dictionary<(string, string), int> table) =>
        [.. table.OrderBy(kv => kv.Key.Item1, StringComparer.Ordinal).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal).Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Value))];

    private static double? Ratio(int hit, int n) => n == 0 ? null : (double)hit / n;

    /// <summary>The report as text: the figures, both confusion tables, the misclassified lines.</summary>
    public static string ToText(EvaluationReport report)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{report.N} labelled prompts\n");
        sb.Append(CultureInfo.InvariantCulture, $"taskType accuracy      {Percent(report.TaskTypeAccuracy)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"complexity exact       {Percent(report.ComplexityExact)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"complexity within one  {Percent(report.ComplexityWithinOne)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"sensitive recall       {Percent(report.SensitiveRecall)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"sensitive precision    {Percent(report.SensitivePrecision)}\n");
        Confusion(sb, "taskType", report.TaskTypeConfusion);
        Confusion(sb, "complexity", report.ComplexityConfusion);
        sb.Append(CultureInfo.InvariantCulture, $"\nMisclassified ({report.Errors.Count}; complexity counts when off by more than one level):\n");
        foreach (var e in report.Errors)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"  line {e.Line}: want {e.WantTaskType ?? "-"}/{e.WantComplexity ?? "-"}{Sensitive(e.WantSensitive)} got {e.GotTaskType}/{e.GotComplexity}{Sensitive(e.GotSensitive)}  {e.Preview}\n");
        }

        return sb.ToString();
    }

    private static string Sensitive(bool? sensitive) => sensitive switch
    {
        true => "/sensitive",
        false => "/-",
        null => "",
    };

    private static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a (no line has this label)";

    private static void Confusion(StringBuilder sb, string title, IReadOnlyList<(string Want, string Got, int Count)> cells)
    {
        if (cells.Count == 0)
        {
            return;
        }

        var labels = cells.Select(c => c.Want).Concat(cells.Select(c => c.Got)).Distinct().Order(StringComparer.Ordinal).ToList();
        sb.Append(CultureInfo.InvariantCulture, $"\nConfusion for {title} (rows = label, columns = classifier):\n{"",-14}");
        foreach (var label in labels)
        {
            sb.Append(CultureInfo.InvariantCulture, $" {label[..Math.Min(6, label.Length)],6}");
        }

        sb.Append('\n');
        foreach (var row in labels)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{row,-14}");
            foreach (var column in labels)
            {
                var count = cells.FirstOrDefault(c => c.Want == row && c.Got == column).Count;
                sb.Append(CultureInfo.InvariantCulture, $" {count,6}");
            }

            sb.Append('\n');
        }
    }

    /// <summary>The <c>--json</c> object of SPEC §1.3.</summary>
    public static void WriteJson(Utf8JsonWriter writer, EvaluationReport report)
    {
        writer.WriteStartObject();
        writer.WriteNumber("n"u8, report.N);
        Number(writer, "taskTypeAccuracy", report.TaskTypeAccuracy);
        Number(writer, "complexityExact", report.ComplexityExact);
        Number(writer, "complexityWithinOne", report.ComplexityWithinOne);
        Number(writer, "sensitiveRecall", report.SensitiveRecall);
        Number(writer, "sensitivePrecision", report.SensitivePrecision);
        writer.WriteStartArray("errors"u8);
        foreach (var e in report.Errors)
        {
            writer.WriteStartObject();
            writer.WriteNumber("line"u8, e.Line);
            writer.WriteStartObject("expected"u8);
            Labels(writer, e.WantTaskType, e.WantComplexity, e.WantSensitive);
            writer.WriteEndObject();
            writer.WriteStartObject("got"u8);
            Labels(writer, e.GotTaskType, e.GotComplexity, e.GotSensitive);
            writer.WriteEndObject();
            writer.WriteString("text"u8, e.Preview);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void Labels(Utf8JsonWriter writer, string? task, string? complexity, bool? sensitive)
    {
        if (task is not null)
        {
            writer.WriteString("taskType"u8, task);
        }

        if (complexity is not null)
        {
            writer.WriteString("complexity"u8, complexity);
        }

        if (sensitive is { } s)
        {
            writer.WriteBoolean("sensitive"u8, s);
        }
    }

    private static void Number(Utf8JsonWriter writer, string name, double? value) =>
        writer.WriteNumberOrNull(name, value is { } v ? Math.Round(v, 4) : null);
}
