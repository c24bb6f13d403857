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

    public static async IAsyncEnumerable<string> ReadEventsAsync(HttpResponseMessage response, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(stream);
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(ct);
            }
            catch (IOException)
            {
                yield break;
            }
            catch (HttpRequestException)
            {
                yield break;
            }

            if (line is null)
            {
                yield break;
            }

            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                yield return line[6..];
            }
        }
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
