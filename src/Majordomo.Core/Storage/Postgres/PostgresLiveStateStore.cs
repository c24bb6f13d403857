using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Majordomo.Storage.Postgres;

/// <summary>
/// Live state shared through <c>NOTIFY majordomo_live</c>: one notification per change, its payload a
/// small JSON object naming the instance that sent it (so an instance skips its own). Nothing here is
/// stored besides what the health log store already keeps (the <c>cooldowns</c> table, read first by
/// every watcher); a notification sent while a watcher is reconnecting is missed, which only delays a
/// health verdict or a full window until the next one.
/// </summary>
internal sealed class PostgresLiveStateStore(PostgresStore store, PostgresHealthLogStore health, TimeProvider time) : ILiveStateStore
{
    private const string Channel = "majordomo_live";

    /// <summary>Who this process is among the fleet: new at every start.</summary>
    private readonly string _instance = Guid.NewGuid().ToString("N");

    public ValueTask PublishAsync(IReadOnlyList<LiveChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        var batch = new NpgsqlBatch();
        foreach (var change in changes)
        {
            batch.BatchCommands.Add(PostgresStore.Command($"SELECT pg_notify('{Channel}', $1);", Encode(_instance, change)));
        }

        return store.ExecuteAsync(batch, cancellationToken);
    }

    public async IAsyncEnumerable<LiveChange> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var listener = await PostgresListener.StartAsync(store, Channel, cancellationToken).ConfigureAwait(false);

        // Listening first, then the cooldowns in force: one set in between is seen twice, never missed.
        foreach (var cooldown in await health.LoadCooldownsAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            yield return new CooldownChange(cooldown);
        }

        await foreach (var payload in listener.PayloadsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (Decode(_instance, payload) is { } change)
            {
                yield return change;
            }
        }
    }

    /// <summary>The payload of one change: <c>{"i": instance, "k": "c"|"h"|"r", …}</c>; a cooldown's <c>"t"</c> is its stamp.</summary>
    internal static string Encode(string instance, LiveChange change)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("i", instance);
            switch (change)
            {
                case CooldownChange { Cooldown: var c }:
                    w.WriteString("k", "c");
                    w.WriteString("p", c.Provider);
                    w.WriteString("c", c.Credential);
                    w.WriteString("m", c.Model);
                    w.WriteString("r", c.Reason);
                    w.WriteNumber("s", c.Strikes);
                    w.WriteNumber("u", c.Until.UtcTicks);
                    w.WriteNumber("t", c.SetAt);
                    break;
                case HealthChange h:
                    w.WriteString("k", "h");
                    w.WriteString("p", h.Provider);
                    w.WriteString("m", h.Model);
                    w.WriteBoolean("ok", h.Healthy);
                    w.WriteNumber("u", h.At.UtcTicks);
                    w.WriteString("e", h.Error);
                    break;
                case RateLimitChange r:
                    w.WriteString("k", "r");
                    w.WriteString("p", r.Provider);
                    w.WriteString("m", r.Model);
                    w.WriteNumber("u", r.Until.UtcTicks);
                    break;
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The change a payload carries; null for this instance's own, or one this build does not know.</summary>
    internal static LiveChange? Decode(string instance, string payload)
    {
        try
        {
            using var doc = JsonDocument.Parse(payload);
            var o = doc.RootElement;
            if (o.GetProperty("i").GetString() == instance)
            {
                return null;
            }

            var until = new DateTimeOffset(o.GetProperty("u").GetInt64(), TimeSpan.Zero);
            return o.GetProperty("k").GetString() switch
            {
                "c" => new CooldownChange(new StoredCooldown(Text(o, "p")!, Text(o, "c")!, Text(o, "m")!, Text(o, "r")!, o.GetProperty("s").GetInt32(), until,
                    // An older build names no stamp: its clear removes whatever is there, its cooldown is the oldest.
                    o.TryGetProperty("t", out var t) ? t.GetInt64() : until == DateTimeOffset.MinValue ? StoredCooldown.Unnamed : 0)),
                "h" => new HealthChange(Text(o, "p")!, Text(o, "m")!, o.GetProperty("ok").GetBoolean(), until, Text(o, "e")),
                "r" => new RateLimitChange(Text(o, "p"), Text(o, "m"), until),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            // Sent by another build, or not by Majordomo at all: not ours to apply.
            return null;
        }
    }

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
