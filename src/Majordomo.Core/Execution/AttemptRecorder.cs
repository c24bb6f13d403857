using System.Diagnostics;
using Majordomo.Catalog;
using Majordomo.Providers;
using Majordomo.Storage;
using Majordomo.Telemetry;

namespace Majordomo.Execution;

/// <summary>
/// The attempts of one request, and the one place an attempt is recorded: every upstream call ends
/// here exactly once, whatever its outcome. Metrics and traces of attempts hook into <see cref="Record"/>.
/// It is the list of attempts itself (the outcome's and the log row's): most requests make one attempt, which is a
/// field here, where a list of its own was two objects more (its array sized for four) on every request. The log row
/// keeps it until the row is written, and with it the request's span when traces are recorded (ended by then).
/// </summary>
internal sealed class AttemptRecorder(SecretRedactor redactor, MajordomoTracing? tracing = null) : IReadOnlyList<AttemptRecord>
{
    private AttemptRecord? _first;

    // The second attempt on (a fallback, a retry): made by the request that needs it.
    private List<AttemptRecord>? _more;

    /// <summary>The request's span when traces are recorded; null (and nothing to do) otherwise.</summary>
    private readonly Activity? _span = tracing?.CurrentRequest();

    /// <summary>The snapshot's redaction choke point: upstream text is cleaned with it before it is kept.</summary>
    public SecretRedactor Redactor => redactor;

    public IReadOnlyList<AttemptRecord> Attempts => this;

    public int Count => _first is null ? 0 : 1 + (_more?.Count ?? 0);

    public AttemptRecord this[int index] => index == 0 && _first is { } first ? first
        : _more is { } more && index > 0 && index <= more.Count ? more[index - 1]
        : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<AttemptRecord> GetEnumerator()
    {
        if (_first is null)
        {
            yield break;
        }

        yield return _first;
        for (var i = 0; _more is not null && i < _more.Count; i++)
        {
            yield return _more[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Records one attempt of <paramref name="model"/> with <paramref name="credential"/>, begun at
    /// <paramref name="startTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>). The reason can quote the
    /// upstream, so keys are cut out of it (<see cref="SecretRedactor.Redact"/>).
    /// </summary>
    public void Record(ModelEntry model, Credential? credential, int? status, string outcome, string? reason, long startTimestamp)
    {
        var duration = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
        var attempt = new AttemptRecord(model.Id, model.Provider.Name, credential?.Id, status, outcome, reason is null ? null : redactor.Redact(reason, credential), duration);
        if (_first is null)
        {
            _first = attempt;
        }
        else
        {
            (_more ??= []).Add(attempt);
        }

        if (_span is not null)
        {
            tracing!.Attempt(_span, attempt, model.UpstreamModel);
        }
    }
}
