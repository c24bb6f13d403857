using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;

namespace Majordomo.Caching;

/// <summary>
/// An entry's key: the SHA-256 of the gateway key name, the ingress protocol, the resolved model and the
/// request body in canonical form. Only the hash is kept, so the store holds no prompt text in its keys.
/// </summary>
internal readonly record struct CacheKey(ulong A, ulong B, ulong C, ulong D)
{
    /// <summary>
    /// Top-level fields that do not change the answer (SPEC §8): how it is delivered (<c>stream</c>,
    /// <c>stream_options</c>), who asks (<c>user</c>, <c>metadata</c> — the router's own keys among them) and
    /// <c>model</c>, which is in the key as the model the route resolved to.
    /// </summary>
    private static readonly string[] Volatile = ["model", "stream", "stream_options", "user", "metadata"];

    /// <summary>
    /// The key of a request, or null when the body asks not to be cached (<c>metadata.cache: false</c>).
    /// The body is normalised first — properties sorted, strings unescaped, volatile fields left out — so
    /// key order and spacing never split one question into two entries.
    /// </summary>
    public static CacheKey? Of(ReadOnlyMemory<byte> body, string protocol, string model, string? keyName)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || OptedOut(root))
        {
            return null;
        }

        var canonical = new ArrayBufferWriter<byte>(body.Length + 128);
        using (var w = new Utf8JsonWriter(canonical))
        {
            w.WriteStartArray();
            w.WriteStringValue(keyName ?? "");
            w.WriteStringValue(protocol);
            w.WriteStringValue(model);
            Write(w, root, topLevel: true);
            w.WriteEndArray();
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(canonical.WrittenSpan, hash);
        return new CacheKey(
            BinaryPrimitives.ReadUInt64LittleEndian(hash),
            BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(hash[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(hash[24..]));
    }

    private static bool OptedOut(JsonElement root) =>
        root.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object &&
        metadata.TryGetProperty("cache", out var cache) && cache.ValueKind == JsonValueKind.False;

    private static void Write(Utf8JsonWriter w, JsonElement e, bool topLevel = false)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(w, e, topLevel);
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                foreach (var item in e.EnumerateArray())
                {
                    Write(w, item);
                }

                w.WriteEndArray();
                break;
            case JsonValueKind.String:
                w.WriteStringValue(e.GetString());
                break;
            case JsonValueKind.Number:
                w.WriteRawValue(e.GetRawText(), skipInputValidation: true);
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                w.WriteBooleanValue(e.ValueKind == JsonValueKind.True);
                break;
            default:
                w.WriteNullValue();
                break;
        }
    }

    private static void WriteObject(Utf8JsonWriter w, JsonElement e, bool topLevel)
    {
        var properties = new List<(string Name, int Order, JsonElement Value)>();
        foreach (var p in e.EnumerateObject())
        {
            if (!topLevel || Array.IndexOf(Volatile, p.Name) < 0)
            {
                properties.Add((p.Name, properties.Count, p.Value));
            }
        }

        // By name, then by position: a duplicated name keeps its order.
        properties.Sort(static (x, y) => string.CompareOrdinal(x.Name, y.Name) is var c && c != 0 ? c : x.Order.CompareTo(y.Order));
        w.WriteStartObject();
        foreach (var (name, _, value) in properties)
        {
            w.WritePropertyName(name);
            Write(w, value);
        }

        w.WriteEndObject();
    }
}
