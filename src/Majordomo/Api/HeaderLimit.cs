using System.Buffers;
using Microsoft.Extensions.Primitives;

namespace Majordomo.Api;

/// <summary>
/// The request-header size limit. Kestrel answers headers above its own limit with an empty 431
/// before any code of ours runs, so its limit is raised to <see cref="KestrelLimit"/> and this one,
/// checked first on every request, answers in the ingress's error shape.
/// </summary>
internal static class HeaderLimit
{
    /// <summary>Kestrel's default: what a request's headers may take in all.</summary>
    public const int MaxBytes = 32 * 1024;

    /// <summary>What Kestrel buffers before refusing by itself (empty 431): headers this large are an attack, not a client.</summary>
    public const int KestrelLimit = 256 * 1024;

    public const string Message = "The request headers are larger than the limit of 32768 bytes.";

    /// <summary>True when names and values (with their ": " and line ends) pass <see cref="MaxBytes"/>.</summary>
    public static bool Exceeded(IHeaderDictionary headers)
    {
        // Copied out in one call: enumerating the interface boxes Kestrel's enumerator and makes two interface
        // calls per header; this runs on every request.
        var count = headers.Count;
        var pairs = ArrayPool<KeyValuePair<string, StringValues>>.Shared.Rent(count);
        var copied = pairs.AsSpan(0, count);
        try
        {
            headers.CopyTo(pairs, 0);
            return Total(copied) > MaxBytes;
        }
        finally
        {
            // Cleared: header values (keys among them) must not outlive the request in a shared pool.
            copied.Clear();
            ArrayPool<KeyValuePair<string, StringValues>>.Shared.Return(pairs);
        }
    }

    private static long Total(ReadOnlySpan<KeyValuePair<string, StringValues>> pairs)
    {
        long total = 0;
        foreach (var (name, values) in pairs)
        {
            total += name.Length + 4;
            foreach (var value in values)
            {
                total += value?.Length ?? 0;
            }
        }

        return total;
    }
}
