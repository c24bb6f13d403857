using System.Collections.Concurrent;
using Majordomo.Telemetry;

namespace Majordomo.Caching;

/// <summary>A stored answer: the answering model, its form (a stream's SSE bytes or a whole body) and the bytes the client got.</summary>
internal sealed record CachedAnswer(string Model, bool Streamed, byte[] Bytes, string? ContentType);

/// <summary>
/// The exact response cache's store (SPEC §8): in memory, bounded by entries and bytes, each entry kept for
/// its route's time to live. Runtime state: one instance for the process, kept across config reloads (each
/// call gets the current snapshot's <see cref="CacheSettings"/>). Reads take no lock (a concurrent
/// dictionary and a timestamp written per hit); only eviction, when a store passes a bound, takes one and
/// removes the least recently used tenth in one sweep, so its cost is spread over many stores.
/// </summary>
internal sealed class ResponseCache(TimeProvider time, MajordomoMetrics metrics)
{
    /// <summary>What an entry costs beyond its answer's bytes (the entry, its key, the dictionary node).</summary>
    public const int EntryOverhead = 256;

    private readonly ConcurrentDictionary<CacheKey, Entry> _entries = new();
    private readonly Lock _evicting = new();
    private long _bytes;

    public int Count => _entries.Count;

    /// <summary>Bytes held, overhead included.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>The live answer stored under <paramref name="key"/>, or null (an expired one is removed).</summary>
    public CachedAnswer? Get(CacheKey key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (time.GetUtcNow() >= entry.Expires)
        {
            Remove(key, entry);
            return null;
        }

        entry.Touch(time.GetTimestamp());
        return entry.Answer;
    }

    /// <summary>Stores <paramref name="answer"/> for <paramref name="ttl"/>; false when it is bigger than one entry may be.</summary>
    public bool Add(CacheSettings settings, CacheKey key, CachedAnswer answer, TimeSpan ttl)
    {
        var size = answer.Bytes.Length + EntryOverhead;
        if (size > settings.MaxEntryBytes)
        {
            return false;
        }

        var entry = new Entry(answer, time.GetUtcNow() + ttl, size, time.GetTimestamp());
        while (true)
        {
            if (_entries.TryGetValue(key, out var old))
            {
                if (_entries.TryUpdate(key, entry, old))
                {
                    Interlocked.Add(ref _bytes, size - old.Size);
                    break;
                }
            }
            else if (_entries.TryAdd(key, entry))
            {
                Interlocked.Add(ref _bytes, size);
                break;
            }
        }

        metrics.RecordCache(CacheResults.Store);
        if (_entries.Count > settings.MaxEntries || Bytes > settings.MaxBytes)
        {
            Evict(settings);
        }

        return true;
    }

    /// <summary>Stores what <paramref name="capture"/> kept when the chain answered whole and the lookup allows storing.</summary>
    public void Store(CacheSettings settings, CacheLookup lookup, CapturingSink? capture, Execution.ExecutionOutcome outcome)
    {
        if (capture is not null && lookup.Key is { } key && outcome is { Status: Execution.ExecutionStatus.Answered, AnsweredBy: { } model } && capture.Answer(model) is { } answer)
        {
            Add(settings, key, answer, lookup.Ttl);
        }
    }

    private void Remove(CacheKey key, Entry entry)
    {
        if (_entries.TryRemove(new KeyValuePair<CacheKey, Entry>(key, entry)))
        {
            Interlocked.Add(ref _bytes, -entry.Size);
        }
    }

    /// <summary>Expired entries first, then the least recently used, until a tenth below both bounds.</summary>
    private void Evict(CacheSettings settings)
    {
        if (!_evicting.TryEnter())
        {
            return; // another store is already sweeping
        }

        try
        {
            var now = time.GetUtcNow();
            var all = _entries.ToArray();
            Array.Sort(all, (x, y) => (x.Value.Expires <= now).CompareTo(y.Value.Expires <= now) is var c && c != 0 ? -c : x.Value.LastUsed.CompareTo(y.Value.LastUsed));
            var targetCount = settings.MaxEntries - (settings.MaxEntries / 10);
            var targetBytes = settings.MaxBytes - (settings.MaxBytes / 10);
            var evicted = 0;
            foreach (var (key, entry) in all)
            {
                if (entry.Expires > now && _entries.Count <= targetCount && Bytes <= targetBytes)
                {
                    break;
                }

                Remove(key, entry);
                evicted++;
            }

            metrics.RecordCache(CacheResults.Evict, evicted);
        }
        finally
        {
            _evicting.Exit();
        }
    }

    private sealed class Entry(CachedAnswer answer, DateTimeOffset expires, long size, long lastUsed)
    {
        private long _lastUsed = lastUsed;

        public CachedAnswer Answer { get; } = answer;

        public DateTimeOffset Expires { get; } = expires;

        public long Size { get; } = size;

        public long LastUsed => Volatile.Read(ref _lastUsed);

        public void Touch(long timestamp) => Volatile.Write(ref _lastUsed, timestamp);
    }
}

/// <summary>The <c>result</c> label of <c>majordomo_cache_total</c> and the request log's <c>cache</c> column.</summary>
internal static class CacheResults
{
    public const string Hit = "hit";
    public const string Miss = "miss";
    public const string Bypass = "bypass";
    public const string Store = "store";
    public const string Evict = "evict";
}
