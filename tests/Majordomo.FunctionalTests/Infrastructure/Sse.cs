using System.Net.Http.Headers;
using System.Text;

namespace Majordomo.FunctionalTests.Infrastructure;

/// <summary>Raw HTTP helpers: post JSON, read an SSE stream event by event.</summary>
public static class Sse
{
    public static HttpRequestMessage Post(string path, string json, bool stream = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (stream)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        }

        return request;
    }

    /// <summary>Reads every <c>data:</c> payload until the server ends the response.</summary>
    public static async Task<List<string>> ReadAllEventsAsync(HttpResponseMessage response, CancellationToken ct = default)
    {
        var events = new List<string>();
        await foreach (var e in ReadEventsAsync(response, ct))
        {
            events.Add(e);
        }

        return events;
    }

    /// <summary>
    /// Yields every <c>data:</c> payload until the server ends the response. A response cut short (the
    /// gateway aborts a failed stream so every client sees it incomplete) ends the sequence quietly only when
    /// the last event was an error event: a cut without one is what a user must never see, so it throws.
    /// </summary>
    public static async IAsyncEnumerable<string> ReadEventsAsync(HttpResponseMessage response, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(stream);
        string? last = null;
        var count = 0;
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(ct);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                if (IsErrorEvent(last))
                {
                    yield break;
                }

                throw new IOException($"The stream was cut after {count} events without an error event (last: {last ?? "none"}).", ex);
            }

            if (line is null)
            {
                yield break;
            }

            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                last = line[6..];
                count++;
                yield return last;
            }
        }
    }

    /// <summary>
    /// The whole body as text, read line by line; <paramref name="seen"/> gets the text so far after each line, so
    /// a test can release an upstream fault only once the client holds what came before it (a reset racing the
    /// first bytes would rightly fall back instead). A cut after the last line ends the text, as a client sees it.
    /// </summary>
    public static async Task<string> ReadBodyAsync(HttpResponseMessage response, Action<string> seen, CancellationToken ct = default)
    {
        using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(stream);
        var text = new StringBuilder();
        try
        {
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                text.Append(line).Append('\n');
                seen(text.ToString());
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
        }

        return text.ToString();
    }

    /// <summary>An error event of any protocol the gateway speaks: <c>{"error":…}</c> or <c>{"type":"error",…}</c>.</summary>
    public static bool IsErrorEvent(string? data)
    {
        if (data is null || !data.StartsWith('{'))
        {
            return false;
        }

        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(data);
            var root = doc.RootElement;
            return root.TryGetProperty("error", out _) ||
                   (root.TryGetProperty("type", out var type) && type.ValueKind == System.Text.Json.JsonValueKind.String && type.GetString() == "error");
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
