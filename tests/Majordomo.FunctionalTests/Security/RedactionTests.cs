using System.Net;
using System.Text;
using Majordomo.FunctionalTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Majordomo.FunctionalTests.Security;

/// <summary>
/// Issue 11 finding 1: an upstream that echoes the request's headers (its key among them) in an error
/// must never get that key to the client, a log line or the store — on every path: both ingresses ×
/// both upstream protocols × stream / non-stream, for caller-fault (400, 422), credential (401, 403)
/// and mid-stream errors.
/// </summary>
public sealed class RedactionTests
{
    // Distinctive middles: a partial leak shows as well as a whole one. The Anthropic key has '+' and
    // '/' so the upstream's JSON encoder escapes it (\u002B) and the gateway must still find it.
    private const string OpenAIKey = "oa-secret-Q7W8E9R0T1Y2";
    private const string AnthropicKey = "an+secret/Z5X6C7V8B9N0=";
    private const string GatewayKey = "gw-secret-H4J5K6L7M8N9";
    private static readonly string[] Fragments = ["Q7W8E9R0T1Y2", "Z5X6C7V8B9N0", "H4J5K6L7M8N9"];

    // A provider per variant and protocol: a 401 cools its credential for the whole provider.
    private static readonly string Config = $$"""
        {
          "server": { "apiKeys": [ { "name": "team", "key": "{{GatewayKey}}" } ] },
          "providers": { {{string.Join(", ", Enumerable.Range(0, 4).Select(v =>
              $$$"""
              "oa{{{v}}}": { "api": "openai", "baseUrl": "{UPSTREAM}", "retries": 0, "credentials": [ { "id": "o1", "apiKey": "{{{OpenAIKey}}}" } ] },
              "an{{{v}}}": { "api": "anthropic", "baseUrl": "{UPSTREAM}", "retries": 0, "credentials": [ { "id": "a1", "apiKey": "{{{AnthropicKey}}}" } ] }
              """))}} },
          "models": { {{string.Join(", ", Enumerable.Range(0, 4).Select(v =>
              $$$"""
              "oa/v{{{v}}}": { "provider": "oa{{{v}}}", "upstreamModel": "oa-v{{{v}}}" },
              "an/v{{{v}}}": { "provider": "an{{{v}}}", "upstreamModel": "an-v{{{v}}}", "maxOutputTokens": 100 }
              """))}} }
        }
        """;

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(422)]
    [InlineData(0)] // a mid-stream error event
    public async Task UpstreamEchoesTheKey_NeverReachesClientLogOrStore(int status)
    {
        var log = new CapturedLog();
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream, services: log.AddTo);
        var tried = 0;
        var redacted = 0;

        foreach (var upstreamProtocol in new[] { "oa", "an" })
        {
            for (var variant = 0; variant < 4; variant++)
            {
                var anthropicIngress = variant >= 2;
                var stream = variant % 2 == 1;
                if (status == 0 && !stream)
                {
                    continue;
                }

                var model = $"{upstreamProtocol}/v{variant}";
                upstream.Script($"{upstreamProtocol}-v{variant}", status == 0 ? new Scenario.EchoHeadersMidStream() : new Scenario.EchoHeaders(status));

                using var response = await gateway.Http.SendAsync(Request(model, anthropicIngress, stream), HttpCompletionOption.ResponseHeadersRead);
                var body = await ReadAllAsync(response);
                var what = $"{model} via {(anthropicIngress ? "/v1/messages" : "/v1/chat/completions")}, stream {stream}: {(int)response.StatusCode} {body}";

                tried++;
                AssertNoFragment(body, what);
                Assert.True(body.Contains(SecretRedactorMask, StringComparison.Ordinal), what); // the echo reached the gateway and was cut
                Assert.True(status == 0 ? response.StatusCode == HttpStatusCode.OK : (int)response.StatusCode >= 400, what);
                redacted++;
            }
        }

        Assert.Equal(status == 0 ? 4 : 8, tried);
        Assert.Equal(tried, redacted);
        Assert.Equal(tried, upstream.Received.Count);

        await gateway.StopAsync();
        foreach (var line in log.Lines)
        {
            AssertNoFragment(line, "log line");
        }

        var rows = StoreText(gateway.StorePath);
        Assert.Contains(SecretRedactorMask, rows, StringComparison.Ordinal);
        AssertNoFragment(rows, "the store");
    }

    private const string SecretRedactorMask = "***";

    private static HttpRequestMessage Request(string model, bool anthropicIngress, bool stream)
    {
        var streamJson = stream ? "true" : "false";
        var request = anthropicIngress
            ? new HttpRequestMessage(HttpMethod.Post, "/v1/messages")
            {
                Content = new StringContent($$"""{"model":"{{model}}","max_tokens":50,"stream":{{streamJson}},"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
            }
            : new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
            {
                Content = new StringContent($$"""{"model":"{{model}}","stream":{{streamJson}},"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
            };
        if (anthropicIngress)
        {
            request.Headers.Add("x-api-key", GatewayKey);
        }
        else
        {
            request.Headers.Add("Authorization", "Bearer " + GatewayKey);
        }

        return request;
    }

    /// <summary>The whole body; an aborted stream (the OpenAI sink's failure signal) yields what arrived.</summary>
    private static async Task<string> ReadAllAsync(HttpResponseMessage response)
    {
        using var buffer = new MemoryStream();
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync();
            await stream.CopyToAsync(buffer);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void AssertNoFragment(string text, string where)
    {
        foreach (var fragment in Fragments)
        {
            Assert.False(text.Contains(fragment, StringComparison.Ordinal), $"a key reached {where}: {text}");
        }
    }

    /// <summary>Every value of every table of the store, as text.</summary>
    private static string StoreText(string path)
    {
        var text = new StringBuilder();
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }
}
