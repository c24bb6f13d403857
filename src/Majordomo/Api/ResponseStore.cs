using System.Text.Json;
using Majordomo.Chat;

namespace Majordomo.Api;

/// <summary>
/// The responses this gateway produced for <c>POST /v1/responses</c> with <c>store</c> not false, kept so a
/// later request can name one as <c>previous_response_id</c>: each entry is the conversation so far (the
/// input items it was asked with, then its output items). In memory, per instance and bounded (oldest
/// dropped first past <see cref="MaxEntries"/> or <see cref="MaxBytes"/>): a gateway restart, another
/// instance or an evicted id gives the client a 400 asking for the full input instead. Entries are keyed by
/// the gateway key's name too, so one tenant can never continue another's conversation.
/// </summary>
internal sealed class ResponseStore
{
    public const int MaxEntries = 4096;
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>A bigger answer forwarded part by part is not kept (holding it would defeat forwarding it).</summary>
    public const int MaxForwardedAnswerBytes = 16 * 1024 * 1024;

    private readonly Dictionary<string, byte[]> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();
    private long _bytes;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The stored conversation items (a JSON array's contents, without brackets), or null.</summary>
    public byte[]? Find(string? keyName, string responseId)
    {
        lock (_lock)
        {
            return _entries.TryGetValue(Key(keyName, responseId), out var items) ? items : null;
        }
    }

    /// <summary>Stores a finished response (a <c>response</c> object) after the input items it answered.</summary>
    public void Add(string? keyName, ReadOnlySpan<byte> inputItems, ReadOnlySpan<byte> response)
    {
        if (ReadOutput(response) is not ({ } id, { } output))
        {
            return;
        }

        var items = new byte[inputItems.Length + (inputItems.IsEmpty || output.Length == 0 ? 0 : 1) + output.Length];
        inputItems.CopyTo(items);
        if (!inputItems.IsEmpty && output.Length > 0)
        {
            items[inputItems.Length] = (byte)',';
        }

        output.CopyTo(items.AsSpan(items.Length - output.Length));
        if (items.Length > MaxBytes / 4)
        {
            return;
        }

        var key = Key(keyName, id);
        lock (_lock)
        {
            if (_entries.Remove(key, out var old))
            {
                _bytes -= old.Length;
            }

            _entries[key] = items;
            _order.Enqueue(key);
            _bytes += items.Length;
            while ((_entries.Count > MaxEntries || _bytes > MaxBytes) && _order.TryDequeue(out var oldest))
            {
                if (_entries.Remove(oldest, out var evicted))
                {
                    _bytes -= evicted.Length;
                }
            }
        }
    }

    private static string Key(string? keyName, string id) => (keyName ?? "") + "\n" + id;

    /// <summary>The response's id and the contents of its <c>output</c> array.</summary>
    private static (string? Id, byte[]? Output) ReadOutput(ReadOnlySpan<byte> response)
    {
        try
        {
            var reader = new Utf8JsonReader(response);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String ||
                !root.TryGetProperty("output", out var output) || output.ValueKind != JsonValueKind.Array)
            {
                return (null, null);
            }

            var raw = output.GetRawText();
            return (id.GetString(), System.Text.Encoding.UTF8.GetBytes(raw.AsSpan(1, raw.Length - 2).Trim().ToString()));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    /// <summary>
    /// The request's input as conversation items (a JSON array's contents): a string input is one user message.
    /// </summary>
    public static byte[] InputItems(ChatRequest request)
    {
        if (request.Responses is not { } facts || !facts.Input.IsPresent)
        {
            return [];
        }

        var value = request.Body.Span.Slice(facts.Input.Start, facts.Input.Length);
        if (facts.InputIsString)
        {
            ReadOnlySpan<byte> head = "{\"type\":\"message\",\"role\":\"user\",\"content\":"u8;
            var items = new byte[head.Length + value.Length + 1];
            head.CopyTo(items);
            value.CopyTo(items.AsSpan(head.Length));
            items[^1] = (byte)'}';
            return items;
        }

        return value[1..^1].Trim(" \t\r\n"u8).ToArray();
    }

    /// <summary>
    /// The body with the stored conversation put in front of its own input and <c>previous_response_id</c>
    /// set to null (every upstream then gets the whole conversation); null when the id is not stored here.
    /// </summary>
    public byte[]? Expand(ChatRequest request)
    {
        if (request.Responses is not { PreviousResponseId: { } previous } facts || Find(request.ApiKeyName, previous) is not { } stored)
        {
            return null;
        }

        var current = InputItems(request);
        var body = request.Body.Span;
        var input = facts.Input;
        var id = facts.PreviousResponseIdValue;
        var inputValue = new byte[stored.Length + current.Length + 3];
        var at = 0;
        inputValue[at++] = (byte)'[';
        stored.CopyTo(inputValue, at);
        at += stored.Length;
        if (stored.Length > 0 && current.Length > 0)
        {
            inputValue[at++] = (byte)',';
        }

        current.CopyTo(inputValue, at);
        at += current.Length;
        inputValue[at++] = (byte)']';
        var value = inputValue.AsSpan(0, at);
        var output = new byte[body.Length - input.Length - id.Length + value.Length + 4];
        var written = 0;
        if (input.Start < id.Start)
        {
            Copy(body[..input.Start], output, ref written);
            Copy(value, output, ref written);
            Copy(body[input.End..id.Start], output, ref written);
            Copy("null"u8, output, ref written);
            Copy(body[id.End..], output, ref written);
        }
        else
        {
            Copy(body[..id.Start], output, ref written);
            Copy("null"u8, output, ref written);
            Copy(body[id.End..input.Start], output, ref written);
            Copy(value, output, ref written);
            Copy(body[input.End..], output, ref written);
        }

        return output;
    }

    private static void Copy(ReadOnlySpan<byte> source, byte[] target, ref int at)
    {
        source.CopyTo(target.AsSpan(at));
        at += source.Length;
    }
}
