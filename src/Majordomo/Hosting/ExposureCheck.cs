using System.Net;

namespace Majordomo.Hosting;

/// <summary>Warns at startup when the gateway listens beyond loopback without any gateway API key.</summary>
internal static partial class ExposureCheck
{
    public static void Warn(ILogger logger, Config.MajordomoConfig? config, IEnumerable<string> urls)
    {
        if (config?.Server?.ApiKeys is { Count: > 0 })
        {
            return;
        }

        foreach (var url in urls)
        {
            if (!IsLoopback(url))
            {
                LogOpen(logger, url);
                return;
            }
        }
    }

    /// <summary>True for localhost, 127.x and ::1; wildcards (*, +, 0.0.0.0) and other hosts are not.</summary>
    public static bool IsLoopback(string url)
    {
        // Kestrel accepts wildcard hosts that Uri cannot parse; normalise them first.
        var normalized = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri))
        {
            return false;
        }

        if (uri.IsLoopback)
        {
            return true;
        }

        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    [LoggerMessage(EventId = LogEvents.OpenWithoutKeys, Level = LogLevel.Warning, Message = "Listening on {Url} beyond loopback with no gateway API keys: anyone who can reach it can spend your quotas. Set server.apiKeys.")]
    private static partial void LogOpen(ILogger logger, string url);
}
