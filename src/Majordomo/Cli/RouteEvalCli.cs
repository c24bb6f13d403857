using System.Text.Json;
using Majordomo.Classification;

namespace Majordomo.Cli;

/// <summary>
/// <c>majordomo route --eval FILE.jsonl [--json]</c> (SPEC §1.3): scores the built-in classifier on a
/// labelled file. It measures, it does not judge: exit 0 whatever the scores, 2 when the file cannot be
/// read. Lines that cannot be used are named on stderr and left out of the figures.
/// </summary>
internal static class RouteEvalCli
{
    public static async Task<int> EvalAsync(string path, bool json, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> lines;
        try
        {
            lines = await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await errors.WriteLineAsync($"majordomo: cannot read '{path}': {ex.Message}").ConfigureAwait(false);
            return MajordomoCli.UsageError;
        }

        var examples = new List<LabelledPrompt>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            if (ClassifierEvaluation.ParseLine(lines[i], i + 1, out var problem) is { } example)
            {
                examples.Add(example);
            }
            else
            {
                await errors.WriteLineAsync($"warning: {path}:{i + 1}: skipped: {problem}").ConfigureAwait(false);
            }
        }

        var report = ClassifierEvaluation.Evaluate(examples, HeuristicClassifier.Classify);
        if (json)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                ClassifierEvaluation.WriteJson(writer, report);
            }

            await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
        }
        else
        {
            await output.WriteAsync(ClassifierEvaluation.ToText(report)).ConfigureAwait(false);
        }

        return MajordomoCli.Ok;
    }
}
