using System.Diagnostics;
using Majordomo.Catalog;
using Majordomo.Providers;
using Majordomo.Routing;

namespace Majordomo.Execution;

/// <summary>
/// How one attempt ended: an outcome the client got, or a classified failure the walk acts on. Two references: it is
/// the result of every layer of the attempt (each state machine's box holds it, its awaiter and the builder's copy), so
/// a failure's facts, which a request that succeeds never has, sit in an object of their own.
/// </summary>
internal readonly record struct AttemptResult(ExecutionOutcome? Outcome, AttemptFailure? Failed)
{
    public static AttemptResult Final(ExecutionOutcome outcome) => new(outcome, null);

    public FailureClass? Failure => Failed?.Class;

    public int? Status => Failed?.Status;

    public byte[]? Body => Failed?.Body;

    public TimeSpan? RetryAfter => Failed?.RetryAfter;
}

/// <summary>A failed attempt's class, its upstream status and body (kept for a caller fault) and its Retry-After.</summary>
internal sealed record AttemptFailure(FailureClass Class, int? Status, byte[]? Body, TimeSpan? RetryAfter);

/// <summary>
/// One attempt's facts and timers: the entry and credential, when it began, and its cancellation —
/// the attempt's total timeout, the chain's deadline and the client, plus the first-token timer that
/// only governs the call and its first read.
/// </summary>
internal sealed class AttemptScope : IDisposable
{
    // One source per attempt for its timeout, the chain's deadline and the client: linked to the chain's token and
    // cancelled by the attempt's own timer (a second timed source linked to it cost two objects and a registration more).
    private readonly CancellationTokenSource _linked;
    private readonly CancellationToken _chainToken;
    private readonly ITimer? _timer;
    private readonly CancellationTokenSource? _beforeFirst;

    public AttemptScope(RoutePlan plan, ChainEntry entry, Credential? credential, AttemptRecorder recorder, TimeProvider time, CancellationToken chainToken, CancellationToken clientAborted)
    {
        Plan = plan;
        Entry = entry;
        Credential = credential;
        Recorder = recorder;
        ClientAborted = clientAborted;
        Start = Stopwatch.GetTimestamp();
        _chainToken = chainToken;
        _linked = CancellationTokenSource.CreateLinkedTokenSource(chainToken);
        var timeout = TimeSpan.FromMilliseconds(entry.TimeoutMs);
        if (time == TimeProvider.System)
        {
            // The system clock's timer is the source's own (no timer object of the provider's around it).
            _linked.CancelAfter(timeout);
        }
        else
        {
            _timer = time.CreateTimer(static state => CancelQuietly((CancellationTokenSource)state!), _linked, timeout, Timeout.InfiniteTimeSpan);
        }

        FirstToken = entry.FirstTokenTimeoutMs is { } ftt ? new CancellationTokenSource(TimeSpan.FromMilliseconds(ftt), time) : null;
        _beforeFirst = FirstToken is null ? null : CancellationTokenSource.CreateLinkedTokenSource(_linked.Token, FirstToken.Token);
    }

    public RoutePlan Plan { get; }

    public ChainEntry Entry { get; }

    public ModelEntry Model => Entry.Model;

    public Credential? Credential { get; }

    public AttemptRecorder Recorder { get; }

    public CancellationToken ClientAborted { get; }

    public long Start { get; }

    /// <summary>The whole attempt: its own timeout, the chain's deadline, the client.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>Until the first byte: <see cref="Token"/> and the first-token timer.</summary>
    public CancellationToken FirstTokenToken => _beforeFirst?.Token ?? _linked.Token;

    public CancellationTokenSource? FirstToken { get; }

    /// <summary>The answer reached the client (a body, or a stream's first event): a timeout now is no longer "no first token".</summary>
    public bool Committed { get; set; }

    public double ElapsedMs => Stopwatch.GetElapsedTime(Start).TotalMilliseconds;

    /// <summary>Records this attempt (<see cref="AttemptRecorder.Record"/>).</summary>
    public void Record(int? status, string outcome, string? reason) => Recorder.Record(Model, Credential, status, outcome, reason, Start);

    /// <summary>Records a failed attempt and hands its class (and what the walk needs of it) back.</summary>
    public AttemptResult Fail(FailureClass failure, int? status, string reason, byte[]? body = null, TimeSpan? retryAfter = null)
    {
        Record(status, FailureClassifier.Name(failure), reason);
        return new AttemptResult(null, new AttemptFailure(failure, status, body, retryAfter));
    }

    /// <summary>A short reason quoting upstream text, redacted (<see cref="UpstreamText.Summarize"/>).</summary>
    public string Summarize(int status, string text) => UpstreamText.Summarize(Recorder.Redactor, status, text, Credential);

    /// <summary>
    /// Which timer ended the attempt. When none of them fired, <paramref name="cancelled"/> is the transport's own
    /// timeout (the connect timeout throws a cancellation too) and says so in its words, rather than "timed out after
    /// 120000 ms" for a call that gave up on its connection after 10 s.
    /// </summary>
    public string TimeoutReason(Exception? cancelled = null) => FirstToken?.IsCancellationRequested == true && !Committed
        ? $"no first token within {Entry.FirstTokenTimeoutMs} ms"
        : _chainToken.IsCancellationRequested ? "chain deadline reached"
        : cancelled is not null && !_linked.IsCancellationRequested ? UpstreamText.Describe(cancelled)
        : $"timed out after {Entry.TimeoutMs} ms";

    public void Dispose()
    {
        _beforeFirst?.Dispose();
        FirstToken?.Dispose();
        _timer?.Dispose();
        _linked.Dispose();
    }

    // A timer of another provider may fire while the attempt ends (Dispose races it): nothing is left to cancel then.
    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
