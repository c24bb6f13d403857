using System.Buffers;
using System.Text;
using System.Text.Json;
using Majordomo.Chat;
using Majordomo.Config;
using Majordomo.Providers;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Classification;

/// <summary>
/// Where <c>classifier.model</c> lives: its provider, upstream name and credential, resolved by routing
/// from the catalog. <paramref name="Local"/> is true for a <c>local</c> or <c>lan</c> provider.
/// </summary>
internal sealed record ClassifierTarget(IChatProvider Provider, string UpstreamModel, ReadOnlyMemory<byte> UpstreamModelJson, Credential? Credential, bool Local, TimeSpan Timeout);

/// <summary>
/// <c>classifier.mode: "model"</c> (SPEC §1.3): asks a small model for <c>{complexity, taskType}</c> with a
/// JSON-only prompt through the normal provider seam. The heuristic always runs first: its answer is the
/// fallback (an error status, a timeout, output that is not the JSON asked for → the heuristic's answer
/// with <see cref="Classification.Source"/> <c>heuristic-fallback</c>), and it alone decides
/// <c>sensitive</c> together with the model (either one saying yes is yes) and the token estimate.
/// </summary>
internal sealed partial class ModelClassifier(TimeProvider time, ILogger logger)
{
    public const string ModelSource = "model";
    public const string FallbackSource = "heuristic-fallback";

    /// <summary>An answer longer than this is not the few dozen bytes of JSON asked for.</summary>
    private const int MaxAnswerBytes = 64 * 1024;

    private const int HeadChars = 1500;
    private const int TailChars = 500;
    private const int SystemChars = 400;

    private static readonly string[] TaskTypes =
        ["conversation", "coding", "math", "reasoning", "summarization", "extraction", "creative", "vision", "research", "translation"];

    internal const string Instructions =
        "You classify requests sent to an AI assistant. Answer with one JSON object and nothing else: " +
        "{\"complexity\": \"simple|medium|complex|reasoning\", \"taskType\": \"conversation|coding|math|reasoning|summarization|extraction|creative|vision|research|translation\", \"sensitive\": true|false}. " +
        "complexity: simple = a greeting or a one-step answer; medium = an ordinary single task; complex = multi-part work, long material or system design; " +
        "reasoning = proofs, puzzles or careful multi-step deduction. sensitive = the text contains a password, API key, private key, card number or personal id number. " +
        "Classify what the user asks for, not the material they pasted.";

    /// <summary>
    /// Classifies <paramref name="prompt"/> with the model; never throws for a model failure. Only the
    /// caller's own cancellation propagates (a client that hung up is not a classifier failure).
    /// </summary>
    public async Task<Classification> ClassifyAsync(PromptView prompt, ClassifierTarget target, CancellationToken cancellationToken)
    {
        var heuristic = HeuristicClassifier.Classify(prompt);

        // A prompt holding a secret is never sent to a cloud model just to be classified.
        if (heuristic.Sensitive && !target.Local)
        {
            return heuristic;
        }

        using var timeout = new CancellationTokenSource(target.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var call = new UpstreamCall(OpenAIRequestReader.Parse(BuildBody(prompt, target.UpstreamModel)), target.UpstreamModel, target.UpstreamModelJson, target.Credential);
            using var response = await target.Provider.SendAsync(call, linked.Token).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                LogFallback(logger, target.UpstreamModel, $"status {response.StatusCode}");
                return heuristic with { Source = FallbackSource };
            }

            var body = await response.ReadBodyAsync(MaxAnswerBytes, linked.Token).ConfigureAwait(false);
            if (Interpret(body, heuristic, prompt) is { } answer)
            {
                return answer;
            }

            LogFallback(logger, target.UpstreamModel, "the answer was not the JSON asked for");
            return heuristic with { Source = FallbackSource };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFallback(logger, target.UpstreamModel, $"no answer within {target.Timeout.TotalMilliseconds:0} ms");
            return heuristic with { Source = FallbackSource };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Connection refused, reset, an oversized body: the heuristic answers instead.
            LogFallback(logger, target.UpstreamModel, ex.GetType().Name);
            return heuristic with { Source = FallbackSource };
        }
    }

    /// <summary>The OpenAI chat body sent to the classifier model: instructions plus an excerpt of the request.</summary>
    internal static byte[] BuildBody(PromptView prompt, string upstreamModel)
    {
        var excerpt = new StringBuilder(HeadChars + TailChars + SystemChars + 200);
        // A known agent's system prompt describes the agent, not the task (SPEC §1.10).
        if (prompt.SystemText.Length > 0 && prompt.Agent is null)
        {
            excerpt.Append("[system prompt] ").Append(prompt.SystemText.AsSpan(0, Math.Min(prompt.SystemText.Length, SystemChars))).Append("\n\n");
        }

        var user = prompt.LastUserText;
        excerpt.Append("[user request] ");
        if (user.Length <= HeadChars + TailChars)
        {
            excerpt.Append(user);
        }
        else
        {
            excerpt.Append(user.AsSpan(0, HeadChars)).Append("\n[… ").Append(user.Length - HeadChars - TailChars).Append(" characters left out …]\n").Append(user.AsSpan(user.Length - TailChars));
        }

        excerpt.Append("\n\n[request facts] ").Append(prompt.MessageCount).Append(" messages, ")
            .Append(prompt.ToolCalls).Append(" tool calls, ").Append(prompt.ToolDefinitions).Append(" tools offered, ")
            .Append(prompt.MediaParts).Append(" images or files, about ").Append(prompt.EstimatedPromptTokens).Append(" tokens.");

        var buffer = new ArrayBufferWriter<byte>(excerpt.Length + Instructions.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("model", upstreamModel);
            writer.WriteStartArray("messages");
            writer.WriteStartObject();
            writer.WriteString("role", "system");
            writer.WriteString("content", Instructions);
            writer.WriteEndObject();
            writer.WriteStartObject();
            writer.WriteString("role", "user");
            writer.WriteString("content", excerpt.ToString());
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteNumber("temperature", 0);
            writer.WriteNumber("max_tokens", 100);
            writer.WriteBoolean("stream", false);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Reads the model's answer from an OpenAI (<c>choices[0].message.content</c>) or Anthropic
    /// (<c>content[].text</c>) body; null when it is not a JSON object with a known complexity and task type.
    /// </summary>
    internal static Classification? Interpret(byte[] body, Classification heuristic, PromptView prompt)
    {
        string? text;
        try
        {
            using var doc = JsonDocument.Parse(body);
            text = AnswerText(doc.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }

        if (text is null)
        {
            return null;
        }

        // Small models wrap JSON in prose or a ``` fence: take the outermost object.
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return null;
        }

        try
        {
            using var answer = JsonDocument.Parse(text.AsMemory(start, end - start + 1));
            var root = answer.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var complexity = Known(StringProperty(root, "complexity"), Complexity.All);
            var task = Known(StringProperty(root, "taskType") ?? StringProperty(root, "task_type") ?? StringProperty(root, "task"), TaskTypes);
            if (complexity is null || task is null)
            {
                return null;
            }

            var sensitive = root.TryGetProperty("sensitive", out var s) && s.ValueKind == JsonValueKind.True;

            // The model sees no image: a request carrying media still needs a model that does.
            return heuristic with
            {
                Complexity = complexity,
                TaskType = prompt.HasMedia ? "vision" : task,
                Sensitive = heuristic.Sensitive || sensitive,
                Source = ModelSource,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? AnswerText(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0
            && choices[0].TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object)
        {
            return StringProperty(message, "content");
        }

        if (root.TryGetProperty("content", out var blocks) && blocks.ValueKind == JsonValueKind.Array)
        {
            foreach (var block in blocks.EnumerateArray())
            {
                if (block.ValueKind == JsonValueKind.Object && StringProperty(block, "type") == "text")
                {
                    return StringProperty(block, "text");
                }
            }
        }

        return null;
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Known(string? value, IReadOnlyList<string> allowed)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        foreach (var a in allowed)
        {
            if (string.Equals(a, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return a;
            }
        }

        return null;
    }

    [LoggerMessage(EventId = LogEvents.ModelClassifierFallback, Level = LogLevel.Warning, Message = "Model classifier '{Model}' failed ({Reason}); the heuristic classifier decided (heuristic-fallback)")]
    private static partial void LogFallback(ILogger logger, string model, string reason);
}
