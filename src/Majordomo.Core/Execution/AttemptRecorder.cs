using System.Diagnostics;
using Majordomo.Catalog;
using Majordomo.Providers;
using Majordomo.Storage;
using Majordomo.Telemetry;

namespace Majordomo.Execution;

/// <summary>
/// The attempts of one request, and the one place an attempt is recorded: every upstream call ends
/// here exactly once, whatever its outcome. Metrics and traces of attempts hook into <see cref="Record"/>.
/// </summary>
internal sealed class AttemptRecorder(SecretRedactor redactor, MajordomoTracing? tracing = null)
{
    private readonly List<AttemptRecord> _attempts = new(4);

    /// <summary>The request's span when traces are recorded; null (and nothing to do) otherwise.</summary>
    private readonly Activity? _span = tracing?.CurrentRequest();

    /// <summary>The snapshot's redaction choke point: upstream text is cleaned with it before it is kept.</summary>
    public SecretRedactor Redactor => redactor;

    public IReadOnlyList<AttemptRecord> Attempts => _attempts;

    public int Count => _attempts.Count;

    /// <summary>
    /// Records one attempt of <paramref name="model"/> with <paramref name="credential"/>, begun at
    /// <paramref name="startTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>). The reason can quote the
    /// upstream, so keys are cut out of it (<see cref="SecretRedactor.Redact"/>).
    /// </summary>
    public void Record(ModelEntry model, Credential? credential, int? status, string outcome, string? reason, long startTimestamp)
    {
        var duration = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
        var attempt = new AttemptRecord(model.Id, model.Provider.Name, credential?.Id, status, outcome, reason is null ? null : redactor.Redact(reason, credential), duration);
        _attempts.Add(attempt);
        if (_span is not null)
        {
            tracing!.Attempt(_span, attempt, model.UpstreamModel);
        }
    }
}
