using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;

namespace Majordomo.FunctionalTests.Security;

/// <summary>
/// Issue 11 finding 9: requests Kestrel itself would refuse before the gateway runs (huge headers) or
/// that carry UTF-8 header values still get a JSON error in the ingress's shape. Sent over raw
/// sockets: HttpClient will not send them.
/// </summary>
public sealed class KestrelErrorTests : GatewayTest
{
    [Theory]
    [InlineData("/v1/chat/completions", false)]
    [InlineData("/v1/messages", true)]
    public async Task HugeHeaders_431JsonInTheIngressShape(string path, bool anthropic)
    {
        var (status, headers, body) = await RawAsync($"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Padding: {new string('p', 40_000)}\r\nContent-Length: 2\r\n\r\n{{}}");

        Assert.Equal(431, status);
        AssertJsonError(headers, body, anthropic, "headers");
    }

    [Fact]
    public async Task Utf8HeaderValue_IsReadNotRefused_WrongKeyIs401Json()
    {
        var gateway = await TestGateway.StartAsync(Configs.Standard.Replace("\"providers\": {", """ "server": { "apiKeys": [ { "name": "a", "key": "mjd-key-00000001" } ] }, "providers": {""", StringComparison.Ordinal), Upstream);
        await using var _ = gateway;
        var (status, headers, body) = await RawAsync(
            "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer clé-été\r\nX-Note: naïve\r\nContent-Length: 2\r\n\r\n{}",
            gateway.BaseUrl, Encoding.UTF8);

        Assert.Equal(401, status);
        AssertJsonError(headers, body, anthropic: false, "gateway API key");
    }

    private static void AssertJsonError(string headers, string body, bool anthropic, string contains)
    {
        Assert.Contains("Content-Type: application/json", headers, StringComparison.OrdinalIgnoreCase);
        using var doc = JsonDocument.Parse(body);
        var error = doc.RootElement.GetProperty("error");
        if (anthropic)
        {
            Assert.Equal("error", doc.RootElement.GetProperty("type").GetString());
        }

        Assert.Contains(contains, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private Task<(int Status, string Headers, string Body)> RawAsync(string request) => RawAsync(request, Gateway.BaseUrl, Encoding.ASCII);

    /// <summary>Sends <paramref name="request"/> as bytes and reads the answer until the server closes or the body is complete.</summary>
    private static async Task<(int Status, string Headers, string Body)> RawAsync(string request, string baseUrl, Encoding encoding)
    {
        var uri = new Uri(baseUrl);
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(encoding.GetBytes(request));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var received = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            int n;
            try
            {
                n = await stream.ReadAsync(buffer, timeout.Token);
            }
            catch (IOException)
            {
                break; // reset after the answer
            }

            if (n == 0)
            {
                break;
            }

            received.Write(buffer, 0, n);
            if (Complete(received.ToArray()))
            {
                break;
            }
        }

        var text = Encoding.UTF8.GetString(received.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, "no answer: " + text);
        var head = text[..split];
        return (int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), head, text[(split + 4)..]);
    }

    private static bool Complete(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (split < 0)
        {
            return false;
        }

        var length = text[..split].Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return length is not null && Encoding.UTF8.GetByteCount(text[(split + 4)..]) >= int.Parse(length[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
