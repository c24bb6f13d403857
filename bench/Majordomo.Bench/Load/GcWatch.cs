using System.Diagnostics;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Majordomo.Bench.Load;

/// <summary>
/// What the gateway's garbage collector reported last: the managed heap after the last collection of any
/// kind, and after the last gen-2 collection both the heap and the bytes that survived it (the live heap),
/// with counts. Zero until the first collection of that kind.
/// </summary>
internal readonly record struct GcReading(double HeapAfterLastMb, double HeapAfterGen2Mb, double LiveAfterGen2Mb, int Collections, int Gen2Collections);

/// <summary>
/// Watches another .NET process's garbage collections over EventPipe (the runtime's <c>GC</c> events at
/// Informational level: a few events per collection, nothing per allocation). RSS alone cannot tell a leak
/// from a gen 2 that the GC has simply not collected yet; the bytes surviving each gen-2 collection can.
/// </summary>
internal sealed class GcWatch : IDisposable
{
    private const double Mb = 1024.0 * 1024.0;
    private readonly object _gate = new();
    private readonly DiagnosticsClient _client;
    private readonly EventPipeSession _session;
    private readonly EventPipeEventSource _source;
    private readonly Task _processing;
    private int _lastEndDepth = -1;
    private GcReading _reading;

    private GcWatch(DiagnosticsClient client, EventPipeSession session)
    {
        _client = client;
        _session = session;
        _source = new EventPipeEventSource(session.EventStream);
        _source.Clr.GCStop += OnEnd;
        _source.Clr.GCHeapStats += OnHeapStats;
        _processing = Task.Run(_source.Process);
    }

    /// <summary>Starts watching <paramref name="pid"/>; null (with a note on stderr) when its diagnostics port cannot be reached.</summary>
    public static GcWatch? TryStart(int pid)
    {
        try
        {
            var provider = new EventPipeProvider(ClrTraceEventParser.ProviderName, System.Diagnostics.Tracing.EventLevel.Informational, (long)ClrTraceEventParser.Keywords.GC);
            var client = new DiagnosticsClient(pid);
            return new GcWatch(client, client.StartEventPipeSession(provider, requestRundown: false));
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or UnsupportedCommandException or IOException or TimeoutException)
        {
            Console.Error.WriteLine($"gc watch: process {pid} not reachable over EventPipe ({ex.Message}); GC columns stay empty");
            return null;
        }
    }

    public GcReading Read()
    {
        lock (_gate)
        {
            return _reading;
        }
    }

    /// <summary>
    /// Makes the process run a full blocking collection now and waits (up to <paramref name="timeout"/>) until
    /// this watch has seen it, so <see cref="GcReading.LiveAfterGen2Mb"/> is the live heap of this moment. A
    /// session enabling the runtime's <c>GCHeapCollect</c> keyword is how <c>dotnet-gcdump</c> asks for its
    /// collection; this one asks for nothing else (no heap walk). False when no collection was seen in time.
    /// </summary>
    public bool InduceGen2(TimeSpan timeout)
    {
        var before = Read().Gen2Collections;
        var provider = new EventPipeProvider(ClrTraceEventParser.ProviderName, System.Diagnostics.Tracing.EventLevel.Informational, (long)ClrTraceEventParser.Keywords.GCHeapCollect);
        try
        {
            using var session = _client.StartEventPipeSession(provider, requestRundown: false);
            var drain = session.EventStream.CopyToAsync(Stream.Null);
            var started = Stopwatch.GetTimestamp();
            while (Read().Gen2Collections == before && Stopwatch.GetElapsedTime(started) < timeout)
            {
                Thread.Sleep(50);
            }

            session.Stop();
            drain.Wait(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or IOException or TimeoutException)
        {
            return false;
        }

        return Read().Gen2Collections > before;
    }

    // GCEnd carries the depth; the heap statistics of the same collection follow it (for a background gen-2
    // collection too: both are written when it finishes).
    private void OnEnd(GCEndTraceData data)
    {
        lock (_gate)
        {
            _lastEndDepth = data.Depth;
        }
    }

    private void OnHeapStats(GCHeapStatsTraceData data)
    {
        lock (_gate)
        {
            var heap = data.TotalHeapSize / Mb;
            _reading = _lastEndDepth == 2
                ? _reading with { HeapAfterLastMb = heap, HeapAfterGen2Mb = heap, LiveAfterGen2Mb = data.TotalPromoted / Mb, Collections = _reading.Collections + 1, Gen2Collections = _reading.Gen2Collections + 1 }
                : _reading with { HeapAfterLastMb = heap, Collections = _reading.Collections + 1 };
            _lastEndDepth = -1;
        }
    }

    public void Dispose()
    {
        try
        {
            _session.Stop();
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or IOException or TimeoutException)
        {
            // The process is gone: the stream has ended anyway.
        }

        _processing.Wait(TimeSpan.FromSeconds(5));
        _source.Dispose();
        _session.Dispose();
    }
}
